import { ID_PATTERN } from './command-shape.js';

/**
 * An idempotency key: one per intended action, so that a retry with the same key answers what
 * the first request recorded — 1–128 of A–Z a–z 0–9 `.` `_` `:` `-`, the first a letter or digit
 * (the id pattern: a command's key becomes its `commandId`). The one definition: the HTTP API's
 * `Idempotency-Key` header and `reportInspection`'s `key` (the sensor ingestion reports a device
 * warning under `warningReportKey` of its key, always one) are checked against it.
 */
export const IDEMPOTENCY_KEY_PATTERN: RegExp = ID_PATTERN;

/** The rule of {@link IDEMPOTENCY_KEY_PATTERN} in words, for messages. */
export const IDEMPOTENCY_KEY_RULE = Object.freeze({
  'zh-CN': '1–128 个字母、数字或 . _ : -，以字母或数字开头',
  en: '1–128 letters, digits or . _ : -, starting with a letter or digit',
});

/** Whether `value` is an idempotency key ({@link IDEMPOTENCY_KEY_PATTERN}). */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value);
}
