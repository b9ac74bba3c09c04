import { isChainError } from '@anjian/core';
import { collectRoundWorkFor, quoteInput, readScopes, roundUnits } from '@anjian/core/internal';
import { badRequest } from '../bad-request.js';
import { checkFilterValues } from '../filter-values.js';
import { hazardFilterFromQuery } from '../hazard-filter-from-query.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem } from '../problem.js';
import { queryCount } from '../query-count.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
import { HAZARD_SUMMARY, STATS } from '../schemas.js';
import type { JsonSchema, RouteSpec } from '../types.js';
import { collectHazards } from './collect-hazards.js';
import { FILTER_NAMES, FILTER_PARAMETERS } from './hazard-routes.js';
import { QUEUE_ROLES, queueFilters, type QueueRole } from './queue-filters.js';
import { scopedStats } from '../scoped-stats.js';

const QUEUE_CAP = 500;

const count = { type: 'integer', minimum: 0 } as const;
const instantOrNull = { type: ['string', 'null'] } as const;

/** `Store.outboxStatus`: the notification queue by state (`leased` and `retrying` are parts of `pending`). */
const OUTBOX_STATUS: JsonSchema = {
  type: 'object',
  required: ['pending', 'retrying', 'leased', 'delivered', 'dead', 'oldestPendingAt', 'nextRetryAt'],
  additionalProperties: false,
  properties: {
    pending: { ...count, description: 'neither delivered nor dead, in flight or waiting / 待发送（含发送中、待重试）' },
    retrying: { ...count, description: 'pending after at least one failed attempt / 重试中' },
    leased: { ...count, description: 'pending under a running lease / 发送中' },
    delivered: { ...count, description: 'acknowledged / 已送达' },
    dead: { ...count, description: 'dead letters / 死信' },
    oldestPendingAt: { ...instantOrNull, description: 'createdAt of the oldest pending message / 最早待发送消息的创建时间' },
    nextRetryAt: { ...instantOrNull, description: 'earliest retry time of a message waiting for a retry / 最近的重试时间' },
  },
};

/** Core's `RoundWorkItem`: an enterprise a round still waits for. */
const ROUND_WORK_ITEM: JsonSchema = {
  type: 'object',
  required: ['roundId', 'title', 'kind', 'packId', 'domain', 'enterpriseId', 'enterpriseName', 'area', 'status', 'startsOn', 'endsOn', 'endsAt', 'daysLeft', 'daysOverdue'],
  properties: {
    roundId: { type: 'string' },
    title: { type: 'object', description: 'LocalizedText' },
    kind: { enum: ['self_inspection', 'patrol_coverage', 'special_campaign'] },
    packId: { type: 'string' },
    domain: { type: 'string' },
    enterpriseId: { type: 'string' },
    enterpriseName: { type: 'string' },
    area: { type: 'string' },
    status: { enum: ['due', 'overdue'], description: 'due while the round runs, overdue after its last day / 待查、逾期' },
    startsOn: { type: 'string' },
    endsOn: { type: 'string' },
    endsAt: { type: 'string', description: 'the instant the round ends (the day after endsOn, 00:00 UTC+8) / 轮次截止时刻' },
    daysLeft: count,
    daysOverdue: count,
  },
};

/** `GET /queues/{role}`, `GET /stats`, `GET /outbox`. */
export const DASHBOARD_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/queues/{role}',
    operationId: 'getQueue',
    summary: "The authenticated actor's work queue for a role (grid, enforcement, enterprise) / 待办队列",
    description:
      "The hazards waiting for the actor in a role: a grid inspector's submitted rectifications, an officer's open major, escalated and provisional hazards, an enterprise's open hazards; soonest deadline first, at most 500. With relations configured, `rounds` lists the round members still to inspect in that role (core's collectRoundWork and roundWorkFor): a grid inspector's patrol and campaign members in its areas, an officer's campaign members of its domains and areas, an enterprise's own self-inspection rounds — due, or overdue up to 30 days after the round's end.\n\n当前用户在某角色下的待办：网格员待复查的整改、执法人员的重大/移交/疑似隐患、企业自己的未结隐患；按期限排序，最多 500 条。配置了名录关系时，rounds 列出该角色在检查轮次中尚未检查的对象（待查或逾期）。",
    tags: ['queues'],
    auth: 'required',
    response: {
      status: 200,
      description: `up to ${QUEUE_CAP} hazards, soonest deadline first / 待办隐患`,
      schema: {
        type: 'object',
        required: ['role', 'items'],
        properties: {
          role: { enum: [...QUEUE_ROLES] },
          items: { type: 'array', items: HAZARD_SUMMARY },
          rounds: { type: 'array', items: ROUND_WORK_ITEM, description: 'round members still to inspect in this role (relations configured) / 轮次待查' },
        },
      },
    },
    errors: [400, 401, 403],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const { params, deps, options } = ctx;
      // An actor the directory does not know: 403 UNKNOWN_ACTOR before anything else (not FORBIDDEN for the role).
      const actor = await readerOf(ctx);
      const role = params.role as QueueRole;
      if (!QUEUE_ROLES.includes(role))
        throw badRequest(
          `没有角色 ${quoteInput(params.role ?? '')} 的队列（可选：${QUEUE_ROLES.join('、')}）`,
          `no queue for role ${quoteInput(params.role ?? '')} (one of: ${QUEUE_ROLES.join(', ')})`,
        );
      if (!actor.roles.includes(role)) {
        throw new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '无权访问', en: 'Forbidden' }, { 'zh-CN': `当前用户没有“${role}”角色`, en: `the actor does not have the role "${role}"` });
      }
      const items = await collectHazards(deps.store, queueFilters(role, actor), QUEUE_CAP);
      const relations = options.relations;
      if (!relations || !deps.inspections) return jsonResponse({ role, items });
      const units = await roundUnits(await relations.enterprises(), relations.rental);
      // Only the rounds and units this actor works in this role are read (core's collectRoundWorkFor): an enterprise's
      // queue no longer reads the coverage of every enterprise of a city-wide round.
      const rounds = await collectRoundWorkFor(actor, { rounds: relations.rounds, inspections: deps.inspections, units }, deps.clock.now(), role);
      return jsonResponse({ role, items, rounds });
    },
  },
  {
    method: 'get',
    path: '/stats',
    operationId: 'getStats',
    summary: 'Dashboard counts by level, status, domain; overdue; closure rate / 统计',
    description:
      'Counts of the hazards the actor may read, filtered like GET /hazards: by level, status and domain, closed, closure rate, overdue; groupBy=month adds one row per month.\n\n当前用户可读取的隐患统计（过滤参数同 GET /hazards）：按等级、状态、领域计数，已销号数、销号率、逾期数；groupBy=month 按月分组。',
    tags: ['dashboard'],
    auth: 'required',
    parameters: [
      ...FILTER_PARAMETERS.filter((p) => p.name !== 'overdue'),
      { name: 'createdFrom', in: 'query', description: 'ISO instant (inclusive) / 起始时间', schema: { type: 'string' } },
      { name: 'createdTo', in: 'query', description: 'ISO instant (exclusive) / 截止时间', schema: { type: 'string' } },
      { name: 'groupBy', in: 'query', description: 'day | month (UTC+8) / 按日或月分组', schema: { enum: ['day', 'month'] } },
    ],
    response: { status: 200, description: 'counts over the hazards the actor may read / 当前用户可见范围内的计数', schema: STATS },
    errors: [400, 401, 403, 422],
    problemCodes: withReaderCodes({ 422: ['UNKNOWN_QUERY_VALUE'] }),
    async handle(ctx) {
      const { query, deps } = ctx;
      // An actor the directory does not know is refused (403 UNKNOWN_ACTOR), not answered zeros.
      const actor = await readerOf(ctx);
      const now = deps.clock.now();
      const filter = hazardFilterFromQuery(query, now);
      const scopes = readScopes(actor);
      // Checked as GET /hazards checks them: unknown values are an error, not zero counts.
      await checkFilterValues(ctx, actor, scopes, FILTER_NAMES);
      const stats = {
        filter,
        now: now.toISOString(),
        ...(query.get('createdFrom') ? { createdFrom: query.get('createdFrom') as string } : {}),
        ...(query.get('createdTo') ? { createdTo: query.get('createdTo') as string } : {}),
        ...(query.get('groupBy') ? { groupBy: query.get('groupBy') as 'day' } : {}),
      };
      try {
        // Scoped like the hazard list (docs/security.md T20): an enterprise counts its own hazards.
        return jsonResponse(await scopedStats(deps.store, stats, scopes));
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
    summary: 'Notification queue: counts by state, oldest waiting message, next retry; and the dead letters / 通知队列状态与发送失败的通知',
    description:
      "For actors who read every hazard (dead letters name other enterprises' hazards): the notification queue by state and the messages that could not be delivered.\n\n仅限可读取全部隐患的用户：通知队列各状态计数与发送失败的通知。",
    tags: ['dashboard'],
    auth: 'required',
    parameters: [{ name: 'limit', in: 'query', description: 'dead letters listed, 1–500, default 100 / 列出的死信条数', schema: { type: 'string', pattern: '^[0-9]+$' } }],
    response: {
      status: 200,
      description: 'queue status and dead letters / 队列状态与死信',
      schema: {
        type: 'object',
        required: ['status', 'deadLetters'],
        properties: {
          status: OUTBOX_STATUS,
          deadLetters: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'hazardId', 'eventId', 'topic', 'payload', 'createdAt', 'attempts', 'lastError'],
              properties: {
                id: { type: 'string' },
                hazardId: { type: 'string' },
                eventId: { type: 'string' },
                topic: { type: 'string' },
                payload: { type: 'object' },
                createdAt: { type: 'string' },
                attempts: { type: 'integer' },
                lastError: { type: 'string' },
              },
            },
          },
        },
      },
    },
    errors: [400, 401, 403],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const { query, deps } = ctx;
      const actor = await readerOf(ctx);
      // Dead letters carry other enterprises' hazards: only who reads everything sees the queue.
      if (readScopes(actor) !== 'all') {
        throw new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '无权访问', en: 'Forbidden' }, { 'zh-CN': '通知队列只对部门管理员开放', en: 'the notification queue is for department admins only' });
      }
      const limit = queryCount(query, 'limit', 100, 500);
      const status = await deps.store.outboxStatus(deps.clock.now().toISOString());
      return jsonResponse({ status, deadLetters: await deps.store.readDeadLetters(limit) });
    },
  },
];
