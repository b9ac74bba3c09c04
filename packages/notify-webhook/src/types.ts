/**
 * Types of the webhook notifier.
 *
 * @module
 */
import type { Notifier } from '@anjian/core/ports';

/**
 * What the notifier sends: one outbox message. Core's `toOutboxEnvelope(m)` turns a message
 * the relay claimed into exactly this shape, typed by kind (`OutboxEnvelope`, docs/outbox.md):
 * `deliver: (m) => webhook.deliver(toOutboxEnvelope(m))`.
 */
export interface WebhookMessage {
  /**
   * Stable id of the outbox message. It is sent as the `Idempotency-Key` header and MUST be
   * the same on every retry, so a receiver that deduplicates by it processes the message once.
   */
  id: string;
  /** Message kind: the outbox topic, e.g. `hazard.overdue_noticed` (docs/outbox.md lists every kind). */
  kind: string;
  /** JSON payload. */
  payload: unknown;
}

/** Outcome of one delivery attempt. */
export type DeliveryResult =
  | { ok: true; status: number }
  | {
      ok: false;
      /**
       * True when a later attempt may succeed (timeouts, network errors, 408, 425, 429, 5xx);
       * false for a refusal (any other 4xx): the relay dead-letters the message at once.
       */
      retryable: boolean;
      status?: number;
      /** What went wrong, `<en> / <中文>`. */
      error: string;
      /** Seconds the receiver asked us to wait (`Retry-After`), when it did. */
      retryAfter?: number;
    };

/** Options of {@link createWebhookNotifier}. */
export interface WebhookNotifierOptions {
  /**
   * Receiver URL: `https:`, or `http:` to this machine (localhost, 127.0.0.0/8, ::1). Plain
   * `http:` to another host is refused unless {@link allowInsecureHttp}.
   */
  url: string;
  /**
   * Allow a plain `http:` URL to another machine (e.g. a receiver inside a closed network
   * behind a TLS-terminating gateway). Messages then cross the network readable by anyone on
   * the path. Default false.
   */
  allowInsecureHttp?: boolean;
  /** Shared secret for the HMAC-SHA256 signature. At least 16 characters. */
  secret: string;
  /** Abort an attempt after this many milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Extra headers (e.g. a static bearer token of the receiver). */
  headers?: Record<string, string>;
  /** `fetch` to use; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/** A notifier that delivers outbox messages as signed HTTP POSTs (a core `Notifier`). */
export interface WebhookNotifier extends Notifier<WebhookMessage> {
  /** Deliver one message. Never throws: failures come back as a {@link DeliveryResult}. */
  deliver(message: WebhookMessage): Promise<DeliveryResult>;
}
