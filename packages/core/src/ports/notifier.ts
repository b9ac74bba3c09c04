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
      /**
       * False for a permanent failure, one no later attempt can cure: the relay dead-letters the
       * message at once. True for a transient one: the relay tries again with backoff. Which is
       * which: see {@link Notifier}.
       */
      retryable: boolean;
      /** What went wrong, in 中文 and English, for the dead-letter list (no secrets, no full phone numbers). */
      error: string;
      /** Seconds the receiver asked to wait, if it did. */
      retryAfter?: number;
    };

/** HTTP statuses below 500 after which the same request may succeed: Request Timeout, Too Early, Too Many Requests. */
const TRANSIENT_4XX: ReadonlySet<number> = new Set([408, 425, 429]);

/**
 * True when an HTTP answer of `status` from a receiver or gateway is a transient failure (5xx,
 * 408, 425, 429); every other status from 400 up is permanent (the receiver refused this
 * message: 400, 401, 403, 404, 410, 413, 422 …). The one mapping the HTTP notifiers of
 * `@anjian/notify-*` use; a notifier over HTTP uses it too.
 */
export function isTransientHttpStatus(status: number): boolean {
  return status >= 500 || TRANSIENT_4XX.has(status);
}

const PERMANENT = Symbol.for('anjian.PermanentDeliveryError');

/**
 * Thrown by the relay's `deliver` (the host's function that hands a message to its notifiers)
 * when the message can never be delivered, whatever the receiver does: `toOutboxEnvelope` throws
 * one (`OutboxKindError`) for a kind it does not know or a payload that does not fit; a host
 * throws one when, say, the message names nobody it can reach. The relay dead-letters the message
 * at once with the error's message; any other throw is transient (retried with backoff).
 * Code `DELIVERY_PERMANENT` (subclasses have their own).
 *
 * @example
 * ```ts
 * const phone = phoneOf(e.payload.enterpriseId);
 * if (!phone) throw new PermanentDeliveryError({ en: `no phone number for ${e.payload.enterpriseId}`, 'zh-CN': `企业 ${e.payload.enterpriseId} 没有手机号码` });
 * ```
 */
export class PermanentDeliveryError extends Error {
  override readonly name: string = 'PermanentDeliveryError';
  /** `DELIVERY_PERMANENT`, or the subclass's code. */
  readonly code: string = 'DELIVERY_PERMANENT';
  /** Brand shared across copies of the package. */
  readonly [PERMANENT] = true;

  /** `reason` in both languages becomes the message `<en> / <zh-CN>` (a string is taken as it is). */
  constructor(reason: string | { en: string; 'zh-CN': string }, options?: { cause?: unknown }) {
    super(typeof reason === 'string' ? reason : `${reason.en} / ${reason['zh-CN']}`, options);
  }

  /** True for any `PermanentDeliveryError` (an `OutboxKindError` too), even from another copy of the package. */
  static is(value: unknown): value is PermanentDeliveryError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PERMANENT] === true;
  }
}

/**
 * Delivers messages; `@anjian/notify-webhook` and `@anjian/notify-sms` implement it, and
 * every implementation runs `runNotifierConformance` from `@anjian/core/testing`.
 *
 * - `deliver` MUST pass `message.id` to the receiver as its idempotency key, unchanged on
 *   every retry (receivers deduplicate by it; delivery is at least once).
 * - `deliver` MUST NOT throw or reject for delivery problems (receiver down, timeout,
 *   refusal): it resolves `{ ok: false, retryable, error }`. It may throw for programming
 *   errors only.
 * - Permanent or transient — the one definition the relay acts on:
 *   - `retryable` MUST be `false` (permanent: dead-lettered at once) when no later attempt of
 *     the same message can succeed: the receiver refused the message itself (an HTTP status
 *     from 400 up that {@link isTransientHttpStatus} does not call transient — 400, 401, 403,
 *     404, 410, 413, 422 …), the recipient cannot receive it (a provider's “invalid number”,
 *     a number that is no mainland mobile), or the message cannot be rendered (no template for
 *     its kind, a parameter missing).
 *   - `retryable` MUST be `true` (transient: retried with backoff) when a later attempt may
 *     succeed: no answer (timeout, connection refused, DNS), HTTP 5xx, 408, 425 or 429.
 *   - A thrown {@link PermanentDeliveryError} from the relay's `deliver` is permanent too; any
 *     other throw is transient.
 * - `error` MUST say what went wrong in 中文 and English (`<en> / <中文>`): it is the reason the
 *   dead-letter list shows. `deliver` MUST NOT change `message`, and MUST NOT put secrets in `error`.
 * - `retryAfter`, when present, is a finite number of seconds `>= 0`.
 */
export interface Notifier<M extends NotifierMessage = NotifierMessage> {
  /** Delivers one message (see the interface's rules). */
  deliver(message: M): Promise<NotifierDelivery>;
}
