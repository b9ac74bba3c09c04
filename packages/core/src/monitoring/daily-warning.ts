import { chinaPeriod } from '../ports/hazard-stats.js';
import { outboxContent } from '../outbox/outbox-envelope.js';
import type { Directory } from '../ports/directory.js';
import type { DeviceNotification, DeviceRegistry } from '../ports/device-registry.js';
import type { ReadModelStore } from '../ports/store.js';
import type { HazardSummary } from '../chain/types.js';
import { collectRoundWork, roundWorkFor, roundWorkToWarn, type RoundWorkItem, type RoundWorkSource } from '../rounds/round-work.js';
import type { DeviceWarning } from './device-state.js';
import type { Device, DeviceKind } from './device.js';

/** 中文 words of the device kinds, as the daily warning names a device (its place, then its kind). */
export const DEVICE_KIND_WORDS: Readonly<Record<DeviceKind, string>> = Object.freeze({
  smoke_alarm: '烟感报警器',
  combustible_gas_detector: '可燃气体探测器',
  toxic_gas_detector: '有毒气体探测器',
  transmitter: '变送器',
  video_analytics: '视频监控',
});

/**
 * 中文 words of the `sensors` pack's conditions (its items), most urgent first: the order in
 * which the daily warning names devices and a device's conditions. An item not listed (a
 * local overlay's) reads “有预警”.
 */
export const DEVICE_CONDITION_WORDS: ReadonlyArray<readonly [item: string, word: string]> = Object.freeze([
  ['SEN-01', '报警'],
  ['SEN-05', '被关闭'],
  ['SEN-03', '故障'],
  ['SEN-06', '读数超限'],
  ['SEN-02', '离线'],
  ['SEN-04', '电量低'],
  // Not a pack item: admission's warning for a device sending beyond its registered rate (FLOOD_ITEM).
  ['FLOOD', '消息过频'],
] as const);

/** One device with open warnings, as the daily warning names it. */
export interface DailyWarningDevice {
  deviceId: string;
  /** Its place and kind in 中文, e.g. `燃气间可燃气体探测器` (the id when the device is no longer registered). */
  name: string;
  /** Its open conditions in 中文, most urgent first, e.g. `['报警', '电量低']`. */
  conditions: string[];
}

/** 中文 name of a device: the place it protects, then its kind (`燃气间可燃气体探测器`). */
export function deviceWords(device: Device): string {
  return `${device.place.name || device.location}${DEVICE_KIND_WORDS[device.kind] ?? '设备'}`;
}

/**
 * The devices behind open warnings, named in 中文 by place and kind with their conditions,
 * most urgent first (then by device id). Pure.
 */
export function dailyWarningDevices(warnings: readonly DeviceWarning[], devices: ReadonlyMap<string, Device>): DailyWarningDevice[] {
  const rank = (item: string) => {
    const i = DEVICE_CONDITION_WORDS.findIndex(([x]) => x === item);
    return i < 0 ? DEVICE_CONDITION_WORDS.length : i;
  };
  const byDevice = new Map<string, Set<string>>();
  for (const w of warnings) if (w.status === 'open') (byDevice.get(w.deviceId) ?? byDevice.set(w.deviceId, new Set()).get(w.deviceId)!).add(w.item);
  return [...byDevice]
    .map(([deviceId, items]) => {
      const sorted = [...items].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
      const device = devices.get(deviceId);
      return {
        first: rank(sorted[0]!),
        line: {
          deviceId,
          name: device ? deviceWords(device) : `设备${deviceId}`,
          conditions: [...new Set(sorted.map((i) => DEVICE_CONDITION_WORDS.find(([x]) => x === i)?.[1] ?? '有预警'))],
        },
      };
    })
    .sort((a, b) => a.first - b.first || (a.line.deviceId < b.line.deviceId ? -1 : 1))
    .map((x) => x.line);
}

/** The outbox topic (and SMS template kind) of the daily early warning. */
export const DAILY_WARNING_TOPIC = 'monitoring.daily_warning';

/** The outbox topic (and SMS template kind) of a grid inspector's daily area digest. */
export const AREA_DIGEST_TOPIC = 'monitoring.area_digest';

/** What one enterprise's daily early warning counts. */
export interface DailyWarningCounts {
  /** Open hazards whose deadline falls within the next `dueWithinDays` days. */
  dueSoon: number;
  /** Open hazards past their deadline. */
  overdue: number;
  /** Hazards under a rectification notice not yet answered (status `rectifying`). */
  unanswered: number;
  /** Devices with an open alarm warning (`SEN-01`). */
  alarming: number;
  /** Devices with an open offline warning (`SEN-02`). */
  offline: number;
  /** Other open device warnings (fault, battery, switched off, beyond limits). */
  otherDeviceWarnings: number;
}

/** The payload of a daily early warning in the outbox. */
export interface DailyWarningPayload {
  enterpriseId: string;
  enterprise: string;
  /** The day in China Standard Time, `YYYY-MM-DD`. */
  date: string;
  counts: DailyWarningCounts;
  /** The devices with open warnings, named by place and kind. */
  devices: DailyWarningDevice[];
  /**
   * The enterprise's self-inspection rounds it has not done: overdue, or ending within
   * `dueWithinDays` (core's `roundWorkToWarn`). Present when the run was given `rounds`.
   */
  rounds?: RoundWorkItem[];
  /** One line in 中文 for the SMS template's `{summary}`. */
  summary: string;
}

/** Options of {@link runDailyWarning}. */
export interface DailyWarningOptions {
  /** The enterprises to warn (the host's list). */
  enterpriseIds: readonly string[];
  /** The caller's clock: the day is its China-time date. */
  now: Date;
  /** "Due soon" horizon. Default 3 days. */
  dueWithinDays?: number;
  /**
   * Grid inspectors to send an area digest to: each gets one notification
   * `area-digest/<inspector>/<date>` naming the enterprises of `enterpriseIds` inside their
   * `gridAreas` (from the Directory) that have something to attend to. Default none.
   */
  inspectorIds?: readonly string[];
}

/** A grid inspector's daily digest: the enterprises of the areas they patrol that have something to attend to. */
export interface AreaDigestPayload {
  inspectorId: string;
  date: string;
  /** Enterprises with something to say, in the order given. */
  enterprises: Array<{ enterpriseId: string; enterprise: string; summary: string }>;
  /**
   * Round members of the inspector's grid areas not yet patrolled (coverage patrols and
   * campaigns): overdue, or in a round ending within `dueWithinDays`. Present when the run
   * was given `rounds`.
   */
  rounds?: RoundWorkItem[];
  /** One line in 中文 for the SMS template's `{summary}`. */
  summary: string;
}

/** Result of {@link runDailyWarning}. */
export interface DailyWarningRun {
  date: string;
  /** Enterprises whose warning was enqueued now. */
  enqueued: string[];
  /** Enterprises already warned today (a re-run). */
  alreadySent: string[];
  /** Enterprises with nothing to say (no message). */
  nothing: string[];
  /** Enterprises the Directory does not know (skipped). */
  unknown: string[];
  /** Grid inspectors whose area digest was enqueued now (those of `inspectorIds` with something in their areas). */
  digests: string[];
}

const OPEN = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted'] as const;

/** Devices named one by one in a summary; beyond that, the first ones and “等N台设备有预警” (one SMS). */
const NAMED_DEVICES = 2;

/**
 * The 中文 summary line, or `null` when there is nothing to say. Pure. With `devices`
 * ({@link dailyWarningDevices}) the devices are named by place and kind with their
 * conditions — `燃气间可燃气体探测器报警，后厨烟感报警器离线` — at most two, then
 * `等3台设备有预警`; without, the device counts are given (`报警设备1台`). With `rounds`
 * (the enterprise's self-inspection round work) it adds `逾期未完成自查轮次1个` and
 * `即将截止自查轮次1个`.
 */
export function dailyWarningSummary(c: DailyWarningCounts, devices?: readonly DailyWarningDevice[], rounds?: readonly RoundWorkItem[]): string | null {
  const parts: string[] = [];
  if (c.overdue > 0) parts.push(`逾期隐患${c.overdue}项`);
  if (c.dueSoon > 0) parts.push(`即将到期隐患${c.dueSoon}项`);
  if (c.unanswered > 0) parts.push(`未回复整改通知${c.unanswered}份`);
  const overdueRounds = (rounds ?? []).filter((r) => r.status === 'overdue').length;
  const dueRounds = (rounds ?? []).length - overdueRounds;
  if (overdueRounds > 0) parts.push(`逾期未完成自查轮次${overdueRounds}个`);
  if (dueRounds > 0) parts.push(`即将截止自查轮次${dueRounds}个`);
  if (devices !== undefined) {
    const named = devices.map((d) => `${d.name}${d.conditions.join('、')}`);
    if (named.length <= NAMED_DEVICES) parts.push(...named);
    else parts.push(`${named.slice(0, NAMED_DEVICES).join('，')}等${named.length}台设备有预警`);
  } else {
    if (c.alarming > 0) parts.push(`报警设备${c.alarming}台`);
    if (c.offline > 0) parts.push(`离线设备${c.offline}台`);
    if (c.otherDeviceWarnings > 0) parts.push(`其他设备预警${c.otherDeviceWarnings}条`);
  }
  return parts.length === 0 ? null : parts.join('，');
}

/** Counts one enterprise's daily warning from its open hazards and open device warnings. Pure. */
export function countDailyWarning(hazards: readonly HazardSummary[], warnings: readonly DeviceWarning[], now: Date, dueWithinDays: number): DailyWarningCounts {
  const t = now.getTime();
  const horizon = t + dueWithinDays * 86_400_000;
  const c: DailyWarningCounts = { dueSoon: 0, overdue: 0, unanswered: 0, alarming: 0, offline: 0, otherDeviceWarnings: 0 };
  for (const h of hazards) {
    if (h.status === 'closed') continue;
    if (h.status === 'rectifying') c.unanswered++;
    if (h.deadline === null) continue;
    const d = Date.parse(h.deadline);
    if (d < t) c.overdue++;
    else if (d <= horizon) c.dueSoon++;
  }
  const alarming = new Set<string>();
  const offline = new Set<string>();
  for (const w of warnings) {
    if (w.status !== 'open') continue;
    if (w.item === 'SEN-01') alarming.add(w.deviceId);
    else if (w.item === 'SEN-02') offline.add(w.deviceId);
    else c.otherDeviceWarnings++;
  }
  c.alarming = alarming.size;
  c.offline = offline.size;
  return c;
}

async function openHazards(store: Pick<ReadModelStore, 'query'>, enterpriseId: string): Promise<HazardSummary[]> {
  const out: HazardSummary[] = [];
  let after: string | null = null;
  do {
    const page = await store.query({ enterpriseId, status: OPEN }, { limit: 500, after });
    out.push(...page.items);
    after = page.next;
  } while (after !== null);
  return out;
}

/**
 * The daily early warning (每日预警), driven by the caller's `now` (no timers): for each
 * enterprise, counts hazards overdue or due within `dueWithinDays`, notices not yet
 * answered and open device warnings, and enqueues one notification
 * `daily-warning/<enterprise>/<China date>` in the registry's outbox when there is
 * something to say — none when there is nothing. Enqueuing is idempotent by that id, so a
 * second run the same day, or a run after a crash half-way, sends nothing twice; the outbox
 * relay delivers it at least once with the id as the SMS gateway's idempotency key. Each grid
 * inspector of `inspectorIds` gets one area digest a day the same way, naming the enterprises of
 * their areas with something to say.
 *
 * With `deps.rounds` the warnings also carry round coverage (`collectRoundWork`, read once
 * per run): an enterprise is told of its self-inspection rounds overdue or ending within
 * `dueWithinDays`; a grid inspector of the round members in its areas not yet patrolled
 * (`roundWorkFor(…, 'grid')`), so an inspector with nothing else to attend to still gets a
 * digest while a round waits for it.
 *
 * @example
 * ```ts
 * await runDailyWarning({ registry, store, directory }, { enterpriseIds, now: clock.now() });
 * createOutboxRelay({ store: registry, owner: 'sms', deliver: (m) => sms.deliver({ id: m.id, kind: m.topic, to: phoneOf(m.payload.enterpriseId), params: m.payload }) });
 * ```
 */
export async function runDailyWarning(
  deps: { registry: DeviceRegistry; store: Pick<ReadModelStore, 'query'>; directory: Directory; rounds?: RoundWorkSource },
  options: DailyWarningOptions,
): Promise<DailyWarningRun> {
  const nowIso = options.now.toISOString();
  const date = chinaPeriod(nowIso, 'day');
  const dueWithinDays = options.dueWithinDays ?? 3;
  const run: DailyWarningRun = { date, enqueued: [], alreadySent: [], nothing: [], unknown: [], digests: [] };
  // Round coverage, once for the run: what is overdue or ends within the horizon.
  const work = deps.rounds ? roundWorkToWarn(await collectRoundWork(deps.rounds, options.now), options.now, dueWithinDays) : null;
  const toSay: Array<{ area: string; line: AreaDigestPayload['enterprises'][number] }> = [];
  for (const enterpriseId of options.enterpriseIds) {
    const enterprise = await deps.directory.enterprise(enterpriseId);
    if (!enterprise) {
      run.unknown.push(enterpriseId);
      continue;
    }
    const warnings = await deps.registry.listWarnings({ enterpriseId, status: 'open' });
    const counts = countDailyWarning(await openHazards(deps.store, enterpriseId), warnings, options.now, dueWithinDays);
    const registered = new Map((await deps.registry.listDevices({ enterpriseId })).map((d) => [d.id, d]));
    const devices = dailyWarningDevices(warnings, registered);
    const rounds = work && roundWorkFor({ id: enterpriseId, roles: ['enterprise'], enterpriseIds: [enterpriseId] }, work);
    const summary = dailyWarningSummary(counts, devices, rounds ?? undefined);
    if (summary === null) {
      run.nothing.push(enterpriseId);
      continue;
    }
    toSay.push({ area: enterprise.area, line: { enterpriseId, enterprise: enterprise.name, summary } });
    const payload: DailyWarningPayload = { enterpriseId, enterprise: enterprise.name, date, counts, devices, ...(rounds ? { rounds } : {}), summary };
    const notification: DeviceNotification = { id: `daily-warning/${enterpriseId}/${date}`, ...outboxContent(DAILY_WARNING_TOPIC, payload), createdAt: nowIso };
    if (await deps.registry.enqueueNotification(notification)) run.enqueued.push(enterpriseId);
    else run.alreadySent.push(enterpriseId);
  }
  for (const inspectorId of options.inspectorIds ?? []) {
    const profile = await deps.directory.resolve(inspectorId);
    if (!profile?.roles.includes('grid')) continue;
    const areas = profile.gridAreas ?? [];
    const mine = toSay.filter((x) => areas.some((a) => x.area === a || x.area.startsWith(`${a}/`))).map((x) => x.line);
    const rounds = work && roundWorkFor(profile, work, 'grid');
    if (mine.length === 0 && (rounds ?? []).length === 0) continue;
    const parts: string[] = [];
    if (mine.length > 0)
      parts.push(
        `辖区${mine.length}家企业有待办：${mine
          .slice(0, 3)
          .map((m) => m.enterprise)
          .join('、')}${mine.length > 3 ? '等' : ''}`,
      );
    if (rounds && rounds.length > 0) {
      const overdue = rounds.filter((r) => r.status === 'overdue').length;
      parts.push(`轮次待查${rounds.length}家次${overdue > 0 ? `（逾期${overdue}家次）` : ''}`);
    }
    const summary = parts.join('；');
    const payload: AreaDigestPayload = { inspectorId, date, enterprises: mine, ...(rounds ? { rounds } : {}), summary };
    if (await deps.registry.enqueueNotification({ id: `area-digest/${inspectorId}/${date}`, ...outboxContent(AREA_DIGEST_TOPIC, payload), createdAt: nowIso })) run.digests.push(inspectorId);
  }
  return run;
}
