import { PermanentDeliveryError } from '../ports/notifier.js';
import type { OutboxMessage } from '../ports/store.js';
import { AREA_DIGEST_TOPIC, DAILY_WARNING_TOPIC } from '../monitoring/daily-warning.js';
import { PERMIT_APPROVAL_DUE_TOPIC, PERMIT_OVERDUE_TOPIC, PERMIT_SUSPENDED_TOPIC } from '../permits/permit-topics.js';
import type { OutboxEnvelope } from './outbox-envelope.js';

/** The field each non-hazard kind's payload always carries (a cheap check that the payload is of its kind). */
const KEY_FIELD: Readonly<Record<string, string>> = Object.freeze({
  [DAILY_WARNING_TOPIC]: 'enterpriseId',
  [AREA_DIGEST_TOPIC]: 'inspectorId',
  [PERMIT_SUSPENDED_TOPIC]: 'permitId',
  [PERMIT_OVERDUE_TOPIC]: 'permitId',
  [PERMIT_APPROVAL_DUE_TOPIC]: 'permitId',
});

const BRAND = Symbol.for('anjian.OutboxKindError');

/**
 * Thrown by {@link toOutboxEnvelope} for a message of no known kind, or whose payload does not fit its kind. Code
 * `OUTBOX_KIND_UNKNOWN`. A permanent failure (a `PermanentDeliveryError`): the relay dead-letters the message at once.
 */
export class OutboxKindError extends PermanentDeliveryError {
  override readonly name = 'OutboxKindError';
  /** Always `OUTBOX_KIND_UNKNOWN`. */
  override readonly code = 'OUTBOX_KIND_UNKNOWN' as const;
  /** Brand shared across copies of the package. */
  readonly [BRAND] = true;

  /** True for any `OutboxKindError`, even from another copy of the package. */
  static override is(value: unknown): value is OutboxKindError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/**
 * A stored outbox message (what `createOutboxRelay` hands to `deliver`) as an
 * {@link OutboxEnvelope}: `{ id, kind, payload }` with `kind` its topic, so `switch (e.kind)`
 * narrows the payload — no cast. Fails closed: a topic no anjian builder writes, a payload that
 * is not an object, a `hazard.` payload whose `type` is not its topic's event, or one without
 * its kind's key field (a `hazard.penalty_notified` without its `penalty`) throws {@link OutboxKindError} (bilingual), a permanent failure: the relay
 * dead-letters the message at once, with this reason, where the dashboard shows it. A hazard event type added in a
 * later release passes (its payload has the same shape).
 *
 * @example
 * ```ts
 * const relay = createOutboxRelay({ store, owner: 'portal-1', deliver: async (m) => {
 *   const e = toOutboxEnvelope(m);
 *   if (e.kind === 'permit.suspended') return sms.deliver({ id: e.id, kind: e.kind, to: phoneOf(e.payload.attendantId), params: { ... } });
 *   return webhook.deliver(e);
 * } });
 * ```
 */
export function toOutboxEnvelope(message: Pick<OutboxMessage, 'id' | 'topic' | 'payload'>): OutboxEnvelope {
  const { id, topic, payload } = message;
  const unknown = (en: string, zh: string) => new OutboxKindError(`outbox message ${JSON.stringify(String(id)).slice(0, 80)}: ${en} / 外发消息 ${String(id).slice(0, 80)}：${zh}`);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw unknown('its payload is not an object', '载荷不是对象');
  if (typeof topic === 'string' && topic.startsWith('hazard.')) {
    if (payload.type !== topic.slice('hazard.'.length) || typeof payload.hazardId !== 'string') {
      throw unknown(`its payload is not a ${topic} event (type ${JSON.stringify(payload.type)})`, `载荷与主题 ${topic} 不符`);
    }
    // A penalty notice's text names the notice's deadlines: a message without them is not one to send.
    if (topic === 'hazard.penalty_notified' && (typeof payload.penalty !== 'object' || payload.penalty === null)) throw unknown(`its payload has no penalty (kind ${topic})`, '载荷缺少 penalty');
  } else {
    const key = typeof topic === 'string' && Object.hasOwn(KEY_FIELD, topic) ? KEY_FIELD[topic] : undefined;
    if (key === undefined) throw unknown(`unknown kind ${JSON.stringify(topic).slice(0, 80)}`, `未知的消息类型 ${String(topic).slice(0, 80)}`);
    if (typeof payload[key] !== 'string') throw unknown(`its payload has no ${key} (kind ${topic})`, `载荷缺少 ${key}`);
  }
  // Checked above: the topic names a kind and the payload carries that kind's identity; the rest is what core's builder wrote.
  return { id, kind: topic, payload } as unknown as OutboxEnvelope;
}
