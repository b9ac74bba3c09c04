import { foldEvents, handleCommand, type ChainCommand } from '@anjian/core';
import { badRequest } from '../bad-request.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem } from '../problem.js';
import { parseIfMatch } from '../parse-if-match.js';
import { readJsonObject } from '../read-json-body.js';
import { rejectionStatus } from '../rejection-status.js';
import { COMMAND_BODY, COMMAND_RESULT } from '../schemas.js';
import type { RouteSpec } from '../types.js';

/** Keys being processed right now, per API instance: a concurrent second use is a 409 (T18). */
const inFlight = new WeakMap<object, Set<string>>();

/** `POST /hazards/{id}/commands`: one review-chain command. */
export const COMMAND_ROUTE: RouteSpec = {
  method: 'post',
  path: '/hazards/{id}/commands',
  operationId: 'sendCommand',
  summary: 'Send a review-chain command (Idempotency-Key required, If-Match optional) / 提交审查链指令',
  tags: ['hazards'],
  auth: 'required',
  parameters: [
    { name: 'Idempotency-Key', in: 'header', required: true, description: 'high-entropy key, one per intended action; becomes the commandId / 幂等键', schema: { type: 'string', minLength: 1, maxLength: 200 } },
    { name: 'If-Match', in: 'header', description: 'the version the client saw ("3"); stale → 412 / 期望版本', schema: { type: 'string' } },
  ],
  requestBody: COMMAND_BODY,
  response: { status: 200, description: 'events written (or, replayed, the original ones with Idempotent-Replayed: true) / 写入的事件', schema: COMMAND_RESULT },
  errors: [400, 401, 403, 404, 409, 412, 413, 422],
  async handle(ctx) {
    const key = ctx.request.headers.get('idempotency-key');
    if (!key || key.length > 200) throw badRequest('缺少 Idempotency-Key 请求头（1–200 个字符）', 'the Idempotency-Key header (1–200 characters) is required');
    const ifMatch = parseIfMatch(ctx.request.headers.get('if-match'));
    const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
    if (typeof body.type !== 'string') throw badRequest('指令缺少 type', 'the command has no type');
    const expectedVersion = ifMatch ?? (typeof body.expectedVersion === 'number' ? body.expectedVersion : undefined);
    const command = { ...body, hazardId: ctx.params.id ?? '', commandId: key } as Record<string, unknown>;
    if (expectedVersion === undefined) delete command.expectedVersion;
    else command.expectedVersion = expectedVersion;

    let running = inFlight.get(ctx.deps);
    if (!running) inFlight.set(ctx.deps, (running = new Set()));
    if (running.has(key)) {
      throw new HttpProblem(409, 'IDEMPOTENCY_KEY_IN_FLIGHT', { 'zh-CN': '请求处理中', en: 'Request in flight' }, { 'zh-CN': '使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试', en: 'a request with this Idempotency-Key is still being processed; retry later' });
    }
    running.add(key);
    try {
      const result = await handleCommand(ctx.deps, command as unknown as ChainCommand, ctx.actorId as string);
      if ('rejection' in result) {
        const { code, message } = result.rejection;
        throw new HttpProblem(rejectionStatus(code, expectedVersion !== undefined), code, { 'zh-CN': '指令被拒绝', en: 'Command refused' }, message);
      }
      const last = result.events[result.events.length - 1];
      // A command that changes nothing (already in that state) writes no event: answer the current version.
      const version = last?.version ?? foldEvents(await ctx.deps.store.load(ctx.params.id ?? ''))?.version ?? 0;
      const headers: Record<string, string> = { etag: `"${version}"` };
      if (result.replayed) headers['idempotent-replayed'] = 'true';
      return jsonResponse({ hazardId: ctx.params.id, version, events: result.events }, 200, headers);
    } finally {
      running.delete(key);
    }
  },
};
