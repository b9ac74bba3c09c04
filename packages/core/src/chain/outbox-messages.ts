import type { OutboxMessage } from '../ports/store.js';
import type { ChainEvent, HazardState } from './types.js';

/**
 * One outbox message per event, written in the same append: the notifier adapters (SMS,
 * webhook) turn `topic` and `payload` into messages. The id is the event id, so a
 * receiver deduplicates redeliveries by it.
 */
export function outboxMessagesFor(events: readonly ChainEvent[], after: HazardState): OutboxMessage[] {
  return events.map((event) => ({
    id: event.id,
    hazardId: event.hazardId,
    eventId: event.id,
    topic: `hazard.${event.type}`,
    payload: {
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
      deadline: after.deadline,
      actor: event.actor,
    },
    createdAt: event.recordedAt,
  }));
}
