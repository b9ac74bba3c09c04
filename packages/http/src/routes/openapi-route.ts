import { jsonResponse } from '../json-response.js';
import type { RouteSpec } from '../types.js';

/** `GET /openapi.json`: the OpenAPI 3.1 document generated from the route table. */
export const OPENAPI_ROUTE: RouteSpec = {
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This API as OpenAPI 3.1 / 本接口的 OpenAPI 3.1 文档',
  tags: ['meta'],
  auth: 'none',
  response: { status: 200, description: 'OpenAPI 3.1 document', schema: { type: 'object', required: ['openapi', 'paths'], properties: { openapi: { const: '3.1.0' }, paths: { type: 'object' } } } },
  errors: [],
  async handle({ openapi }) {
    return jsonResponse(openapi);
  },
};
