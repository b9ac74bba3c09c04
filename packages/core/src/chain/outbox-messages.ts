import type { HazardLevel, LocalizedText } from '../pack/types.js';
import type { OutboxMessage } from '../ports/store.js';
import { outboxContent, type OutboxEnvelope } from '../outbox/outbox-envelope.js';
import type { ChainEvent, EventActor, EventType, HazardState, HazardStatus } from './types.js';

/** The topic of an outbox message: `hazard.` and the event type (`hazard.overdue_noticed`). */
export type OutboxTopic = `hazard.${EventType}`;

/**
 * The payload of every outbox message: the event's identity and the hazard as it stands
 * after the event. Schema: docs/outbox.md. Receivers must ignore fields they do not know
 * (fields may be added in a minor release).
 */
export interface OutboxPayload {
  hazardId: string;
  /** The event type (the topic without `hazard.`). */
  type: EventType;
  /** The hazard's version after the event (1 for `reported`). */
  version: number;
  level: HazardLevel;
  provisional: boolean;
  status: HazardStatus;
  title: LocalizedText;
  domain: string;
  area: string;
  enterpriseId: string;
  /** The premises the hazard was found at — present only when it has one. */
  premisesId?: string;
  /**
   * The premises' landlord (出租方) when the enterprise is its tenant — present only then: a
   * notifier tells the landlord too (安全生产法 Art. 49, the landlord's duty to coordinate).
   */
  landlordEnterpriseId?: string;
  /** The running deadline (ISO), or null when no clock runs. */
  deadline: string | null;
  /** Who caused the event (`system` for the tick's warnings and notices). */
  actor: EventActor;
}

/**
 * What `@anjian/notify-webhook` POSTs (the body) for one outbox message: the
 * {@link OutboxEnvelope} the relay's message becomes with `toOutboxEnvelope(m)` — every kind,
 * discriminated by `kind`. Its `id` is also the `Idempotency-Key` header. JSON Schema:
 * `@anjian/core/schema/outbox-envelope.schema.json` (docs/outbox.md).
 */
export type WebhookEnvelope = OutboxEnvelope;

/**
 * One outbox message per event, written in the same append: the notifier adapters (SMS,
 * webhook) turn `topic` and `payload` into messages. The id is the event id, so a
 * receiver deduplicates redeliveries by it.
 */
export function outboxMessagesFor(events: readonly ChainEvent[], after: HazardState): OutboxMessage[] {
  return events.map((event) => {
    const payload: OutboxPayload = {
      hazardId: event.hazardId,
      type: event.type,
      version: event.version,
      level: after.level,
      provisional: after.provisional,
      status: after.status,
      title: after.title,
      domain: after.domain,
      area: after.area,
      enterpriseId: after.enterpriseId,
      // Only when present, so the messages of hazards without a premises stay as they were.
      ...(after.premisesId === undefined ? {} : { premisesId: after.premisesId }),
      ...(after.landlordEnterpriseId === undefined ? {} : { landlordEnterpriseId: after.landlordEnterpriseId }),
      deadline: after.deadline,
      actor: event.actor,
    };
    return { id: event.id, hazardId: event.hazardId, eventId: event.id, ...outboxContent(`hazard.${event.type}`, payload), createdAt: event.recordedAt };
  });
}
