import type { HazardLevel, LocalizedText } from '../pack/types.js';
import type { OutboxMessage } from '../ports/store.js';
import { outboxContent, type OutboxEnvelope } from '../outbox/outbox-envelope.js';
import { PENALTY_ARTICLES, type PenaltyKind } from './penalty-articles.js';
import type { ChainEvent, EventActor, EventType, HazardState, HazardStatus } from './types.js';

/** The topic of an outbox message: `hazard.` and the event type (`hazard.overdue_noticed`). */
export type OutboxTopic = `hazard.${EventType}`;

/** The `hazard.*` topics whose payload is the plain {@link OutboxPayload} (all but `hazard.penalty_notified`). */
export type PlainHazardTopic = Exclude<OutboxTopic, 'hazard.penalty_notified'>;

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
 * The penalty a notice proposed and the party's rights, as the `penalty_notified` event recorded
 * them (the server computed the deadlines): what a text to the enterprise names.
 */
export interface PenaltyNoticeFacts {
  /** The article's id in the law table (`work-safety-law-2021/102`). */
  article: string;
  /** The article as documents cite it (`《中华人民共和国安全生产法》第一百零二条`). */
  citation: LocalizedText;
  kind: PenaltyKind;
  /** Whole yuan; present exactly when the penalty carries a fine. */
  fineAmount?: number;
  /** Until when (ISO) the party may state and defend (陈述、申辩). */
  statementDeadline: string;
  /** Whether the party may ask for a hearing (听证). */
  hearingRight: boolean;
  /** Until when (ISO) it may ask for one — present exactly when `hearingRight`. */
  hearingDeadline?: string;
}

/**
 * The payload of `hazard.penalty_notified`: the hazard as every `hazard.*` message carries it,
 * and the notice's `penalty` — so a notifier tells the enterprise its 陈述申辩 deadline and, when
 * given, its hearing right without reading the log.
 */
export interface PenaltyNoticePayload extends OutboxPayload {
  type: 'penalty_notified';
  penalty: PenaltyNoticeFacts;
}

/** The notice's facts from its event (the citation from the law table; an article no longer in it keeps its id). */
function penaltyNoticeFacts(event: ChainEvent<'penalty_notified'>): PenaltyNoticeFacts {
  const { penalty, statementDeadline, hearingRight, hearingDeadline } = event.data;
  const article = Object.hasOwn(PENALTY_ARTICLES, penalty.article) ? PENALTY_ARTICLES[penalty.article] : undefined;
  return {
    article: penalty.article,
    citation: article ? { ...article.citation } : { 'zh-CN': penalty.article, en: penalty.article },
    kind: penalty.kind,
    ...(penalty.fineAmount === undefined ? {} : { fineAmount: penalty.fineAmount }),
    statementDeadline,
    hearingRight,
    ...(hearingRight && hearingDeadline !== undefined ? { hearingDeadline } : {}),
  };
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
 * receiver deduplicates redeliveries by it. A `penalty_notified` event's message also carries
 * the notice's penalty and deadlines ({@link PenaltyNoticePayload}).
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
    const content =
      event.type === 'penalty_notified'
        ? outboxContent('hazard.penalty_notified', { ...payload, type: 'penalty_notified', penalty: penaltyNoticeFacts(event as ChainEvent<'penalty_notified'>) })
        : outboxContent(`hazard.${event.type}` as PlainHazardTopic, payload);
    return { id: event.id, hazardId: event.hazardId, eventId: event.id, ...content, createdAt: event.recordedAt };
  });
}
