/**
 * Rental premises and inspection rounds in the demo (issue 17): the rental directory (which
 * enterprise holds which premises, who rents there), the round log beside the store (own
 * table in the same file), one patrol round opened at the first start, and the directory
 * wrapper that adds a landlord's tenancies to its profile — so the hazard list, the landlord
 * view and the enterprise file all apply core's landlord read rule.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRound, withLandlordTenancies, type Clock, type Directory, type EnterpriseRecord, type RentalDirectory } from '@anjian/core/internal';
import { createMemoryRentalDirectory } from '@anjian/core/internal';
import type { RentalSeed } from '@anjian/core/ports';
import { createSqliteRoundStore, type SqliteRoundStore } from '@anjian/store-sqlite';

/** Premises of the demo: 绿园餐厅 rents a shopfront to 安平火锅店; 红星 rents rooms of its works to 如意宾馆 (a 群租房 point). */
export const DEMO_RENTAL = {
  premises: [
    {
      id: 'p-lvyuan-1',
      enterpriseId: 'ent-lvyuan',
      address: 'D1区和平里北街18号',
      area: 'D1/G1',
      kinds: ['restaurant', 'small_premises'],
      nineSmall: true,
      labourIntensive: false,
      groupRental: false,
    },
    {
      id: 'p-lvyuan-2',
      enterpriseId: 'ent-lvyuan',
      address: 'D1区和平里北街20号（出租门面）',
      area: 'D1/G1',
      kinds: ['restaurant', 'small_premises'],
      nineSmall: true,
      labourIntensive: false,
      groupRental: false,
    },
    {
      id: 'p-hongxing-1',
      enterpriseId: 'ent-hongxing',
      address: 'D1区红星路6号 厂区',
      area: 'D1/G2',
      kinds: ['canteen', 'factory_warehouse'],
      nineSmall: false,
      labourIntensive: true,
      groupRental: false,
    },
    {
      id: 'p-hongxing-2',
      enterpriseId: 'ent-hongxing',
      address: 'D1区红星路6号 3号楼（群租）',
      area: 'D1/G2',
      kinds: ['crowded_place', 'hotel'],
      nineSmall: false,
      labourIntensive: false,
      groupRental: true,
    },
  ],
  tenancies: [
    { premisesId: 'p-lvyuan-2', tenantEnterpriseId: 'ent-anping' },
    { premisesId: 'p-hongxing-2', tenantEnterpriseId: 'ent-ruyi' },
  ],
} as const;

/**
 * The demo premises' names in both languages, as the forms offer them. Each place's `kinds`
 * give one premises kind per pack it is inspected with (gas / the demo kitchen, fire): the
 * server derives an inspection's kind from them.
 */
export const DEMO_PREMISES_NAMES: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  'p-lvyuan-1': { 'zh-CN': '绿园餐厅 和平里北街18号', en: 'Lvyuan Restaurant, 18 Hepingli North St' },
  'p-lvyuan-2': { 'zh-CN': '出租门面 和平里北街20号', en: 'Rented shopfront, 20 Hepingli North St' },
  'p-hongxing-1': { 'zh-CN': '红星厂区 食堂', en: 'Hongxing works, canteen' },
  'p-hongxing-2': { 'zh-CN': '红星3号楼（群租）', en: 'Hongxing building 3 (group rental)' },
};

/** The demo's round: a gas patrol of D1 over the current month. */
export const DEMO_ROUND_ID = 'demo-gas-patrol';

export interface DemoRelations {
  rental: RentalDirectory;
  rounds: SqliteRoundStore;
  /** The round seed key (T33): rounds opened with it commit to their draw seeds, draws reveal them. */
  roundSeedKey: Uint8Array;
  /** The directory with landlords' tenancies added to their profiles (its other methods, `listEnterprises` among them, as given). */
  directory: Directory;
  close(): void;
}

/** Opens the rental directory and the round log; opens the demo round once per data folder. */
export async function startDemoRelations(options: {
  dataDir: string;
  directory: Directory;
  clock: Clock;
  packDomain: (id: string) => string | null;
  enterprises: readonly EnterpriseRecord[];
  /** More premises and tenancies beside the demo's (a generated city's, `ANJIAN_DEMO_CITY`). */
  more?: RentalSeed;
}): Promise<DemoRelations> {
  const rental = createMemoryRentalDirectory({
    premises: [...DEMO_RENTAL.premises.map((p) => ({ ...p, kinds: [...p.kinds] })), ...(options.more?.premises ?? [])],
    tenancies: [...DEMO_RENTAL.tenancies, ...(options.more?.tenancies ?? [])],
  });
  const rounds = createSqliteRoundStore({ path: join(options.dataDir, 'anjian.db') });
  // The round seed key (T33), made at the first start and kept in the data folder beside the
  // round log. A demo's compromise: a real host keeps it in its secret store, away from the database.
  const keyFile = join(options.dataDir, 'round-seed.key');
  if (!existsSync(keyFile)) {
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  const roundSeedKey = new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex'));
  const inner = options.directory;
  // The given directory's methods all kept (its listEnterprises above all: GET /enterprises and the area check push
  // their filter down to it), only resolve wrapped.
  const directory: Directory = {
    ...inner,
    resolve: async (id) => {
      const profile = await inner.resolve(id);
      return profile && withLandlordTenancies(profile, rental);
    },
  };
  if ((await rounds.roundEntries(DEMO_ROUND_ID)).length === 0 && options.packDomain('gas') !== null) {
    const day = new Date(options.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [y, m] = day.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    await openRound(
      { rounds, directory, clock: options.clock, packDomain: options.packDomain, seedKey: roundSeedKey },
      {
        id: DEMO_ROUND_ID,
        kind: 'patrol_coverage',
        title: { 'zh-CN': `${y}年${m}月燃气全覆盖巡查`, en: `Gas patrol coverage ${day.slice(0, 7)}` },
        packId: 'gas',
        scope: { area: 'D1' },
        startsOn: `${day.slice(0, 8)}01`,
        endsOn: last,
      },
      'admin-chen',
    );
  }
  return { rental, rounds, roundSeedKey, directory, close: () => rounds.close() };
}
