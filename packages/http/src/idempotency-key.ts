import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE, isIdempotencyKey } from '@anjian/core/internal';
import { badRequest } from './bad-request.js';
import type { Bilingual } from './problem.js';
import type { ParameterSpec, RouteContext } from './types.js';

/**
 * The `Idempotency-Key` header of a request (1–128 of A–Z a–z 0–9 . _ : -, the first a letter
 * or digit: core's `isIdempotencyKey`, the one definition `reportInspection` checks too), or a 400 in both languages when it is missing or invalid. One
 * per intended action: a retry with the same key answers what the first request recorded. The
 * one definition: the review-chain command, permit, round-draw routes and
 * `POST /inspections?report=true` read the header through it, and document it with
 * {@link IDEMPOTENCY_KEY_HEADER}. `missing` is what a route that needs the key only sometimes
 * says when there is none (report=true needs one).
 */
export function idempotencyKey(ctx: RouteContext, missing?: Bilingual): string {
  const key = ctx.request.headers.get('idempotency-key');
  if (!key && missing) throw badRequest(missing['zh-CN'], missing.en);
  if (!isIdempotencyKey(key))
    throw badRequest(`缺少或无效的 Idempotency-Key 请求头（${IDEMPOTENCY_KEY_RULE['zh-CN']}）`, `the Idempotency-Key header is missing or invalid (${IDEMPOTENCY_KEY_RULE.en})`);
  return key;
}

/**
 * The OpenAPI parameter of a required `Idempotency-Key` header: what {@link idempotencyKey}
 * accepts. A route describes it in its own words with `{ ...IDEMPOTENCY_KEY_HEADER, description }`,
 * never with a schema of its own.
 */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'one per intended action; a retry with the same key answers what the first request recorded (header Idempotent-Replayed) / 幂等键',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
} as const satisfies ParameterSpec;
