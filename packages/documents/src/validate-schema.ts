import Ajv2020Import from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import templateSchema from '../schema/document-template.schema.json';
import overrideSchema from '../schema/document-override.schema.json';
import { documentIssue } from './issue.js';
import type { DocumentIssue, DocumentIssueCode, SourceMap } from './types.js';

type AjvClass = typeof Ajv2020Import;
// ajv is CommonJS; under Node ESM the default import is the module object.
const Ajv2020: AjvClass = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import) as AjvClass;

let validators: { template: ValidateFunction; override: ValidateFunction } | undefined;

function getValidators(): { template: ValidateFunction; override: ValidateFunction } {
  if (validators === undefined) {
    // The same options core's pack loader uses: strict, no $data, our own schemas only.
    const ajv = new Ajv2020({ strict: true, $data: false, allErrors: true, allowUnionTypes: true, validateFormats: false });
    validators = { template: ajv.compile(templateSchema as object), override: ajv.compile(overrideSchema as object) };
  }
  return validators;
}

function describe(error: ErrorObject): { 'zh-CN': string; en: string } {
  const where = error.instancePath || '/';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { 'zh-CN': `${where} 缺少必填项「${String(p.missingProperty)}」`, en: `${where} lacks the required key "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { 'zh-CN': `${where} 有未知的键「${String(p.additionalProperty)}」`, en: `${where} has an unknown key "${String(p.additionalProperty)}"` };
    case 'enum':
      return {
        'zh-CN': `${where} 的值不在允许范围内（可选：${(p.allowedValues as unknown[]).join('、')}）`,
        en: `${where} is not one of the allowed values (${(p.allowedValues as unknown[]).join(', ')})`,
      };
    case 'const':
      return { 'zh-CN': `${where} 必须是 ${JSON.stringify(p.allowedValue)}`, en: `${where} must be ${JSON.stringify(p.allowedValue)}` };
    case 'type':
      return { 'zh-CN': `${where} 的类型应为 ${String(p.type)}`, en: `${where} must be of type ${String(p.type)}` };
    case 'oneOf':
      return {
        'zh-CN': `${where} 不是可识别的正文块（text、table、wording、officers、signatures、issuer 之一）`,
        en: `${where} is not a known body block (one of text, table, wording, officers, signatures, issuer)`,
      };
    default:
      return { 'zh-CN': `${where} ${error.message ?? '不符合模式'}`, en: `${where} ${error.message ?? 'does not match the schema'}` };
  }
}

/**
 * Validate a parsed template or override against the package's published JSON Schema and
 * turn ajv's errors into located, bilingual issues (one per path).
 *
 * @internal
 */
export function validateAgainstSchema(which: 'template' | 'override', value: unknown, source: SourceMap): DocumentIssue[] {
  const validate = getValidators()[which];
  if (validate(value)) return [];
  const code: DocumentIssueCode = which === 'template' ? 'TEMPLATE_SCHEMA' : 'OVERRIDE_SCHEMA';
  const errors = validate.errors ?? [];
  // A failed oneOf explains a block better than each branch's complaints.
  const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const issues: DocumentIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors.slice(0, 200)) {
    if (error.keyword !== 'oneOf' && [...oneOfAt].some((p) => error.instancePath === p || error.instancePath.startsWith(p + '/'))) continue;
    const pointer = error.keyword === 'additionalProperties' ? `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty)}` : error.instancePath;
    const key = `${pointer}|${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(documentIssue(code, describe(error), source, pointer, { key: error.keyword === 'additionalProperties' }));
  }
  return issues;
}
