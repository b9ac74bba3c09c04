import type { ReportOutcome } from '../chain/report-inspection.js';
import { sha256Hex } from '../chain/hash-event.js';
import { reportHazardId, reportInspection } from '../chain/report-inspection.js';
import type { EvidenceRef } from '../chain/types.js';
import { isEvidenceBudgetError, type EvidenceStore } from '../ports/evidence-store.js';
import type { ChainDeps } from '../chain/handle-command.js';
import type { Issue } from '../pack/types.js';
import type { Clock } from '../ports/clock.js';
import type { DeviceCommit, DeviceRegistry } from '../ports/device-registry.js';
import type { Device } from './device.js';
import { SENSORS_PACK_ID } from './device-facts.js';
import { initialDeviceState, type DeviceState, type DeviceWarning } from './device-state.js';
import type { DeviceStep, DeviceTracker } from './device-tracker.js';
import { heldSensorMessages, heldToApply, type HeldSensorMessage } from './held-sensor-messages.js';
import { checkMessageSignature, type DeviceKeyResolver } from './message-auth.js';
import { DEFAULT_MESSAGE_DEDUP_WINDOW_MS } from './message-dedup-window.js';
import { admitSensorMessage, sensorAllowance, type AdmissionDecision, type SensorAdmissionOptions } from './sensor-admission.js';
import { parseSensorMessage, type SensorDropReason, type SensorMessage } from './sensor-message.js';
import { checkSensorMessageFacts } from './sensor-message-facts.js';

/** What monitoring needs: the registry, the tracker, the review chain (its `packs` hold the `sensors` pack) and the server's clock. */
export interface MonitoringDeps {
  registry: DeviceRegistry;
  tracker: DeviceTracker;
  chain: ChainDeps;
  clock: Clock;
  /** The message keys of devices registered with `messageAuth` (opt-in); without it their messages are refused. */
  deviceKeys?: DeviceKeyResolver;
  /** How far a signed message's `at` may be from the clock, ms. Default 5 minutes. */
  signatureWindowMs?: number;
  /**
   * Per-device admission (`admitSensorMessage`): a token bucket sized from each device's
   * registered reporting interval; messages beyond it are dropped as `rate_limited` and one
   * `FLOOD` warning per episode is recorded. A dropped message is kept in memory, in a bounded
   * summary per kind (alarm, fault, battery, switched off: the last three changes; readings: the
   * latest, highest and lowest), and applied with the device's next admitted message, or by
   * {@link tickDevices} once its bucket holds a token — each kept message evaluated in order — so
   * an alarm sent during a flood is still raised, and one cleared during it cleared. Not persisted:
   * a restart loses what was kept (docs/monitoring.md, "Limit"). Default on with the defaults of
   * `SensorAdmissionOptions`; `false` turns it off (benchmarks only: a device could then write at
   * whatever rate it sends).
   */
  admission?: SensorAdmissionOptions | false;
  /**
   * The oldest claimed time (`at`) accepted, ms before the clock: an older message is refused
   * (`bad_time`), since its id may already have left the registry's de-duplication window.
   * Default: the registry's `messageDedupWindowMs` (the registries of core and the store
   * packages report it), else `DEFAULT_MESSAGE_DEDUP_WINDOW_MS`. A value above the registry's
   * window is lowered to it — an id the registry may have forgotten is never accepted again.
   */
  maxMessageAgeMs?: number;
}

/** The review chain's answer for one opened warning. */
export interface WarningReport {
  warning: string;
  reports: ReportOutcome[];
  /** Set when the chain refused the whole report (unknown enterprise, pack mismatch …). */
  issues?: Issue[];
}

/** Result of {@link ingestSensorMessage}. */
export type IngestResult =
  | { kind: 'processed'; deviceId: string; messageId: string; opened: DeviceWarning[]; updated: DeviceWarning[]; cleared: DeviceWarning[]; reports: WarningReport[] }
  | { kind: 'dropped'; reason: SensorDropReason; detail: string; deviceId?: string };

/** Options of {@link ingestSensorMessage}. */
export interface IngestOptions {
  /** The device segment of the MQTT topic; the message's `device` must equal it. */
  topicDevice?: string;
  maxBytes?: number;
}

/** Media type of the readings document attached to a sensor hazard. */
export const SENSOR_READINGS_MIME = 'application/json';

/**
 * The readings behind a device warning, as the evidence document a sensor hazard carries
 * (`anjian.sensor-readings`, JSON): the device (kind, location, the place it protects, its
 * enterprise and limits), the warning, the device's facts when it opened (as the `sensors`
 * pack classified them) and its latest messages other than heartbeats — value, unit, the
 * server's receipt time and the device's own claimed time — with the time of its last message.
 */
export function sensorReadingsDocument(device: Device, warning: DeviceWarning, step: DeviceStep): Record<string, unknown> {
  return {
    format: 'anjian.sensor-readings',
    v: 1,
    device: {
      id: device.id,
      enterpriseId: device.enterpriseId,
      kind: device.kind,
      location: device.location,
      place: device.place,
      ...(device.limits === undefined ? {} : { limits: device.limits }),
      principalId: device.principalId,
    },
    warning: { key: warning.key, item: warning.item, rule: warning.rule, level: warning.level, openedAt: warning.openedAt, escalated: warning.escalated },
    facts: (step.openedOn[warning.key] ?? step.inspection).findings,
    lastMessageAt: step.state.lastMessageAt,
    readings: step.state.recent ?? [],
  };
}

/**
 * The idempotency key a device warning is reported under: `dw-` and 32 hex digits of SHA-256
 * over the warning's key. A warning's key (`<device>/<item>/<occurrence>`) has `/` and may be
 * longer than an idempotency key may be (core's `isIdempotencyKey`, the one definition HTTP's
 * `Idempotency-Key` and `reportInspection` check); this one always is one, the same for the
 * same warning, another for another.
 */
export function warningReportKey(warningKey: string): string {
  return `dw-${sha256Hex(`device-warning\n${warningKey}`).slice(0, 32)}`;
}

/**
 * Reports each opened warning into the review chain as the device's principal: the
 * device's facts are classified again by the server's `sensors` pack
 * ({@link reportInspection}), only the warning's own rule is reported, under the warning's
 * key ({@link warningReportKey}), so the hazard id is derived from principal, key and rule and a retry after a crash
 * replays instead of reporting twice. The source (`sensor`) comes from the principal's
 * role (`system`). When the chain has an evidence store, the readings
 * ({@link sensorReadingsDocument}) are uploaded as the device and attached to the report as
 * a `document`: the `reported` event records its SHA-256, and the bytes stay in the store
 * (a retry finds the hazard and names the same upload, so it stays a replay); a device over
 * its budget of unbound uploads reports without the document. Fills `hazardIds` of the warnings.
 */
export async function reportDeviceWarnings(chain: ChainDeps, device: Device, step: DeviceStep): Promise<WarningReport[]> {
  const out: WarningReport[] = [];
  for (const warning of step.opened) {
    // The facts it opened on: a kept message applied earlier in the step may have raised it, and a later one cleared it.
    const inspection = step.openedOn[warning.key] ?? step.inspection;
    const evidence = chain.evidence ? await readingsEvidence(chain, chain.evidence, device, warning, step) : undefined;
    const r = await reportInspection(
      chain,
      { inspection, packId: SENSORS_PACK_ID, enterpriseId: device.enterpriseId, key: warningReportKey(warning.key), only: [warning.rule], ...(evidence === undefined ? {} : { evidence }) },
      device.principalId,
    );
    if (!r.ok) {
      out.push({ warning: warning.key, reports: [], issues: r.issues });
      continue;
    }
    const hazardIds = r.reports.filter((x) => x.ok).map((x) => x.hazardId);
    // Every version of the warning the step holds (cleared, reopened, kept for the flap window) names its hazard.
    for (const w of [warning, ...step.warnings, ...step.updated, ...step.cleared, ...Object.values(step.state.open), ...Object.values(step.state.reopenable ?? {})]) {
      if (w.key === warning.key) w.hazardIds = [...hazardIds];
    }
    out.push({ warning: warning.key, reports: r.reports });
  }
  return out;
}

/** The readings upload of a warning: the one its hazard already names (a retry), else a new one. */
async function readingsEvidence(chain: ChainDeps, store: EvidenceStore, device: Device, warning: DeviceWarning, step: DeviceStep): Promise<EvidenceRef[]> {
  const events = await chain.store.load(reportHazardId(device.principalId, warningReportKey(warning.key), warning.rule));
  const first = events?.[0];
  if (first && first.type === 'reported') return (first.data as { evidence: ReadonlyArray<{ id: string; kind: EvidenceRef['kind'] }> }).evidence.map((e) => ({ id: e.id, kind: e.kind }));
  try {
    const record = await store.put({
      bytes: new TextEncoder().encode(JSON.stringify(sensorReadingsDocument(device, warning, step))),
      mime: SENSOR_READINGS_MIME,
      uploaderId: device.principalId,
      hazardId: null,
      receivedAt: (step.openedOn[warning.key] ?? step.inspection).inspectedAt ?? warning.openedAt,
    });
    return [{ id: record.id, kind: 'document' }];
  } catch (e) {
    // The device holds its budget of unbound uploads (reports of it that were refused): the
    // alarm is reported without its readings document rather than thrown back to the broker,
    // which would redeliver it until the uploads expire. The event shows no evidence.
    if (isEvidenceBudgetError(e)) return [];
    throw e;
  }
}

const MAX_ATTEMPTS = 5;

/**
 * Processes one raw MQTT payload: validates it against the published schema, checks the
 * topic's device, looks the device up, checks the signature of a device registered with
 * `messageAuth` ({@link checkMessageSignature}), drops a message id already processed, applies
 * the device's admission (a refused message is kept in its device's bounded summary, see
 * `MonitoringDeps.admission`), runs the tracker — with the kept messages first — reports
 * opened warnings into the review chain and commits state, message id and warnings in one
 * registry transaction. A bad message is a `dropped` result with its
 * reason — never a throw. Errors of the registry or the chain (a database down) do throw:
 * the caller must not acknowledge the message, so the broker delivers it again (QoS 1),
 * and the derived ids make the second pass a replay.
 *
 * @example
 * ```ts
 * const r = await ingestSensorMessage(deps, payload, { topicDevice });
 * if (r.kind === 'dropped') counters[r.reason]++;
 * ```
 */
export async function ingestSensorMessage(deps: MonitoringDeps, raw: string | Uint8Array, options: IngestOptions = {}): Promise<IngestResult> {
  const checked = await checkMessage(deps, raw, options, new Map());
  if (checked.kind === 'dropped') return checked;
  const { device, message } = checked;
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    if (await deps.registry.hasMessage(device.id, message.id, now.toISOString())) return { kind: 'dropped', reason: 'duplicate', detail: 'message id already processed', deviceId: device.id };
    const stored: DeviceState = (await deps.registry.loadState(device.id)) ?? initialDeviceState(device.id, now);
    const admission = admit(deps, device, stored, now);
    if (admission && !admission.admitted) {
      // Refused: nothing is written, except the first refusal of an episode, which records its one FLOOD warning.
      // The message is kept in memory in its device's summary of its kind, to be applied when the bucket allows.
      heldSensorMessages(deps.registry).hold(device.id, message, now);
      if (admission.opened) {
        const noted = await deps.registry.commit({
          deviceId: device.id,
          expectedVersion: stored.version,
          state: { ...stored, admission: admission.admission },
          warnings: [admission.opened],
          now: now.toISOString(),
        });
        if (noted.kind === 'conflict' && attempt < MAX_ATTEMPTS) continue;
      }
      return rateLimited(device.id, admission);
    }
    const state: DeviceState = admission ? { ...stored, admission: admission.admission } : stored;
    const held = heldBefore(deps, device.id, message);
    const step = deps.tracker.observe(device, state, message, now, held.apply);
    const reports = await reportDeviceWarnings(deps.chain, device, step);
    const result = await deps.registry.commit({
      deviceId: device.id,
      expectedVersion: state.version,
      state: step.state,
      messageId: message.id,
      warnings: [...step.warnings, ...(admission?.cleared ? [admission.cleared] : [])],
      now: now.toISOString(),
      // A heartbeat that changed no warning only moves the last-message time: idempotent, so it need not wait for the disk.
      durable: !(message.type === 'heartbeat' && held.apply.length === 0 && step.warnings.length === 0 && !admission?.cleared),
    });
    if (result.kind === 'duplicate') return { kind: 'dropped', reason: 'duplicate', detail: 'message id already processed', deviceId: device.id };
    if (result.kind === 'ok') {
      heldSensorMessages(deps.registry).release(device.id, held.done);
      return { kind: 'processed', deviceId: device.id, messageId: message.id, opened: step.opened, updated: step.updated, cleared: step.cleared, reports };
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error(`device ${device.id}: state changed concurrently ${MAX_ATTEMPTS} times; try again / 设备状态并发修改，请重试`);
  }
}

type Checked = { kind: 'ok'; device: Device; message: SensorMessage } | Extract<IngestResult, { kind: 'dropped' }>;

/** The admission decision for one message, or `null` with admission off. */
function admit(deps: MonitoringDeps, device: Device, state: DeviceState, now: Date): AdmissionDecision | null {
  if (deps.admission === false) return null;
  return admitSensorMessage(device, state, now, sensorAllowance(device, deps.admission));
}

/**
 * What the device's held (refused) messages contribute to a step processing `message` (`null`: a
 * tick): `apply`, those evaluated before it, in order ({@link heldToApply}: a kept message of
 * its own kind only where it still tells a change, e.g. a clear before an admitted alarm);
 * `done`: all of them, to release once the step is committed (the rest are superseded by it).
 * `skip`: entries a batch already applied in an earlier step not yet committed.
 */
function heldBefore(deps: MonitoringDeps, deviceId: string, message: SensorMessage | null, skip?: ReadonlySet<HeldSensorMessage>): { apply: HeldSensorMessage[]; done: HeldSensorMessage[] } {
  if (deps.admission === false) return { apply: [], done: [] };
  const done = heldSensorMessages(deps.registry)
    .peek(deviceId)
    .filter((h) => !skip?.has(h));
  return { apply: heldToApply(done, message), done };
}

function rateLimited(deviceId: string, decision: AdmissionDecision): Extract<IngestResult, { kind: 'dropped' }> {
  return { kind: 'dropped', reason: 'rate_limited', detail: decision.detail ?? 'over the device allowance', deviceId };
}

/** The oldest claimed time accepted: the host's setting, never beyond the registry's de-duplication window. */
function maxMessageAgeMs(deps: MonitoringDeps): number {
  const window = deps.registry.messageDedupWindowMs;
  if (window === undefined) return deps.maxMessageAgeMs ?? DEFAULT_MESSAGE_DEDUP_WINDOW_MS;
  return deps.maxMessageAgeMs === undefined ? window : Math.min(deps.maxMessageAgeMs, window);
}

/** Values, unit and claimed time against the registration and the clock ({@link checkSensorMessageFacts}). */
function checkFacts(deps: MonitoringDeps, device: Device, message: SensorMessage): Extract<IngestResult, { kind: 'dropped' }> | null {
  const refused = checkSensorMessageFacts(device, message, deps.clock.now(), maxMessageAgeMs(deps));
  return refused === null ? null : { kind: 'dropped', reason: refused.reason, detail: refused.detail, deviceId: device.id };
}

/** Schema, topic and registry checks shared by {@link ingestSensorMessage} and {@link ingestSensorBatch}. */
async function checkMessage(deps: MonitoringDeps, raw: string | Uint8Array, options: IngestOptions, devices: Map<string, Device | null>): Promise<Checked> {
  const parsed = parseSensorMessage(raw, options.maxBytes);
  if (!parsed.ok) return { kind: 'dropped', reason: parsed.reason, detail: parsed.detail };
  const message = parsed.message;
  if (options.topicDevice !== undefined && options.topicDevice !== message.device) {
    return { kind: 'dropped', reason: 'topic_mismatch', detail: 'the message names another device than its topic', deviceId: options.topicDevice };
  }
  let device = devices.get(message.device);
  if (device === undefined) devices.set(message.device, (device = await deps.registry.getDevice(message.device)));
  if (!device || (device.disabledAt ?? null) !== null) return { kind: 'dropped', reason: 'unknown_device', detail: 'no registered device with this id', deviceId: message.device };
  const unauthenticated = await checkMessageSignature(device, message, deps.clock.now(), deps.deviceKeys, deps.signatureWindowMs);
  if (unauthenticated !== null) return { kind: 'dropped', reason: 'unauthenticated', detail: unauthenticated, deviceId: device.id };
  return checkFacts(deps, device, message) ?? { kind: 'ok', device, message };
}

/** One message of a batch: the raw payload and the device segment of its topic. */
export interface SensorBatchItem {
  raw: string | Uint8Array;
  topicDevice?: string;
}

/**
 * Processes messages that arrived together as one step of the registry: each is checked
 * and run through the tracker as {@link ingestSensorMessage} does — in order, a device's
 * second message seeing its first — opened warnings are reported into the review chain,
 * and every step is written by ONE `registry.commitBatch` (one transaction, one wait for
 * the disk instead of one per message). Results in input order. A step the registry
 * answers with `conflict` (another writer moved the device on) is processed again alone by
 * {@link ingestSensorMessage}, with the device's later messages of the batch. Throws like
 * {@link ingestSensorMessage}: the caller acknowledges none of the batch, the broker
 * delivers it again, and message ids and derived hazard ids make the second pass a replay.
 *
 * @example
 * ```ts
 * const results = await ingestSensorBatch(deps, packets.map((p) => ({ raw: p.payload, topicDevice: deviceOf(p.topic) })));
 * ```
 */
export async function ingestSensorBatch(deps: MonitoringDeps, items: readonly SensorBatchItem[], options: { maxBytes?: number } = {}): Promise<IngestResult[]> {
  const results: Array<IngestResult | undefined> = new Array(items.length);
  // The registry's reads of the whole batch first, all at once (for a database, round trips in
  // parallel instead of one after another): the devices, their states, which message ids exist.
  // Nothing is written before the commit, so they read what one-by-one reads would.
  const parsed = items.map((item) => parseSensorMessage(item.raw, options.maxBytes));
  const named = [...new Set(parsed.flatMap((p) => (p.ok ? [p.message.device] : [])))];
  const devices = new Map(await Promise.all(named.map(async (id) => [id, await deps.registry.getDevice(id)] as const)));
  const live = (id: string) => {
    const d = devices.get(id);
    return d && (d.disabledAt ?? null) === null ? d : null;
  };
  const stored = new Map(await Promise.all(named.filter((id) => live(id)).map(async (id) => [id, await deps.registry.loadState(id)] as const)));
  const readAt = deps.clock.now().toISOString();
  const pairs = [...new Set(parsed.flatMap((p) => (p.ok && live(p.message.device) ? [`${p.message.device}\n${p.message.id}`] : [])))];
  const known = new Set(
    (
      await Promise.all(
        pairs.map(async (pair) => {
          const [device, id] = pair.split('\n') as [string, string];
          return (await deps.registry.hasMessage(device, id, readAt)) ? pair : null;
        }),
      )
    ).filter((x) => x !== null),
  );
  const working = new Map<string, DeviceState>();
  const seen = new Set<string>();
  const pending: Array<{ index: number; commit: DeviceCommit; done: IngestResult; held?: HeldSensorMessage[] }> = [];
  /** Held messages a step of this batch applied (a later step of the device must not apply them again). */
  const applied = new Set<HeldSensorMessage>();
  for (const [index, item] of items.entries()) {
    const p = parsed[index]!;
    if (!p.ok) {
      results[index] = { kind: 'dropped', reason: p.reason, detail: p.detail };
      continue;
    }
    const message = p.message;
    if (item.topicDevice !== undefined && item.topicDevice !== message.device) {
      results[index] = { kind: 'dropped', reason: 'topic_mismatch', detail: 'the message names another device than its topic', deviceId: item.topicDevice };
      continue;
    }
    const device = live(message.device);
    if (!device) {
      results[index] = { kind: 'dropped', reason: 'unknown_device', detail: 'no registered device with this id', deviceId: message.device };
      continue;
    }
    const unauthenticated = await checkMessageSignature(device, message, deps.clock.now(), deps.deviceKeys, deps.signatureWindowMs);
    if (unauthenticated !== null) {
      results[index] = { kind: 'dropped', reason: 'unauthenticated', detail: unauthenticated, deviceId: device.id };
      continue;
    }
    const refused = checkFacts(deps, device, message);
    if (refused) {
      results[index] = refused;
      continue;
    }
    const pair = `${device.id}\n${message.id}`;
    if (seen.has(pair) || known.has(pair)) {
      results[index] = { kind: 'dropped', reason: 'duplicate', detail: 'message id already processed', deviceId: device.id };
      continue;
    }
    const now = deps.clock.now();
    const before = working.get(device.id) ?? stored.get(device.id) ?? initialDeviceState(device.id, now);
    const admission = admit(deps, device, before, now);
    if (admission && !admission.admitted) {
      heldSensorMessages(deps.registry).hold(device.id, message, now);
      const refusedState: DeviceState = { ...before, admission: admission.admission };
      if (admission.opened) {
        // The episode's one FLOOD warning, committed with the batch; the message itself writes nothing.
        pending.push({
          index,
          commit: { deviceId: device.id, expectedVersion: before.version, state: refusedState, warnings: [admission.opened], now: now.toISOString() },
          done: rateLimited(device.id, admission),
        });
        working.set(device.id, { ...refusedState, version: before.version + 1 });
      } else {
        working.set(device.id, refusedState);
        results[index] = rateLimited(device.id, admission);
      }
      continue;
    }
    seen.add(pair);
    const state: DeviceState = admission ? { ...before, admission: admission.admission } : before;
    const held = heldBefore(deps, device.id, message, applied);
    for (const h of held.done) applied.add(h);
    const step = deps.tracker.observe(device, state, message, now, held.apply);
    const reports = await reportDeviceWarnings(deps.chain, device, step);
    working.set(device.id, { ...step.state, version: state.version + 1 });
    pending.push({
      index,
      commit: {
        deviceId: device.id,
        expectedVersion: state.version,
        state: step.state,
        messageId: message.id,
        warnings: [...step.warnings, ...(admission?.cleared ? [admission.cleared] : [])],
        now: now.toISOString(),
        durable: !(message.type === 'heartbeat' && held.apply.length === 0 && step.warnings.length === 0 && !admission?.cleared),
      },
      done: { kind: 'processed', deviceId: device.id, messageId: message.id, opened: step.opened, updated: step.updated, cleared: step.cleared, reports },
      held: held.done,
    });
  }
  const committed = await deps.registry.commitBatch(pending.map((p) => p.commit));
  for (const [k, p] of pending.entries()) {
    const r = committed[k]!;
    // A refused message stays refused whatever became of its FLOOD warning (a conflict: the next refusal records it).
    if (p.done.kind === 'dropped') results[p.index] = p.done;
    else if (r.kind === 'ok') {
      results[p.index] = p.done;
      if (p.held) heldSensorMessages(deps.registry).release(p.commit.deviceId, p.held);
    } else if (r.kind === 'duplicate') results[p.index] = { kind: 'dropped', reason: 'duplicate', detail: 'message id already processed', deviceId: p.commit.deviceId };
  }
  // Conflicts: the device changed under the batch; its steps from the conflict on run again, alone and in order.
  for (const p of pending) {
    if (results[p.index] !== undefined) continue;
    const item = items[p.index]!;
    results[p.index] = await ingestSensorMessage(deps, item.raw, { ...options, ...(item.topicDevice === undefined ? {} : { topicDevice: item.topicDevice }) });
  }
  return results as IngestResult[];
}

/** Result of {@link tickDevices}. */
export interface DeviceTickResult {
  devices: number;
  opened: DeviceWarning[];
  cleared: DeviceWarning[];
  reports: WarningReport[];
}

/**
 * Re-evaluates every registered device at `now` (the caller's clock; no timers): heartbeat
 * silence longer than the pack's threshold opens an offline warning, and it is reported
 * like any other. A device whose latest messages admission refused (a flood) and that has not
 * been heard since has them applied here once its bucket holds a token again (taking it), so
 * an alarm sent during a flood is raised even if the device then falls silent. Safe to run
 * twice or from two schedulers: state versions and derived hazard ids make the second run
 * change nothing.
 */
export async function tickDevices(deps: MonitoringDeps, now: Date = deps.clock.now()): Promise<DeviceTickResult> {
  const out: DeviceTickResult = { devices: 0, opened: [], cleared: [], reports: [] };
  for (const device of await deps.registry.listDevices()) {
    if ((device.disabledAt ?? null) !== null) {
      heldSensorMessages(deps.registry).forget(device.id);
      continue;
    }
    out.devices++;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = (await deps.registry.loadState(device.id)) ?? initialDeviceState(device.id, now);
      // Held messages take a token like the message they are; while the bucket is empty they wait (nothing is written).
      const held = heldBefore(deps, device.id, null);
      const admission = held.done.length > 0 ? admit(deps, device, stored, now) : null;
      const apply = admission?.admitted ? held.apply : [];
      const state: DeviceState = admission?.admitted ? { ...stored, admission: admission.admission } : stored;
      const step = deps.tracker.tick(device, state, now, apply);
      if (state.version > 0 && apply.length === 0 && step.warnings.length === 0) break;
      const reports = await reportDeviceWarnings(deps.chain, device, step);
      const result = await deps.registry.commit({
        deviceId: device.id,
        expectedVersion: state.version,
        state: step.state,
        warnings: [...step.warnings, ...(admission?.admitted && admission.cleared ? [admission.cleared] : [])],
        now: now.toISOString(),
      });
      if (result.kind !== 'ok') continue;
      if (apply.length > 0) heldSensorMessages(deps.registry).release(device.id, apply);
      out.opened.push(...step.opened);
      out.cleared.push(...step.cleared);
      out.reports.push(...reports);
      break;
    }
  }
  return out;
}
