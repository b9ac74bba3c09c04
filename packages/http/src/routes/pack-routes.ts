import { quoteInput } from '@anjian/core/internal';
import packSchema from '@anjian/core/schema/pack.schema.json';
import type { Pack } from '@anjian/core';
import { coreRef } from '../core-schemas.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem } from '../problem.js';
import { LOCALIZED_TEXT } from '../schemas.js';
import type { JsonSchema, RouteSpec } from '../types.js';

const PACK_SUMMARY: JsonSchema = {
  type: 'object',
  required: ['id', 'version', 'domain', 'title', 'premises', 'facts', 'items'],
  properties: {
    id: { type: 'string' },
    version: { type: 'string' },
    domain: { type: 'string' },
    domainLabel: {
      ...LOCALIZED_TEXT,
      description:
        "the domain's name as the pack gives it (燃气 / Gas), shown for the domain in reports and screens; absent when the pack gives none / 检查表给出的领域名称（如 燃气），报表和界面按它显示领域；检查表未给出时省略",
    },
    title: LOCALIZED_TEXT,
    description: LOCALIZED_TEXT,
    premises: { type: 'array', items: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'string' }, label: LOCALIZED_TEXT, description: LOCALIZED_TEXT } } },
    facts: { type: 'integer', description: 'number of facts / 事实数' },
    items: { type: 'integer', description: 'number of checklist items / 检查项数' },
  },
};

function summary(pack: Pack): Record<string, unknown> {
  return {
    id: pack.id,
    version: pack.version,
    domain: pack.domain,
    ...(pack.domainLabel ? { domainLabel: pack.domainLabel } : {}),
    title: pack.title,
    ...(pack.description ? { description: pack.description } : {}),
    premises: pack.premises,
    facts: pack.facts.length,
    items: pack.sections.reduce((n, s) => n + s.items.length, 0),
  };
}

/** `GET /packs`, `GET /packs/{id}`, `GET /schema/pack`. */
export const PACK_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/packs',
    operationId: 'listPacks',
    summary: 'List the packs served / 列出检查表',
    description:
      "The packs this server serves, with their domain's name (when the pack gives one), premises and counts of facts and items; no authentication.\n\n本服务提供的检查表及其领域名称（检查表给出时）、场所类型、事实数与检查项数；无需认证。",
    tags: ['packs'],
    auth: 'none',
    response: { status: 200, description: 'packs / 检查表', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: PACK_SUMMARY } } } },
    errors: [],
    async handle({ options }) {
      return jsonResponse({ items: options.packs.map(summary) });
    },
  },
  {
    method: 'get',
    path: '/packs/{id}',
    operationId: 'getPack',
    summary: 'A pack as loaded: facts (types, units, ranges, options, required, when), sections, items, rules / 检查表全文（用于渲染表单）',
    description:
      "A pack as loaded (includes merged): facts with types, units, ranges, options, required and when; sections and items; hazard rules, conditions and composites — everything a form needs. The shape is core's pack.schema.json.\n\n已加载的检查表（已合并引用文件）：事实的类型、单位、范围、选项、必填与显示条件，分组与检查项，隐患规则与综合判定——渲染表单所需的全部内容。结构同 pack.schema.json。",
    tags: ['packs'],
    auth: 'none',
    response: {
      status: 200,
      description: 'the loaded pack (pack.schema.json shape, includes merged) / 已加载的检查表',
      schema: coreRef('Pack', 'packFile'),
    },
    errors: [404],
    async handle({ params, packs }) {
      const pack = packs.get(params.id ?? '');
      if (!pack) {
        throw new HttpProblem(
          404,
          'PACK_NOT_FOUND',
          { 'zh-CN': '未找到检查表', en: 'Pack not found' },
          { 'zh-CN': `没有检查表 ${quoteInput(params.id ?? '')}`, en: `no pack ${quoteInput(params.id ?? '')}` },
        );
      }
      return jsonResponse(pack);
    },
  },
  {
    method: 'get',
    path: '/schema/pack',
    operationId: 'getPackSchema',
    summary: 'JSON Schema of pack files / 检查表文件的 JSON Schema',
    description: 'The JSON Schema (2020-12) pack files are written against.\n\n检查表文件的 JSON Schema（2020-12）。',
    tags: ['packs'],
    auth: 'none',
    response: {
      status: 200,
      description: 'JSON Schema 2020-12',
      schema: {
        type: 'object',
        description: 'a JSON Schema document (its $defs describe every part of a pack) / JSON Schema 文档',
        required: ['$schema', '$id'],
        properties: { $schema: { const: 'https://json-schema.org/draft/2020-12/schema' }, $id: { type: 'string' } },
        additionalProperties: true,
      },
    },
    errors: [],
    async handle() {
      return jsonResponse(packSchema);
    },
  },
];
