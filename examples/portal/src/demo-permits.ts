/**
 * Hazardous-work permits in the demo portal (issue 19): the permit store beside the portal's
 * store (own tables in the same SQLite file), the permit roles the demo enterprises give their
 * people (the host's directory, never a request), and core's `tickPermits` on the portal's
 * timer (expiries and missed readings recorded without waiting for the next command). The
 * permit endpoints themselves are the API's (`createAnjianApi({ permits })`).
 */
import { join } from 'node:path';
import { tickPermits, type PermitStore } from '@anjian/core/internal';
import type { Clock } from '@anjian/core';
import { createSqlitePermitStore } from '@anjian/store-sqlite';

/**
 * Who holds which permit role (`principal_leader` 主管领导, `safety_department` 安全管理部门,
 * `unit` 所在基层单位; for work at height by its grade, `specialist_department` 所在单位专业部门 and
 * `plant_leader` 主管厂长或总工程师; `production_safety_head` 生产负责人或安全管理负责人, who approves managing a
 * shut-down unit's hot work as 二级) in which enterprise. 绿园餐厅: its owner, the restaurant's leader,
 * is the 主管领导, approves grade Ⅳ height work as the 主管厂长 and a shut-down downgrade as the head of
 * production; its safety officer speaks for the safety department, the kitchen (the basic-level unit)
 * and the specialist department (grades Ⅱ–Ⅲ). 东方化工仓储 (the hot work, GB 30871-2022): the same split.
 */
export const DEMO_PERMIT_ROLES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'owner-lvyuan': { 'ent-lvyuan': ['principal_leader', 'plant_leader', 'production_safety_head'] },
  'safety-lvyuan': { 'ent-lvyuan': ['safety_department', 'unit', 'specialist_department'] },
  'owner-dongfang': { 'ent-dongfang': ['principal_leader', 'plant_leader', 'production_safety_head'] },
  'safety-dongfang': { 'ent-dongfang': ['safety_department', 'unit', 'specialist_department'] },
};

/** Who holds the permit role `role` in `enterpriseId` (from {@link DEMO_PERMIT_ROLES}), e.g. whom to text about a permit waiting for approval. */
export function permitRoleHolders(enterpriseId: string, role: string): string[] {
  return Object.entries(DEMO_PERMIT_ROLES)
    .filter(([, byEnterprise]) => byEnterprise[enterpriseId]?.includes(role) === true)
    .map(([actorId]) => actorId);
}

/** The permit part of the portal: the store, the roles and the timer. */
export interface DemoPermits {
  store: PermitStore;
  permitRoles(actorId: string, enterpriseId: string): Promise<readonly string[]>;
  /** Records what the clock decided (expiries, missed readings) now. */
  runOnce(): Promise<void>;
  close(): void;
}

/** Opens the permit tables in `<dataDir>/anjian.db` and starts the tick every `tickMs` (0: never). */
export function startDemoPermits(options: { dataDir: string; clock: Clock; tickMs: number }): DemoPermits {
  const store = createSqlitePermitStore({ path: join(options.dataDir, 'anjian.db') });
  const runOnce = async () => {
    await tickPermits({ store }, options.clock.now());
  };
  const timer =
    options.tickMs > 0
      ? setInterval(() => {
          runOnce().catch((error: unknown) => console.error('portal: permit tick failed:', error));
        }, options.tickMs)
      : undefined;
  timer?.unref();
  return {
    store,
    permitRoles: async (actorId, enterpriseId) => DEMO_PERMIT_ROLES[actorId]?.[enterpriseId] ?? [],
    runOnce,
    close() {
      if (timer) clearInterval(timer);
      store.close();
    },
  };
}
