/**
 * The portal's early-warning loop (监测预警): a scheduler that records due-soon warnings,
 * overdue notices and escalations (`runTick`), and an outbox relay that turns the chain's
 * outbox messages into SMS through `@anjian/notify-sms` — sent to a demo gateway that only
 * writes them to `sms.jsonl` in the data folder (no SMS leaves the machine). A real host
 * passes its provider's endpoint and mapping to `createSmsNotifier` instead. The permit store's
 * side outbox goes through the same notifier: a hazardous-work job suspended or overdue to close
 * (to the enterprise), and a permit still waiting for approval near its start (to the holders of
 * the approver role core names, `payload.approverRole`, in the enterprise: the demo's permit roles).
 * Every number is the directory's, looked up when the message is sent: an enterprise's `phone` in its
 * record, a person's on the profile (only the enforcement desk's is the host's configuration). A
 * recipient without one is a dead letter naming it (the outbox's dead-letter list), never a silent drop.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createOutboxRelay,
  runTick,
  toOutboxEnvelope,
  type Calendar,
  type Clock,
  type Directory,
  type EvidenceStore,
  type OutboxEnvelope,
  type OutboxTopic,
  type RelayDelivery,
  type Store,
} from '@anjian/core';
import type { ClaimedOutboxMessage, DeviceRegistry } from '@anjian/core/ports';
import { hazardRefOf, landlordReadsEvent, PERMIT_APPROVAL_DUE_TOPIC, PERMIT_OVERDUE_TOPIC, PERMIT_SUSPENDED_TOPIC, type PermitStore } from '@anjian/core/internal';
import { AREA_DIGEST_TOPIC, DAILY_WARNING_TOPIC } from '@anjian/core/monitoring';
import { createSmsNotifier, maskPhone } from '@anjian/notify-sms';
import { CITY_ID_PREFIX } from './demo-city.js';
import { permitRoleHolders } from './demo-permits.js';
import { DEMO_ENFORCEMENT_DESK_PHONE, SYSTEM_ACTOR_ID } from './demo-users.js';

/** One SMS as the demo gateway logged it. */
export interface DemoSms {
  /** The outbox message id (the idempotency key; the gateway keeps one line per id). */
  id: string;
  at: string;
  /** The recipient, masked (138****8000). */
  to: string;
  kind: string;
  text: string;
  hazardId: string;
  /** The hazard's short reference in the text (隐患编号, core's hazardRef: `YH-0042`), not its 27-character id. */
  hazardNo: string;
  /** A permit's text (作业许可): the permit and its short reference (core's permitRef: `XK-3F9A2C`); hazardId is then empty. */
  permitId?: string;
  permitNo?: string;
}

/** Outbox topics that become an SMS, and the template kind each uses; other events send none. */
const SMS_KIND: Readonly<Record<string, string>> = {
  'hazard.notice_issued': 'hazard.notice_issued',
  'hazard.due_soon_warned': 'hazard.due_soon',
  'hazard.overdue_noticed': 'hazard.overdue',
  'hazard.escalated': 'hazard.escalated',
  'hazard.rejected': 'hazard.rejected',
  'hazard.closed': 'hazard.closed',
  'hazard.listed_for_supervision': 'hazard.major_listed',
  'hazard.plan_approved': 'hazard.plan_approved',
  'hazard.stop_work_lifted': 'hazard.stop_work_lifted',
  'hazard.delisted': 'hazard.delisted',
  // A penalty notice (行政处罚告知书): its 陈述申辩 deadline and, when the notice carries it, the hearing right (payload.penalty, core's).
  'hazard.penalty_notified': 'hazard.penalty_notified',
};

/** A review-chain message (`hazard.*`): its payload is the hazard after the event. */
const isHazardMessage = (e: OutboxEnvelope): e is OutboxEnvelope<OutboxTopic> => e.kind.startsWith('hazard.');

/** A permanent failure: the recipient has no number in the directory (both languages, for the dead-letter list). */
const noNumber = (en: string, zh: string): RelayDelivery => ({ ok: false, retryable: false, error: `no phone number in the directory for ${en} / 名录中${zh}没有手机号码` });

/** `2026-11-30 17:00` in China time. */
function chinaTime(iso: unknown): string {
  if (typeof iso !== 'string') return '—';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Options of {@link startDemoNotifications}. */
export interface DemoNotificationOptions {
  store: Store;
  clock: Clock;
  calendar: Calendar;
  directory: Directory;
  dataDir: string;
  /** How often the scheduler runs; 0 = only once at start. Default 60 s. */
  tickMs?: number;
  /** The device registry, whose outbox holds the daily early warnings and area digests (core's `runDailyWarning`): relayed as SMS too. */
  deviceOutbox?: DeviceRegistry;
  /** The permit store, whose side outbox holds the permit texts (core's `permit.suspended`, `permit.overdue_to_close`, `permit.approval_due`): relayed as SMS too. */
  permitOutbox?: PermitStore;
  /** The evidence store: each scheduler pass deletes the uploads never reported once they are older than its policy's `maxAgeMs` (T38). */
  evidence?: EvidenceStore;
}

/** The running loop: the SMS log, one scheduler pass on demand, and stop. */
export interface DemoNotifications {
  /** The logged SMS, newest first. */
  sent(limit: number): DemoSms[];
  /** Runs one scheduler pass (warnings, expired uploads, outbox retention) and one relay pass (at start, and for tests). */
  runOnce(): Promise<{ recorded: number; delivered: number }>;
  stop(): Promise<void>;
}

/** Starts the scheduler and the relay; call `stop()` before closing the store. */
export function startDemoNotifications(options: DemoNotificationOptions): DemoNotifications {
  const { store, clock, dataDir } = options;
  const logFile = join(dataDir, 'sms.jsonl');
  // The log file is the record; the array mirrors it (loaded once, appended with it).
  const log: DemoSms[] = existsSync(logFile)
    ? readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as DemoSms)
    : [];
  const seen = new Set(log.map((m) => m.id));

  // The demo gateway: deduplicates by the idempotency key, as a real receiver must (at least once).
  const gateway = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const sms = JSON.parse(String(init?.body)) as DemoSms;
    if (!seen.has(sms.id)) {
      appendFileSync(logFile, `${JSON.stringify(sms)}\n`);
      seen.add(sms.id);
      log.push(sms);
    }
    return Response.json({ ok: true });
  };
  const sms = createSmsNotifier({
    endpoint: 'http://sms-gateway.demo.invalid/send',
    signature: 'D1区应急管理局',
    fetch: gateway as typeof fetch,
    toRequest: ({ phone, text, kind, idempotencyKey, params }) => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: idempotencyKey,
        at: clock.now().toISOString(),
        to: maskPhone(phone),
        kind,
        text,
        hazardId: String(params.hazardId ?? ''),
        hazardNo: String(params.hazardNo ?? ''),
        ...(params.permitId ? { permitId: String(params.permitId), permitNo: String(params.permitNo) } : {}),
      } satisfies DemoSms),
    }),
  });

  const deliver = async (message: ClaimedOutboxMessage): Promise<RelayDelivery> => {
    const e = toOutboxEnvelope(message); // { id, kind, payload }, typed by kind
    const kind = SMS_KIND[e.kind];
    if (!kind || !isHazardMessage(e)) return { ok: true }; // this event sends no SMS
    const p = e.payload;
    // The generated city (ANJIAN_DEMO_CITY) is not D1's: its bureau is not the demo's desk or signature, so its hazards are not texted.
    if (String(p.enterpriseId).startsWith(CITY_ID_PREFIX)) return { ok: true };
    // Name and number are the directory's (any registered enterprise, not only the demo's); an escalation goes to the desk.
    const enterprise = await options.directory.enterprise(String(p.enterpriseId));
    const to = kind === 'hazard.escalated' ? DEMO_ENFORCEMENT_DESK_PHONE : enterprise?.phone;
    if (!to) return noNumber(`enterprise ${String(p.enterpriseId)} (${enterprise?.name ?? 'not registered'})`, `企业 ${String(p.enterpriseId)}（${enterprise?.name ?? '未登记'}）`);
    let reason = '—';
    const events = await store.readEvents(message.hazardId);
    if (kind === 'hazard.rejected') {
      const event = events.find((e) => e.id === message.eventId);
      const r = (event?.data as { reason?: { 'zh-CN'?: string } } | undefined)?.reason;
      reason = r?.['zh-CN'] ?? reason;
    }
    const params = {
      enterprise: enterprise?.name ?? p.enterpriseId,
      hazard: p.title['zh-CN'],
      // short and derived on the server (YH-0042): an SMS never carries the 27-character id
      hazardNo: hazardRefOf(events) ?? message.hazardId,
      hazardId: message.hazardId,
      level: p.level,
      due: chinaTime(p.deadline),
      department: 'D1区应急管理局',
      reason,
    };
    // A penalty notice: its article, and the hearing right picks its own template. The texts state the periods from receipt
    // (the notice is not served yet): the payload's deadlines, counted from its record, are not the party's and are not sent.
    const penalty = e.kind === 'hazard.penalty_notified' ? e.payload.penalty : undefined;
    const text = penalty ? { kind: penalty.hearingRight ? 'hazard.penalty_notified_hearing' : kind, params: { ...params, article: penalty.citation['zh-CN'] } } : { kind, params };
    const result = await sms.deliver({ id: message.id, to, ...text });
    if (!result.ok) return { ok: false, retryable: result.retryable, error: result.error };
    // A hazard at a tenant's premises: a copy to the landlord (抄送出租方, issue 17), named by the payload from the directory.
    // A penalty is the tenant's own proceeding: no copy of its events (core's landlordReadsEvent, the rule of the landlord's reading).
    const landlordId = p.landlordEnterpriseId !== undefined && kind !== 'hazard.escalated' && landlordReadsEvent(e.kind.slice('hazard.'.length)) ? p.landlordEnterpriseId : undefined;
    if (landlordId === undefined) return { ok: true };
    // The landlord's number is its record's; none is a dead letter (the tenant's text is sent: a retry resends it under the same key, deduplicated).
    const landlord = await options.directory.enterprise(landlordId);
    if (!landlord?.phone) return noNumber(`landlord ${landlordId} (${landlord?.name ?? 'not registered'})`, `出租方 ${landlordId}（${landlord?.name ?? '未登记'}）`);
    const copy = await sms.deliver({ id: `${message.id}:landlord`, kind, to: landlord.phone, params });
    return copy.ok ? { ok: true } : { ok: false, retryable: copy.retryable, error: copy.error };
  };

  // The daily early warning (to the enterprise) and the area digest (to the grid inspector): texts are core's summaries.
  const deliverDevice = async (message: ClaimedOutboxMessage): Promise<RelayDelivery> => {
    const e = toOutboxEnvelope(message);
    if (e.kind !== DAILY_WARNING_TOPIC && e.kind !== AREA_DIGEST_TOPIC) return { ok: true }; // not an SMS
    const recipient = e.kind === DAILY_WARNING_TOPIC ? e.payload.enterpriseId : e.payload.inspectorId;
    // The generated city is not D1's: its enterprises are warned, not texted by D1's bureau (as their hazards).
    if (recipient.startsWith(CITY_ID_PREFIX)) return { ok: true };
    // The enterprise's number is its record's, the inspector's on the profile.
    const to = e.kind === DAILY_WARNING_TOPIC ? (await options.directory.enterprise(recipient))?.phone : (await options.directory.resolve(recipient))?.phone;
    if (!to) return e.kind === DAILY_WARNING_TOPIC ? noNumber(`enterprise ${recipient}`, `企业 ${recipient}`) : noNumber(`inspector ${recipient}`, `人员 ${recipient}`);
    const enterprise = e.kind === DAILY_WARNING_TOPIC ? e.payload.enterprise : '';
    const result = await sms.deliver({ id: e.id, kind: e.kind, to, params: { enterprise, summary: e.payload.summary, hazardId: '', hazardNo: '' } });
    return result.ok ? { ok: true } : { ok: false, retryable: result.retryable, error: result.error };
  };

  // A permit's text (the job suspended, or started and not closed in time) to its enterprise; a permit still waiting for
  // approval near its start to each holder of the approver role core names (payload.approverRole). Params are core's payload.
  const deliverPermit = async (message: ClaimedOutboxMessage): Promise<RelayDelivery> => {
    const e = toOutboxEnvelope(message);
    if (e.kind !== PERMIT_APPROVAL_DUE_TOPIC && e.kind !== PERMIT_SUSPENDED_TOPIC && e.kind !== PERMIT_OVERDUE_TOPIC) return { ok: true }; // not an SMS
    const approval = e.kind === PERMIT_APPROVAL_DUE_TOPIC;
    const p = e.payload;
    const enterprise = await options.directory.enterprise(p.enterpriseId);
    const params = { enterprise: enterprise?.name ?? p.enterpriseId, title: p.title, permitNo: p.permitNo, permitId: p.permitId, reason: p.reasonText ?? '—' };
    if (!approval) {
      const to = enterprise?.phone;
      if (!to) return noNumber(`enterprise ${p.enterpriseId} (${enterprise?.name ?? 'not registered'})`, `企业 ${p.enterpriseId}（${enterprise?.name ?? '未登记'}）`);
      const result = await sms.deliver({ id: e.id, kind: e.kind, to, params });
      return result.ok ? { ok: true } : { ok: false, retryable: result.retryable, error: result.error };
    }
    // Whom to tell is the host's: the demo's permit roles. No holder, or a holder without a number, is a dead letter, not silence.
    const holders = typeof p.approverRole === 'string' ? permitRoleHolders(p.enterpriseId, p.approverRole) : [];
    if (holders.length === 0) return { ok: false, retryable: false, error: `nobody holds the permit role ${String(p.approverRole)} at enterprise ${String(p.enterpriseId)}` };
    // Each holder's number is the profile's, looked up before any is texted: one without a number names them all.
    const phones = new Map<string, string | undefined>();
    for (const actorId of holders) phones.set(actorId, (await options.directory.resolve(actorId))?.phone);
    const unreachable = holders.filter((actorId) => !phones.get(actorId));
    if (unreachable.length > 0) return noNumber(`${unreachable.join(', ')} (permit role ${String(p.approverRole)})`, `${unreachable.join('、')}（许可角色 ${String(p.approverRole)}）`);
    for (const actorId of holders) {
      // one idempotency key per recipient: a retry after a partial failure does not text anyone twice
      // (the start is core's text; without it the template fails: a dead letter, not a text with a gap)
      const result = await sms.deliver({
        id: `${message.id}:${actorId}`,
        kind: e.kind,
        to: phones.get(actorId)!,
        params: p.validFromText === undefined ? params : { ...params, start: p.validFromText },
      });
      if (!result.ok) return { ok: false, retryable: result.retryable, error: result.error };
    }
    return { ok: true };
  };

  const relay = createOutboxRelay({ store, clock, owner: `portal-${process.pid}`, deliver });
  const deviceRelay = options.deviceOutbox ? createOutboxRelay({ store: options.deviceOutbox, clock, owner: `portal-devices-${process.pid}`, deliver: deliverDevice }) : null;
  const permitRelay = options.permitOutbox ? createOutboxRelay({ store: options.permitOutbox, clock, owner: `portal-permits-${process.pid}`, deliver: deliverPermit }) : null;
  const scheduler = async (): Promise<number> => {
    const recorded = (await runTick({ store, clock, calendar: options.calendar, directory: options.directory }, { systemActorId: SYSTEM_ACTOR_ID })).length;
    // Uploads never reported do not stay: the store deletes them by the same clock (the quota frees with them).
    await options.evidence?.expireUnbound(clock.now().toISOString());
    // Outbox retention (docs/outbox.md, Retention): a delivered message serves nothing once its receiver has it, so
    // those acknowledged more than 90 days ago by this clock go, in batches of 1000; pending messages and dead
    // letters stay (no deadBefore: a dead letter is a text nobody received, for someone to see on the dashboard).
    const deliveredBefore = new Date(clock.now().getTime() - 90 * 86_400_000).toISOString();
    for (let more = true; more && store.pruneOutbox;) more = (await store.pruneOutbox({ deliveredBefore, limit: 1000 })).more;
    return recorded;
  };

  let running: Promise<unknown> = Promise.resolve();
  const tickMs = options.tickMs ?? 60_000;
  const timer =
    tickMs > 0
      ? setInterval(() => {
          running = running.then(scheduler).catch((error: unknown) => console.error('scheduler pass failed:', error));
        }, tickMs)
      : null;
  timer?.unref();
  relay.start(2_000);
  deviceRelay?.start(2_000);
  permitRelay?.start(2_000);

  return {
    sent: (limit) => log.slice(-limit).reverse(),
    async runOnce() {
      const recorded = await scheduler();
      let delivered = 0;
      for (const r of [relay, deviceRelay, permitRelay]) {
        for (;;) {
          const pass = r ? await r.runOnce() : { claimed: 0, delivered: 0 };
          delivered += pass.delivered;
          if (pass.claimed === 0) break;
        }
      }
      return { recorded, delivered };
    },
    async stop() {
      if (timer) clearInterval(timer);
      await relay.stop();
      await deviceRelay?.stop();
      await permitRelay?.stop();
      await running;
    },
  };
}
