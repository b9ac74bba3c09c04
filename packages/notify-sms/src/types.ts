/**
 * Types of the SMS notifier.
 *
 * @module
 */
import type { Notifier } from '@anjian/core/ports';

/** One SMS to send: an outbox message resolved to a recipient. */
export interface SmsMessage {
  /** Stable outbox message id; sent to the gateway as the idempotency key on every retry. */
  id: string;
  /** Message kind; selects the template (e.g. `hazard.overdue`). */
  kind: string;
  /** Recipient's phone number, any common mainland format. */
  to: string;
  /** Template parameters. */
  params: Record<string, string | number>;
}

/** What the host's provider mapping receives. */
export interface SmsRequestInput {
  /** Normalised 11-digit mainland mobile number. */
  phone: string;
  /** Full text including the signature, e.g. `【某市应急管理局】…`. */
  text: string;
  /** Text without the signature (for providers that add it from a registered template). */
  body: string;
  kind: string;
  params: Record<string, string | number>;
  idempotencyKey: string;
}

/** The HTTP request to send to the gateway. */
export interface SmsHttpRequest {
  url?: string;
  method?: 'POST' | 'GET' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
}

/** Outcome of one attempt, same shape as the webhook notifier's. */
export type SmsDeliveryResult = { ok: true; status: number; providerId?: string } | { ok: false; retryable: boolean; status?: number; error: string };

/** Options of {@link createSmsNotifier}. */
export interface SmsNotifierOptions {
  /** Gateway endpoint (the mapping may override per request). */
  endpoint: string;
  /** Signature shown in 【】, required by mainland SMS rules, e.g. `某市应急管理局`. */
  signature: string;
  /** Turns one SMS into the provider's HTTP request. The only provider-specific code. */
  toRequest: (input: SmsRequestInput) => SmsHttpRequest;
  /**
   * Reads the provider's answer. Default: any 2xx is success. Return `retryable: false` for
   * answers that will never succeed (bad number, template rejected).
   */
  parseResponse?: (status: number, body: string) => SmsDeliveryResult;
  /** Templates by kind; merged over {@link DEFAULT_SMS_TEMPLATES}. */
  templates?: Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A notifier that sends SMS through an HTTP gateway (a core `Notifier`). */
export interface SmsNotifier extends Notifier<SmsMessage> {
  /** Send one SMS. Never throws for delivery problems; a bad number or template is a permanent failure. */
  deliver(message: SmsMessage): Promise<SmsDeliveryResult>;
}
