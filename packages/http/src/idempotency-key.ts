import { ID_PATTERN } from '@anjian/core/internal';
import { badRequest } from './bad-request.js';
import type { RouteContext } from './types.js';

/**
 * The `Idempotency-Key` header of a command request (1–128 of A–Z a–z 0–9 . _ : -), or a 400
 * in both languages when it is missing or invalid. One per intended action: a retry with the
 * same key answers what the first request recorded. The one definition: the review-chain,
 * permit and round routes read the header through it.
 */
export function idempotencyKey(ctx: RouteContext): string {
  const key = ctx.request.headers.get('idempotency-key');
  if (!key || !ID_PATTERN.test(key))
    throw badRequest('缺少或无效的 Idempotency-Key 请求头（1–128 个字母、数字或 . _ : -）', 'the Idempotency-Key header is missing or invalid (1–128 letters, digits or . _ : -)');
  return key;
}

/** The OpenAPI parameter of a required `Idempotency-Key` header. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: true,
  description: 'one per intended action; a retry with the same key answers what the first request recorded (header Idempotent-Replayed) / 幂等键',
  schema: { type: 'string', pattern: ID_PATTERN.source },
};
