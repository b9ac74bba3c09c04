import type { OutboxPayload, PenaltyNoticePayload, PlainHazardTopic } from '../chain/outbox-messages.js';
import type { AREA_DIGEST_TOPIC, AreaDigestPayload, DAILY_WARNING_TOPIC, DailyWarningPayload } from '../monitoring/daily-warning.js';
import type { PermitNotificationPayload } from '../permits/permit-service.js';
import type { PERMIT_APPROVAL_DUE_TOPIC, PERMIT_OVERDUE_TOPIC, PERMIT_SUSPENDED_TOPIC } from '../permits/permit-topics.js';

/**
 * The payload of each outbox message kind, keyed by the topics their builders write: the review
 * chain's `hazard.<event type>` (`outboxMessagesFor`), monitoring's daily warning and area digest
 * (`runDailyWarning`), the permits' texts (`permitNotifications`). Every builder goes through
 * `outboxContent`, so a payload that does not fit its kind fails to compile there. Every `hazard.*`
 * payload is the hazard after the event; `hazard.penalty_notified` adds the notice's `penalty`.
 */
export type OutboxPayloads = { [K in PlainHazardTopic]: OutboxPayload } & {
  'hazard.penalty_notified': PenaltyNoticePayload;
  [DAILY_WARNING_TOPIC]: DailyWarningPayload;
  [AREA_DIGEST_TOPIC]: AreaDigestPayload;
  [PERMIT_SUSPENDED_TOPIC]: PermitNotificationPayload;
  [PERMIT_OVERDUE_TOPIC]: PermitNotificationPayload;
  [PERMIT_APPROVAL_DUE_TOPIC]: PermitNotificationPayload;
};

/** Every outbox message kind (topic): `hazard.notice_issued`, `monitoring.daily_warning`, `permit.suspended` … */
export type OutboxKind = keyof OutboxPayloads;

/**
 * One outbox message as a notifier sees it — `{ id, kind, payload }`, also the body
 * `@anjian/notify-webhook` POSTs — discriminated by `kind`: `switch (envelope.kind)` narrows
 * `payload` to that kind's type. Get one from a stored message with `toOutboxEnvelope`.
 * JSON Schema of every kind: `@anjian/core/schema/outbox-envelope.schema.json` (docs/outbox.md).
 * Receivers must ignore fields they do not know.
 *
 * @example
 * ```ts
 * function text(e: OutboxEnvelope): string {
 *   switch (e.kind) {
 *     case 'hazard.overdue_noticed': return `overdue since ${e.payload.deadline}`;
 *     case 'monitoring.daily_warning': return e.payload.summary;
 *     default: return e.kind;
 *   }
 * }
 * ```
 */
export type OutboxEnvelope<K extends OutboxKind = OutboxKind> = {
  [P in K]: {
    /** The outbox message id (the idempotency key: receivers deduplicate by it). */
    id: string;
    kind: P;
    payload: OutboxPayloads[P];
  };
}[K];

/**
 * The topic and stored payload of an outbox message of `kind` — the one place a builder's typed
 * payload becomes the store's JSON object (a copy, so later edits of `payload` do not leak in).
 *
 * @internal
 */
export function outboxContent<K extends OutboxKind>(kind: K, payload: OutboxPayloads[K]): { topic: K; payload: Record<string, unknown> } {
  return { topic: kind, payload: { ...payload } };
}
