import { authChallenge as checkedChallenge, DEFAULT_AUTH_CHALLENGE } from './auth-challenge.js';
import { challengeSchemes } from './challenge-schemes.js';
import { commandComponents } from './command-schemas.js';
import { coreComponents } from './core-schemas.js';
import { eventComponents } from './event-schemas.js';
import { gateProblems } from './gate-problems.js';
import { OPERATION_EXAMPLES } from './operation-examples.js';
import { problemCodes } from './problem-codes.js';
import { ATTACHED_EVIDENCE, EVIDENCE_RECORD, HAZARD_STATE, HAZARD_SUMMARY, ISSUE, LOCALIZED_TEXT, PROBLEM, STORED_EVENT } from './schemas.js';
import type { JsonSchema, RouteSpec } from './types.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request: malformed body, parameter or header / 请求无效',
  401: 'Not authenticated / 未认证',
  403: 'Forbidden by the permission table or unknown actor / 无权操作',
  404: 'Not found / 未找到',
  409: 'Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突',
  412: 'Stale If-Match version (code CONFLICT) / 版本已变化',
  405: 'Method not allowed on this path (header Allow) / 不支持的请求方法',
  413: "Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大",
  415: 'Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型',
  422: 'Rule violation or invalid data, with issues / 数据或规则错误',
  429: "Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效）",
  500: 'Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号）',
  503: "CALENDAR_NOT_COVERED: the act needs a deadline in working days (a notice's, a report's running deadline, an extension, the penalty reply periods) that reaches a year whose holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) the host has not loaded in its working-day calendar; the detail names the year. Nothing is recorded; send again once the host has loaded it (logged and handed to onError, like a 500) / 节假日安排未载入：期限经过宿主未载入节假日安排的年份，未作任何记录，宿主载入后可重新提交",
};

/** The tags of the document, each described, in alphabetical order. */
const TAGS = [
  { name: 'audit', description: 'Verification of the hash-chained audit trail / 审计记录核验' },
  { name: 'dashboard', description: 'Statistics and the notification queue / 统计与通知队列' },
  { name: 'documents', description: 'Enforcement documents: numbered, rendered, verified / 执法文书' },
  { name: 'evidence', description: 'Photos and documents, uploaded first and referenced by id / 证据文件' },
  { name: 'hazards', description: 'Hazards and the review-chain commands that move them / 隐患与审查链指令' },
  { name: 'inspections', description: 'Classify an inspection and report its hazards / 检查记录与隐患判定' },
  { name: 'meta', description: 'This document / 接口文档' },
  { name: 'packs', description: 'Checklist packs: what a form asks and how answers are judged / 检查表' },
  { name: 'permits', description: 'Hazardous-work permits: apply, approve, test, watch, close / 危险作业许可' },
  { name: 'queues', description: 'Work queues by role / 待办队列' },
  { name: 'relations', description: 'Premises and tenancies, the enterprise file, inspection rounds / 场所与租赁、企业档案、检查轮次' },
  { name: 'reports', description: 'Weekly analysis, monthly bulletin, quarterly assessment / 周研判、月通报、季度考核' },
];

/** Named schemas of the document besides the per-status problems (unreferenced ones are dropped). */
function namedSchemas(): Record<string, JsonSchema> {
  return {
    LocalizedText: LOCALIZED_TEXT,
    Issue: ISSUE,
    HazardSummary: HAZARD_SUMMARY,
    HazardState: HAZARD_STATE,
    AttachedEvidence: ATTACHED_EVIDENCE,
    EvidenceRecord: EVIDENCE_RECORD,
    StoredEvent: STORED_EVENT,
    ...eventComponents(),
    ...commandComponents(),
    ...coreComponents(),
  };
}

/** The problem of one status: {@link PROBLEM} with that status and its codes enumerated. */
function statusProblem(status: number, extra: ReadonlySet<string> = new Set()): JsonSchema {
  // `reason` is only ever set on a 403 (a refused command), `choices` on a 400 (a report scope to name).
  const { reason, choices, ...others } = PROBLEM.properties as Record<string, JsonSchema>;
  const properties = status === 403 ? { ...others, reason } : status === 400 ? { ...others, choices } : others;
  return {
    ...PROBLEM,
    title: `Problem ${status}`,
    // One schema per status, shared by every operation that documents the status: say so, so a client does not read
    // the enum as what one operation answers.
    description: `${STATUS_TEXT[status] ?? status} — application/problem+json (RFC 9457). \`code\` lists every code an operation of this API answers with status ${status}; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分`,
    properties: { ...properties, status: { const: status }, code: { enum: [...new Set([...problemCodes(status), ...extra])].sort() } },
  };
}

/** Every `#/components/schemas/…` name a value refers to. */
function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) into.add(v.slice('#/components/schemas/'.length));
      else refsIn(v, into);
    }
  }
  return into;
}

/** The components `root` needs, transitively. */
function reachable(root: unknown, all: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const kept: Record<string, JsonSchema> = {};
  const queue = [...refsIn(root, new Set())];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (Object.hasOwn(kept, name)) continue;
    const schema = all[name];
    if (!schema) throw new TypeError(`the document refers to an unknown schema ${name}`);
    kept[name] = schema;
    queue.push(...refsIn(schema, new Set()));
  }
  return Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((name) => [name, kept[name] as JsonSchema]),
  );
}

/**
 * The error statuses a route documents: its own, and every status the gate and the router can
 * answer for it ({@link gateProblems}: 400 on every route, 401 where an actor is needed, 413 on
 * a POST, 415 with a JSON body, 429 on an upload, 500 on every route). Sorted.
 */
export function documentedErrors(route: Pick<RouteSpec, 'errors' | 'method' | 'auth' | 'requestBody' | 'rawBody' | 'changesNothing'>): number[] {
  return [...new Set([...route.errors, ...Object.keys(gateProblems(route)).map(Number)])].sort((a, b) => a - b);
}

/**
 * The OpenAPI 3.1 document of a route table: one operation per route with its description
 * and examples, parameters, request and success schemas, and a problem response for each
 * documented error status whose `code` lists what that status may carry; a 401 also
 * declares its `WWW-Authenticate` header, with `authChallenge` as the example. Bodies are
 * typed to the leaf: core's published JSON Schemas (`pack.schema.json`,
 * `classification.schema.json`) become components, command bodies and events are one
 * schema per `type` with a discriminator, and only components some operation uses are
 * kept. The security schemes follow the challenge: one `http` scheme per auth-scheme it
 * names (`Bearer` → `{ type: 'http', scheme: 'bearer' }`, `Basic` → `basic`, `Digest` →
 * `digest`, …), the first named `host`, the others `host-<scheme>`, and the document's
 * `security` lists them as alternatives. Throws a `TypeError` when `authChallenge` is not
 * a challenge, as `createAnjianApi` does.
 */
export function buildOpenApi(routes: readonly RouteSpec[], basePath = '', authChallenge = DEFAULT_AUTH_CHALLENGE): Record<string, unknown> {
  const challengeHeader = {
    'WWW-Authenticate': { description: 'Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询', required: true, schema: { type: 'string' }, example: authChallenge },
  };
  const securitySchemes: Record<string, unknown> = {};
  for (const [i, { scheme, challenge }] of challengeSchemes(checkedChallenge(authChallenge)).entries()) {
    securitySchemes[i === 0 ? 'host' : `host-${scheme}`] = {
      type: 'http',
      scheme,
      description: `Host-defined: the host authenticates requests; a 401 challenges with \`${challenge}\` / 由宿主认证`,
    };
  }
  const problems: Record<string, JsonSchema> = {};
  const extraCodes = new Map<number, Set<string>>();
  // A route's own codes, and what the gate answers for it.
  for (const route of routes)
    for (const declared of [route.problemCodes ?? {}, gateProblems(route)])
      for (const [status, codes] of Object.entries(declared)) for (const c of codes) (extraCodes.get(Number(status)) ?? extraCodes.set(Number(status), new Set()).get(Number(status))!).add(c);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const examples = Object.hasOwn(OPERATION_EXAMPLES, route.operationId) ? OPERATION_EXAMPLES[route.operationId] : undefined;
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
      name,
      in: 'path',
      required: true,
      description: `${name} (${route.tags[0] ?? 'resource'}) / 路径参数`,
      schema: { type: 'string' },
      ...(examples?.parameters?.[name] === undefined ? {} : { example: examples.parameters[name] }),
    }));
    const binary = (types: readonly string[]) => Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));
    const json = (schema: JsonSchema, example: unknown) => ({ 'application/json': { schema, ...(example === undefined ? {} : { example }) } });
    const responses: Record<string, unknown> = {
      [route.response.status]: {
        description: route.response.description,
        // A route answering JSON among other types (a report as JSON, HTML or .xlsx) documents its JSON schema too.
        content: route.response.mediaTypes
          ? {
              ...(route.response.mediaTypes.includes('application/json') ? json(route.response.schema, examples?.response) : {}),
              ...binary(route.response.mediaTypes.filter((t) => t !== 'application/json')),
            }
          : json(route.response.schema, examples?.response),
      },
    };
    for (const status of documentedErrors(route)) {
      problems[`Problem${status}`] ??= statusProblem(status, extraCodes.get(status));
      responses[status] = {
        description: STATUS_TEXT[status] ?? String(status),
        ...(status === 401 ? { headers: challengeHeader } : {}),
        content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/Problem${status}` } } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      description: route.description,
      tags: route.tags,
      parameters: [...pathParams, ...(route.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, description: p.description, schema: p.schema }))],
      responses,
    };
    if (route.auth === 'none') operation.security = [];
    if (route.requestBody) operation.requestBody = { required: true, content: json(route.requestBody, examples?.request) };
    if (route.rawBody) operation.requestBody = { required: true, description: route.rawBody.description, content: binary(route.rawBody.mediaTypes) };
    (paths[basePath + route.path] ??= {})[route.method] = operation;
  }
  const schemas = reachable(paths, { ...namedSchemas(), ...problems });
  return {
    openapi: '3.1.0',
    info: {
      title: 'anjian HTTP API / 安检 HTTP 接口',
      version: '0.1.0',
      description:
        'Checklist packs, classification and the review chain over HTTP. Errors are application/problem+json with a stable `code`; human text follows Accept-Language (zh-CN default, en). / 检查表、隐患判定与审查链的 HTTP 接口。错误为 application/problem+json，带稳定的 code；文字随 Accept-Language（默认中文）。',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/', description: 'the host that serves this document (paths include the base path) / 提供本文档的服务' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: TAGS.filter((tag) => routes.some((route) => route.tags.includes(tag.name))),
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))), securitySchemes },
    security: Object.keys(securitySchemes).map((name) => ({ [name]: [] })),
  };
}
