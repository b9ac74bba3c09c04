/**
 * Webhook notifier for anjian: delivers outbox messages as JSON POSTs signed with
 * HMAC-SHA256, with the message id as `Idempotency-Key`.
 *
 * @packageDocumentation
 */
export { createWebhookNotifier, WebhookConfigError } from './create-webhook-notifier.js';
export { signWebhook, verifyWebhook, WEBHOOK_HEADERS } from './sign-webhook.js';
export type { VerifyWebhookOptions } from './sign-webhook.js';
export type { DeliveryResult, WebhookMessage, WebhookNotifier, WebhookNotifierOptions } from './types.js';
