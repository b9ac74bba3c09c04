import { isChainError } from '@anjian/core';
import { badRequest } from '../bad-request.js';
import { hazardFilterFromQuery } from '../hazard-filter-from-query.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem } from '../problem.js';
import { HAZARD_SUMMARY, STATS } from '../schemas.js';
import type { RouteSpec } from '../types.js';
import { collectHazards } from './collect-hazards.js';
import { FILTER_PARAMETERS } from './hazard-routes.js';
import { QUEUE_ROLES, queueFilters, type QueueRole } from './queue-filters.js';

const QUEUE_CAP = 500;

/** `GET /queues/{role}`, `GET /stats`, `GET /outbox`. */
export const DASHBOARD_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/queues/{role}',
    operationId: 'getQueue',
    summary: "The authenticated actor's work queue for a role (grid, enforcement, enterprise) / 待办队列",
    tags: ['queues'],
    auth: 'required',
    response: {
      status: 200,
      description: `up to ${QUEUE_CAP} hazards, soonest deadline first / 待办隐患`,
      schema: { type: 'object', required: ['role', 'items'], properties: { role: { enum: [...QUEUE_ROLES] }, items: { type: 'array', items: HAZARD_SUMMARY } } },
    },
    errors: [400, 401, 403],
    async handle({ params, deps, actorId }) {
      const role = params.role as QueueRole;
      if (!QUEUE_ROLES.includes(role)) throw badRequest(`没有角色 "${params.role}" 的队列（可选：${QUEUE_ROLES.join('、')}）`, `no queue for role "${params.role}" (one of: ${QUEUE_ROLES.join(', ')})`);
      const actor = await deps.directory.resolve(actorId as string);
      if (!actor || !actor.roles.includes(role)) {
        throw new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '无权访问', en: 'Forbidden' }, { 'zh-CN': `当前用户没有“${role}”角色`, en: `the actor does not have the role "${role}"` });
      }
      const items = await collectHazards(deps.store, queueFilters(role, actor), QUEUE_CAP);
      return jsonResponse({ role, items });
    },
  },
  {
    method: 'get',
    path: '/stats',
    operationId: 'getStats',
    summary: 'Dashboard counts by level, status, domain; overdue; closure rate / 统计',
    tags: ['dashboard'],
    auth: 'required',
    parameters: [
      ...FILTER_PARAMETERS.filter((p) => p.name !== 'overdue'),
      { name: 'createdFrom', in: 'query', description: 'ISO instant (inclusive) / 起始时间', schema: { type: 'string' } },
      { name: 'createdTo', in: 'query', description: 'ISO instant (exclusive) / 截止时间', schema: { type: 'string' } },
      { name: 'groupBy', in: 'query', description: 'day | month (UTC+8) / 按日或月分组', schema: { enum: ['day', 'month'] } },
    ],
    response: { status: 200, description: 'counts / 计数', schema: STATS },
    errors: [400, 401],
    async handle({ query, deps }) {
      const now = deps.clock.now();
      const filter = hazardFilterFromQuery(query, now);
      const stats = {
        filter,
        now: now.toISOString(),
        ...(query.get('createdFrom') ? { createdFrom: query.get('createdFrom') as string } : {}),
        ...(query.get('createdTo') ? { createdTo: query.get('createdTo') as string } : {}),
        ...(query.get('groupBy') ? { groupBy: query.get('groupBy') as 'day' } : {}),
      };
      try {
        return jsonResponse(await deps.store.stats(stats));
      } catch (error) {
        if (isChainError(error) && error.code === 'INVALID_QUERY') throw badRequest(error.localized['zh-CN'], error.localized.en);
        throw error;
      }
    },
  },
  {
    method: 'get',
    path: '/outbox',
    operationId: 'getOutbox',
    summary: 'Dead letters of the notification outbox / 发送失败的通知',
    tags: ['dashboard'],
    auth: 'required',
    parameters: [{ name: 'limit', in: 'query', description: '1–500, default 100', schema: { type: 'string', pattern: '^[0-9]+$' } }],
    response: {
      status: 200,
      description: 'dead letters / 死信',
      schema: {
        type: 'object',
        required: ['deadLetters'],
        properties: {
          deadLetters: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'hazardId', 'eventId', 'topic', 'payload', 'createdAt', 'attempts', 'lastError'],
              properties: { id: { type: 'string' }, hazardId: { type: 'string' }, eventId: { type: 'string' }, topic: { type: 'string' }, payload: { type: 'object' }, createdAt: { type: 'string' }, attempts: { type: 'integer' }, lastError: { type: 'string' } },
            },
          },
        },
      },
    },
    errors: [400, 401],
    async handle({ query, deps }) {
      const limit = query.get('limit') === null ? 100 : Number(query.get('limit'));
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit 必须是 1–500 的整数', 'limit must be an integer 1–500');
      return jsonResponse({ deadLetters: await deps.store.readDeadLetters(limit) });
    },
  },
];
