/**
 * The Notifier port: delivers one outbox message to the outside world (a webhook, an SMS
 * gateway, a message queue). The outbox relay calls it at least once per message.
 *
 * @module
 */

/** The least a notifier's message carries: the outbox message id and its kind (topic). */
export interface NotifierMessage {
  /** Stable outbox message id: the idempotency key, the same on every retry. */
  id: string;
  /** The message kind, an outbox topic such as `hazard.notice_overdue`. */
  kind: string;
}

/** Outcome of one delivery attempt. */
export type NotifierDelivery =
  | { ok: true }
  | {
      ok: false;
      /** False for failures that will never succeed (bad number, 4xx): dead-letter at once. */
      retryable: boolean;
      /** What went wrong, for the dead-letter list (no secrets, no full phone numbers). */
      error: string;
      /** Seconds the receiver asked to wait, if it did. */
      retryAfter?: number;
    };

/**
 * Delivers messages; `@anjian/notify-webhook` and `@anjian/notify-sms` implement it, and
 * every implementation runs `runNotifierConformance` from `@anjian/core/testing`.
 *
 * - `deliver` MUST pass `message.id` to the receiver as its idempotency key, unchanged on
 *   every retry (receivers deduplicate by it; delivery is at least once).
 * - `deliver` MUST NOT throw or reject for delivery problems (receiver down, timeout,
 *   refusal): it resolves `{ ok: false, retryable, error }`. `retryable` MUST be false only
 *   when a later attempt cannot succeed. It may throw for programming errors only.
 * - `deliver` MUST NOT change `message`, and MUST NOT put secrets in `error`.
 * - `retryAfter`, when present, is a finite number of seconds `>= 0`.
 */
export interface Notifier<M extends NotifierMessage = NotifierMessage> {
  /** Delivers one message (see the interface's rules). */
  deliver(message: M): Promise<NotifierDelivery>;
}
