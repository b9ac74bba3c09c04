import type { AnjianApi } from '@anjian/http';
import { demoPng } from './demo-png.js';
import { DEMO_ENTERPRISES } from './demo-users.js';
import { coSignContentFields } from '@anjian/core/internal';

/** The co-sign code request of the second officer a seed step names: the act, and what it binds taken from the step (decision 010, update). */
function coSignIssue(step: Record<string, unknown>): { act: unknown; content?: Record<string, unknown> } {
  const fields = coSignContentFields(String(step.type));
  return fields.length === 0 ? { act: step.type } : { act: step.type, content: Object.fromEntries(fields.map((f) => [f, step[f]])) };
}

/**
 * A seed step the API refused: the step (its Idempotency-Key), the HTTP status and the
 * problem's code. On a data folder written by another build the same key may stand for other
 * content (`IDEMPOTENCY_KEY_REUSED`); `createPortal` names the folder and says to delete it.
 */
export class SeedStepError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string | undefined,
  ) {
    super(`seed ${step}: HTTP ${status} ${code ?? ''}${detail ? ` — ${detail}` : ''}`.trim());
    this.name = 'SeedStepError';
  }
}

/** Throws the step's {@link SeedStepError} (the body's problem code and detail, when it has them). */
function refused(step: string, res: { status: number; body: { code?: unknown; detail?: unknown } | null }): never {
  const code = typeof res.body?.code === 'string' ? res.body.code : undefined;
  const detail = typeof res.body?.detail === 'string' ? res.body.detail : undefined;
  throw new SeedStepError(step, res.status, code, detail);
}

/** Signs a demo user in without a password (in process) and returns its session cookie. */
export type SeedSignIn = (userId: string) => string;

// The API's JSON bodies, read field by field as the seed needs them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Call = (user: string, method: string, path: string, body?: unknown, key?: string) => Promise<{ status: number; body: any }>;

/**
 * Calls the API as a demo user (an in-process session cookie); returns the parsed body and
 * status. A `Uint8Array` body is sent as a PNG upload, anything else as JSON.
 */
const caller =
  (api: AnjianApi, signIn: SeedSignIn): Call =>
  async (user, method, path, body, key) => {
    const upload = body instanceof Uint8Array;
    const headers: Record<string, string> = { cookie: signIn(user), 'content-type': upload ? 'image/png' : 'application/json' };
    if (key) headers['idempotency-key'] = key;
    // The second officer a seed step names (`coOfficerId`, not sent) gives his co-sign code from his own session.
    const { coOfficerId: named, ...rest } = !upload && typeof body === 'object' && body !== null ? (body as { coOfficerId?: unknown }) : {};
    if (typeof named === 'string') {
      const hazard = /^\/hazards\/([^/]+)\/commands$/.exec(path)?.[1] ?? '';
      const issued = await api.fetch(
        new Request(`http://portal.local/api/hazards/${hazard}/co-sign-codes`, {
          method: 'POST',
          headers: { cookie: signIn(named), 'content-type': 'application/json' },
          body: JSON.stringify(coSignIssue(rest as Record<string, unknown>)),
        }),
      );
      if (issued.status === 201) headers['co-sign-code'] = ((await issued.json()) as { code: string }).code;
      body = rest;
    }
    const payload = body === undefined ? {} : { body: upload ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) };
    const res = await api.fetch(new Request(`http://portal.local/api${path}`, { method, headers, ...payload }));
    return { status: res.status, body: await res.json() };
  };

/**
 * Seeds demo hazards through the API as the demo users (`signIn` gives each a session cookie),
 * with fixed Idempotency-Keys: a second start replays the reports (same hazard ids) and skips
 * follow-up steps whose hazard has moved on.
 */
export async function seedDemoData(api: AnjianApi, signIn: SeedSignIn, now: Date): Promise<number> {
  const call = caller(api, signIn);
  await seedDemoPermits(call, now);
  const [lvyuan, hongxing, anping, ruyi] = DEMO_ENTERPRISES;
  const inspections = [
    // 绿园: the alarm is broken → one general hazard, left reported.
    { user: 'owner-lvyuan', key: 'seed-lvyuan-1', e: lvyuan, findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 } },
    // 红星食堂: LPG below ground → a major, generals, a simple hazard.
    { user: 'owner-hongxing', key: 'seed-hongxing-1', e: hongxing, findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 } },
    // 安平: broken alarm again; its rectification is submitted below (waits for the grid).
    { user: 'owner-anping', key: 'seed-anping-1', e: anping, findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1.2 } },
    // 如意宾馆 (fire pack): escape routes blocked by e-bikes, extinguishers short, a fire door propped open.
    {
      user: 'owner-ruyi',
      key: 'seed-ruyi-1',
      e: ruyi,
      pack: 'fire',
      findings: {
        building_class: 'low_multi',
        fire_lane_state: 'clear',
        separation_occupied: false,
        separation_ratio_pct: 100,
        fire_door_propped_open: true,
        fire_door_damaged_pct: 0,
        exit_obstruction: 'clear',
        exits_too_few: false,
        exit_width_ratio_pct: 100,
        egress_lighting_defect_pct: 0,
        stair_door_defect_pct: 0,
        hydrant_obstructed: false,
        hydrant_status: 'normal',
        extinguishers_short: true,
        extinguishers_expired: false,
        smoking_or_open_flame: false,
        hot_work_in_progress: false,
        ebike_in_escape_routes: true,
        crowded_kind: 'hotel',
        has_sleeping_area: true,
        sleeping_area_panels: 'none',
        compartment_altered: false,
        window_bars_fixed: false,
        flammables_in_crowded: false,
        last_system_test_date: '2026-03-15',
        sprinkler_status: 'normal',
        fire_alarm_status: 'normal',
        smoke_control_status: 'normal',
        control_room_present: true,
        control_room_staffed: true,
      },
    },
  ];
  let reported = 0;
  const hazardOf: Record<string, string[]> = {};
  for (const i of inspections) {
    // The inspection names only the enterprise: level, area, source and deadline are derived on the server.
    const res = await call(
      i.user,
      'POST',
      '/inspections?report=true',
      {
        pack: 'pack' in i ? i.pack : 'demo-kitchen',
        premises: i.e.premises,
        findings: i.findings,
        subject: { id: i.e.id, enterpriseId: i.e.id, name: i.e.name['zh-CN'] },
      },
      i.key,
    );
    if (res.status !== 200) refused(i.key, res);
    hazardOf[i.key] = (res.body.reports ?? []).map((r: { hazardId: string }) => r.hazardId);
    reported += hazardOf[i.key]!.length;
  }
  // 安平's hazard: rectification submitted (1 photo before, 2 after, uploaded first), waiting for verification.
  const anpingHazard = hazardOf['seed-anping-1']?.[0];
  if (anpingHazard) {
    const state = await call('owner-anping', 'GET', `/hazards/${anpingHazard}`);
    if (state.body?.state?.status === 'reported') {
      const evidence = [];
      for (const [name, kind] of [
        ['before', 'photo_before'],
        ['after-1', 'photo_after'],
        ['after-2', 'photo_after'],
      ] as const) {
        const up = await call('owner-anping', 'POST', `/hazards/${anpingHazard}/evidence`, demoPng(`seed-anping-${name}`));
        if (up.status !== 201) refused(`seed-anping-${name}`, up);
        evidence.push({ id: up.body.id as string, kind });
      }
      const res = await call(
        'owner-anping',
        'POST',
        `/hazards/${anpingHazard}/commands`,
        {
          type: 'submit_rectification',
          evidence,
          note: { 'zh-CN': '已更换报警器', en: 'alarm replaced' },
        },
        'seed-anping-rectify',
      );
      if (res.status !== 200) refused('seed-anping-rectify', res);
    }
  }
  // 绿园's hazard: the grid inspector issues a rectification notice (deadline running).
  await stepIfStatus(call, hazardOf['seed-lvyuan-1']?.[0], 'reported', 'grid-wang', { type: 'issue_notice' }, 'seed-lvyuan-notice');
  // 红星's major hazard: a case is filed by two officers (enforcement path under way).
  const major = (await Promise.all((hazardOf['seed-hongxing-1'] ?? []).map((id) => call('officer-li', 'GET', `/hazards/${id}`)))).find((r) => r.body?.state?.level === 'major');
  await stepIfStatus(call, major?.body.state.hazardId, 'reported', 'officer-li', { type: 'file_case', coOfficerId: 'officer-zhao' }, 'seed-hongxing-case');
  return reported;
}

/** Sends one seed command when the hazard is still at `status` (so a restart skips it). */
async function stepIfStatus(call: Call, hazardId: string | undefined, status: string, user: string, command: Record<string, unknown>, key: string): Promise<void> {
  if (!hazardId) return;
  const state = await call(user, 'GET', `/hazards/${hazardId}`);
  if (state.body?.state?.status !== status) return;
  const res = await call(user, 'POST', `/hazards/${hazardId}/commands`, command, key);
  if (res.status !== 200) refused(key, res);
}

/**
 * Hazardous-work permits of 绿园餐厅 through the permit endpoints (core's permit commands): a
 * confined-space job (隔油池清掏) applied for, awaiting the approval; and of 东方化工仓储, the demo's
 * hazardous-chemical enterprise (GB 30871-2022: the directory says so, not the request): a 一级 hot work
 * (welding a pipe bracket in the tank farm) approved, gas-tested (passing), the attendant present and
 * started. A restaurant is not held to the hazardous-chemical rules, which are the only hot-work rules
 * shipped. Keys carry the China date of `now`, so each day's first start has a live job; a later
 * start the same day finds the key used (replayed or refused as reused) and writes nothing.
 */
async function seedDemoPermits(call: Call, now: Date): Promise<void> {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const apply = async (key: string, body: Record<string, unknown>, of = 'lvyuan'): Promise<string | null> => {
    const res = await call(`owner-${of}`, 'POST', '/permits', { enterpriseId: `ent-${of}`, attendantId: `attendant-${of}`, ...body }, key);
    if (res.status === 201 && res.body.replayed === false) return res.body.permit.permitId as string;
    if (res.body?.replayed === true || res.body?.code === 'IDEMPOTENCY_KEY_REUSED') return null; // seeded earlier today
    refused(key, res);
  };
  const step = async (user: string, id: string, action: string, key: string, body?: unknown): Promise<void> => {
    const res = await call(user, 'POST', `/permits/${encodeURIComponent(id)}/${action}`, body, key);
    if (res.status !== 200) refused(key, res);
  };
  const hot = await apply(
    `seed-permit-hot-${day}`,
    {
      kind: 'hot_work',
      // what the applicant observed; the server derives 一级 from it (a fire/explosion hazardous area, GB 30871-2022 5.1.3)
      hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
      workerIds: ['张焊工', '刘师傅'],
      validFrom: at(0),
      flammableLelPctVol: 5,
    },
    'dongfang',
  );
  if (hot) {
    await step('safety-dongfang', hot, 'approve', `seed-permit-hot-approve-${day}`);
    const reading = { sampledAt: at(0), instrument: '便携式可燃气体检测仪', place: '罐区管架动火点', flammablePctVol: 0.1 };
    await step('owner-dongfang', hot, 'gas-tests', `seed-permit-hot-test-${day}`, reading);
    await step('attendant-dongfang', hot, 'attendant-present', `seed-permit-hot-present-${day}`);
    await step('owner-dongfang', hot, 'start', `seed-permit-hot-start-${day}`);
  }
  await apply(`seed-permit-grease-${day}`, { kind: 'confined_space', grade: 'none', workerIds: ['赵师傅', '钱师傅'], validFrom: at(60) });
}
