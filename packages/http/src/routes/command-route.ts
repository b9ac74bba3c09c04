import { foldEvents, handleCommand, parseCommand } from '@anjian/core';
import { coSignCodeOf, CO_SIGN_CODE_PARAMETER } from '../co-sign-code-header.js';
import { invalidCommand } from '../command-problem.js';
import { jsonResponse } from '../json-response.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { HttpProblem } from '../problem.js';
import { actorOf } from '../reader-of.js';
import { parseIfMatch } from '../parse-if-match.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKey } from '../idempotency-key.js';
import { issueCommandDocuments } from '../issue-command-documents.js';
import { readJsonObject } from '../read-json-body.js';
import { refusalReason } from '../refusal-reason.js';
import { rejectionStatus } from '../rejection-status.js';
import { COMMAND_BODY, COMMAND_RESULT } from '../schemas.js';
import type { RouteSpec } from '../types.js';

/** Keys being processed right now, per API instance: a concurrent second use is a 409 (T18). */
const inFlight = new WeakMap<object, Set<string>>();
/** The title of every refused command. */
const COMMAND_REFUSED = { 'zh-CN': '指令被拒绝', en: 'Command refused' };

/**
 * `POST /hazards/{id}/commands`: one review-chain command, parsed by core's
 * `parseCommand` (422 with pointers), then run by `handleCommand`. A hazard the actor may
 * not read is a 404 before anything else is said about it (no 403 or 412 that would tell
 * it exists, or its version).
 */
export const COMMAND_ROUTE: RouteSpec = {
  method: 'post',
  path: '/hazards/{id}/commands',
  operationId: 'sendCommand',
  summary: 'Send a review-chain command (Idempotency-Key required, If-Match optional) / 提交审查链指令',
  description:
    'One command of the review chain (notice, rectification, verification, case, plan, stop-work, acceptance, close…), told apart by `type`. The Idempotency-Key becomes the command id: a retry with the same key and body replays the original result (header Idempotent-Replayed); the same key with another body is a 422. If-Match pins the version (stale → 412). A hazard the actor may not read is a 404. Two-officer acts need a second enforcement officer with a certificate number, who confirms from his own session: he generates a co-sign code (POST /hazards/{id}/co-sign-codes) and the first officer sends it in the Co-Sign-Code header; the server derives him from the code, and a body that names coOfficerId is a 422 (SERVER_ASSIGNED). An act whose deadline in working days (of a notice, a report or an extension, the penalty reply periods) would reach a year whose holiday arrangement the host has not loaded is a 503 CALENDAR_NOT_COVERED naming the year; nothing is recorded.\n\n审查链的一条指令（整改通知、提交整改、复查、立案、治理方案、停产停业、验收、销号等），由 `type` 区分。幂等键即指令编号：相同键和内容的重试返回原结果；相同键不同内容为 422。If-Match 固定版本（过期为 412）。无权读取的隐患为 404。两人执法的指令需要另一名持执法证的执法人员在本人账号中生成确认码（POST /hazards/{id}/co-sign-codes），由第一名执法人员在 Co-Sign-Code 请求头中提交；服务器据此认定第二名执法人员，请求体填写 coOfficerId 为 422（SERVER_ASSIGNED）。按工作日计算的期限（整改期限、上报期限、延期、陈述申辩与听证期限）经过宿主未载入节假日安排的年份时返回 503（CALENDAR_NOT_COVERED，说明年份），不作任何记录。',
  tags: ['hazards'],
  auth: 'required',
  parameters: [
    { ...IDEMPOTENCY_KEY_HEADER, description: 'high-entropy key, one per intended action; becomes the commandId (1–128 of A–Z a–z 0–9 . _ : -) / 幂等键' },
    CO_SIGN_CODE_PARAMETER,
    { name: 'If-Match', in: 'header', description: 'the version the client saw, exactly "3" (the ETag); stale → 412 / 期望版本', schema: { type: 'string', pattern: '^(\\*|"(0|[1-9][0-9]{0,9})")$' } },
  ],
  requestBody: COMMAND_BODY,
  response: { status: 200, description: 'events written (or, replayed, the original ones with Idempotent-Replayed: true) / 写入的事件', schema: COMMAND_RESULT },
  errors: [400, 401, 403, 404, 409, 412, 413, 422, 429, 503],
  async handle(ctx) {
    const hazardId = ctx.params.id ?? '';
    const key = idempotencyKey(ctx);
    const ifMatch = parseIfMatch(ctx.request.headers.get('if-match'));
    const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
    const parsed = parseCommand(body, { hazardId, commandId: key });
    if (!parsed.ok) throw invalidCommand(parsed.issues, (ctx.options.basePath ?? '').replace(/\/+$/, ''));
    const command = parsed.command;
    // An actor the directory does not know is refused before the hazard is looked up, as GET refuses it (readerOf):
    // 403 UNKNOWN_ACTOR, with the command refusal's reason — not the 404 an outsider gets.
    const reader = await actorOf(ctx, COMMAND_REFUSED);
    // Out of the read scope (or no such hazard): the same 404 as GET, before any rule runs.
    // A manual observation creates its hazard, so only an existing one is checked.
    const existing = await loadReadableHazard(ctx, hazardId, reader);
    if (!existing && (command.type !== 'report_observation' || (await ctx.deps.store.load(hazardId)) !== null)) throw hazardNotFound(hazardId);
    if (ifMatch !== undefined) command.expectedVersion = ifMatch;
    const pinned = command.expectedVersion !== undefined;

    let running = inFlight.get(ctx.deps);
    if (!running) inFlight.set(ctx.deps, (running = new Set()));
    if (running.has(key)) {
      throw new HttpProblem(
        409,
        'IDEMPOTENCY_KEY_IN_FLIGHT',
        { 'zh-CN': '请求处理中', en: 'Request in flight' },
        { 'zh-CN': '使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试', en: 'a request with this Idempotency-Key is still being processed; retry later' },
      );
    }
    running.add(key);
    try {
      const result = await handleCommand(ctx.deps, command, ctx.actorId as string, coSignCodeOf(ctx));
      if ('rejection' in result) {
        const { code, message } = result.rejection;
        if (code === 'HAZARD_NOT_FOUND') throw hazardNotFound(hazardId);
        const status = rejectionStatus(code, pinned);
        const reason = status === 403 ? await refusalReason(code, command, ctx.actorId as string, existing?.state ?? null, ctx.deps.directory) : undefined;
        // A refusal that names the field at fault lists it as an issue, as a refused body does (both languages, its pointer).
        const issues = result.rejection.pointer === undefined ? undefined : [{ code, severity: 'error' as const, pointer: result.rejection.pointer, message }];
        throw new HttpProblem(status, code, COMMAND_REFUSED, message, issues, reason);
      }
      const last = result.events[result.events.length - 1];
      // A command that changes nothing (already in that state) writes no event: answer the current version.
      const version = last?.version ?? foldEvents(await ctx.deps.store.load(hazardId))?.version ?? 0;
      const headers: Record<string, string> = { etag: `"${version}"` };
      if (result.replayed) headers['idempotent-replayed'] = 'true';
      // The documents these events issue are issued now, by the acting officer's command (a replay issues what is still unissued).
      const documents = await issueCommandDocuments(
        ctx,
        hazardId,
        result.events.map((e) => e.id),
      );
      return jsonResponse({ hazardId, version, events: result.events, ...(ctx.options.documents ? { documents } : {}) }, 200, headers);
    } finally {
      running.delete(key);
    }
  },
};
