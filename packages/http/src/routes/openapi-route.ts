import { jsonResponse } from '../json-response.js';
import type { RouteSpec } from '../types.js';

/** `GET /openapi.json`: the OpenAPI 3.1 document generated from the route table. */
export const OPENAPI_ROUTE: RouteSpec = {
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This API as OpenAPI 3.1 / 本接口的 OpenAPI 3.1 文档',
  description: 'This document, generated from the route table; no authentication.\n\n由路由表生成的本文档；无需认证。',
  tags: ['meta'],
  auth: 'none',
  response: {
    status: 200,
    description: 'OpenAPI 3.1 document',
    schema: {
      type: 'object',
      description: 'an OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0) / OpenAPI 3.1 文档',
      required: ['openapi', 'info', 'paths', 'components'],
      properties: {
        openapi: { const: '3.1.0' },
        info: { type: 'object', required: ['title', 'version'], properties: { title: { type: 'string' }, version: { type: 'string' } }, additionalProperties: true },
        paths: { type: 'object', description: 'Path Item Objects by path / 路径', additionalProperties: { type: 'object', description: 'a Path Item Object' } },
        components: { type: 'object', description: 'schemas and security schemes / 组件', additionalProperties: { type: 'object', description: 'components of one kind, by name' } },
      },
      additionalProperties: true,
    },
  },
  errors: [],
  async handle({ openapi }) {
    return jsonResponse(openapi);
  },
};
