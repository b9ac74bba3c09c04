import { authChallenge as checkedChallenge, DEFAULT_AUTH_CHALLENGE } from './auth-challenge.js';
import { challengeSchemes } from './challenge-schemes.js';
import { PROBLEM } from './schemas.js';
import type { RouteSpec } from './types.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request: malformed body, parameter or header / 请求无效',
  401: 'Not authenticated / 未认证',
  403: 'Forbidden by the permission table or unknown actor / 无权操作',
  404: 'Not found / 未找到',
  409: 'Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突',
  412: 'Stale If-Match version (code CONFLICT) / 版本已变化',
  405: 'Method not allowed on this path (header Allow) / 不支持的请求方法',
  413: 'Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming / 请求体过大',
  415: 'Content-Type is not an accepted media type / 不支持的文件类型',
  422: 'Rule violation or invalid data, with issues / 数据或规则错误',
};

/**
 * The OpenAPI 3.1 document of a route table: one operation per route, its parameters,
 * request and success schemas, and a problem response for each documented error status;
 * a 401 also declares its `WWW-Authenticate` header, with `authChallenge` as the example.
 * The security schemes follow the same challenge: one `http` scheme per auth-scheme it
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
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const binary = (types: readonly string[]) => Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));
    const responses: Record<string, unknown> = {
      [route.response.status]: {
        description: route.response.description,
        content: route.response.mediaTypes ? binary(route.response.mediaTypes) : { 'application/json': { schema: route.response.schema } },
      },
    };
    for (const status of route.errors) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? String(status),
        ...(status === 401 ? { headers: challengeHeader } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      parameters: [...pathParams, ...(route.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, description: p.description, schema: p.schema }))],
      responses,
    };
    if (route.auth === 'none') operation.security = [];
    if (route.requestBody) operation.requestBody = { required: true, content: { 'application/json': { schema: route.requestBody } } };
    if (route.rawBody) operation.requestBody = { required: true, description: route.rawBody.description, content: binary(route.rawBody.mediaTypes) };
    (paths[basePath + route.path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'anjian HTTP API / 安检 HTTP 接口',
      version: '0.1.0',
      description: 'Checklist packs, classification and the review chain over HTTP. Errors are application/problem+json; text follows Accept-Language (zh-CN default).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: PROBLEM },
      securitySchemes,
    },
    security: Object.keys(securitySchemes).map((name) => ({ [name]: [] })),
  };
}
