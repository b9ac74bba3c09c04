/**
 * Webhook notifier for anjian: signed POSTs with idempotency keys.
 *
 * @packageDocumentation
 */
export {};
