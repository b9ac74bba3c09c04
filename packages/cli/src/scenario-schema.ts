import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Issue } from '@anjian/core';
import { describeLocation, didYouMean, enumWordHint, ISSUE_CODES, issueDocsUrl, JSON_TYPE_EN, JSON_TYPE_ZH, typeHint, type IssueCode } from '@anjian/core/internal';

/** What the CLI uses of an ajv error (ajv's own `ErrorObject`, `verbose: true`). */
interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: { title?: string; properties?: Record<string, unknown> };
}

type Validate = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

let validator: Validate | undefined;

/**
 * The compiled scenario schema. ajv is taken from the installed `@anjian/core` (it is that
 * package's dependency and validates packs there), so the CLI adds no second copy; the
 * options are the loader's (strict, no `$data`, all errors).
 */
function scenarioValidator(): Validate {
  if (validator === undefined) {
    const fromCli = createRequire(import.meta.url);
    const fromCore = createRequire(fromCli.resolve('@anjian/core/package.json'));
    const ajvModule = fromCore('ajv/dist/2020.js') as { default?: unknown };
    const Ajv2020 = (ajvModule.default ?? ajvModule) as new (options: object) => { compile(schema: object): Validate };
    const schema = JSON.parse(readFileSync(fromCli.resolve('@anjian/core/schema/scenario.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ strict: true, $data: false, allErrors: true, allowUnionTypes: true, verbose: true, validateFormats: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

const LIMITS = new Set(['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minimum', 'maximum']);

/**
 * Check a parsed scenario file against `@anjian/core/schema/scenario.schema.json` and turn
 * ajv's errors into located, bilingual issues (the loader's codes: `SCHEMA_REQUIRED`,
 * `SCHEMA_UNKNOWN_PROPERTY`, `SCHEMA_TYPE`, `SCHEMA_ENUM`, `SCHEMA_LIMIT`, `SCHEMA_SHAPE`),
 * at most 50. `locate` maps a JSON pointer to a position (`key: true` for the key).
 *
 * @example
 * ```ts
 * const parsed = parseYamlSafe(text, { file });
 * if (parsed.ok) issues.push(...scenarioSchemaIssues(parsed.value, file, parsed.locate));
 * ```
 */
export function scenarioSchemaIssues(value: unknown, file: string, locate: (pointer: string, options?: { key?: boolean }) => { line: number; column: number }): Issue[] {
  const validate = scenarioValidator();
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).slice(0, 500);
  // An anyOf that failed explains its value better than the errors of each branch.
  const anyOfAt = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  // "expected:" for "expect:" is one mistake: the unknown key (with its "did you mean") says it, not also the missing one
  const misspelt = new Set(
    errors.filter((e) => e.keyword === 'additionalProperties').map((e) => `${e.instancePath}|${didYouMean(String(e.params.additionalProperty), Object.keys(e.parentSchema?.properties ?? {})) ?? ''}`),
  );
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfAt.some((p) => error.instancePath === p || error.instancePath.startsWith(p + '/'))) continue;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}|${String(error.params.missingProperty)}`)) continue;
    const issue = toIssue(error, value, file, locate);
    const key = `${issue.code}|${issue.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= 50) break;
  }
  return issues;
}

/** A scenario file names its entries: the scenarios, by name. */
const SCENARIO_ENTRY_NAMES = { scenarios: { zh: '场景', en: 'scenario', by: 'name' } };

function toIssue(e: AjvError, value: unknown, file: string, locate: (pointer: string, options?: { key?: boolean }) => { line: number; column: number }): Issue {
  const [titleEn, titleZh] = (e.parentSchema?.title ?? '').split(' / ');
  const what = { zh: titleZh ? `“${titleZh}”` : '此处', en: titleEn ? `the ${titleEn.toLowerCase()}` : 'this value' };
  let pointer = e.instancePath;
  let key = false;
  let code: IssueCode = 'SCHEMA_SHAPE';
  let zh: string;
  let en: string;
  let hint: { 'zh-CN': string; en: string } | undefined;
  const shown = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params.missingProperty);
      code = 'SCHEMA_REQUIRED';
      zh = `${what.zh}缺少必填项“${missing}”`;
      en = `${what.en} lacks the required property "${missing}"`;
      // what the missing property holds, from the scenario format's description of it ("English / 中文")
      const description = (e.parentSchema?.properties?.[missing] as { description?: unknown } | undefined)?.description;
      const [holdsEn, holdsZh] = typeof description === 'string' ? description.split(' / ') : [];
      if (holdsEn && holdsZh) hint = { 'zh-CN': `补上 ${missing}：${holdsZh}`, en: `Add ${missing}: ${holdsEn}` };
      break;
    }
    case 'additionalProperties': {
      const extra = String(e.params.additionalProperty);
      code = 'SCHEMA_UNKNOWN_PROPERTY';
      pointer = `${e.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      key = true;
      const known = Object.keys(e.parentSchema?.properties ?? {});
      zh = `${what.zh}中没有“${extra}”这一项（允许：${known.join('、')}）`;
      en = `${what.en} has no property "${extra}" (allowed: ${known.join(', ')})`;
      const near = didYouMean(extra, known);
      if (near) hint = { 'zh-CN': `是不是“${near}”？`, en: `did you mean "${near}"?` };
      break;
    }
    case 'type': {
      code = 'SCHEMA_TYPE';
      const types = String(e.params.type).split(',');
      zh = `${what.zh}应为${types.map((t) => JSON_TYPE_ZH[t] ?? t).join('或')}，但这里是 ${shown(e.data)}`;
      en = `${what.en} must be ${types.map((t) => JSON_TYPE_EN[t] ?? t).join(' or ')}; got ${shown(e.data)}`;
      if (e.instancePath === '' && e.data === null) {
        zh = '文件是空的（或只有注释）';
        en = 'the file is empty (or holds comments only)';
        hint = {
          'zh-CN': '场景文件以 pack: <检查表编号> 开头，接着是 scenarios: 列表（见编写指南第 13 节）；不需要的文件请删除。',
          en: 'A scenario file starts with pack: <pack id>, then a scenarios: list (authoring guide §13); delete the file if it is not needed.',
        };
      } else if (typeof e.data === 'string') {
        // 否 for a yes/no, "3" or 3米 for a number: core's hint (and its one table of yes/no words)
        const expected = ['boolean', 'integer', 'number'].find((t) => types.includes(t));
        if (expected !== undefined) hint = typeHint(expected, e.data);
      }
      break;
    }
    case 'enum': {
      code = 'SCHEMA_ENUM';
      const allowed = ((e.params.allowedValues as unknown[] | undefined) ?? []).map(String);
      zh = `${what.zh}的值 ${shown(e.data)} 不被允许（可选：${allowed.join('、')}）`;
      en = `${what.en} is ${shown(e.data)}, which is not allowed (one of: ${allowed.join(', ')})`;
      const near = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      hint = enumWordHint(e.data, allowed) ?? (near ? { 'zh-CN': `是不是“${near}”？`, en: `did you mean "${near}"?` } : undefined);
      break;
    }
    default:
      if (LIMITS.has(e.keyword)) {
        code = 'SCHEMA_LIMIT';
        zh = `${what.zh}超出限制（${e.keyword} ${String(e.params.limit)}）`;
        en = `${what.en} exceeds a limit (${e.keyword} ${String(e.params.limit)})`;
      } else {
        zh = `${what.zh}的写法不符合场景文件格式（${e.keyword}）`;
        en = `${what.en} does not match the scenario file format (${e.keyword}: ${e.message ?? ''})`;
      }
  }
  const at = locate(pointer, { key });
  // scenarios by their name, not by 0-based positions
  const where = describeLocation(value, pointer, SCENARIO_ENTRY_NAMES);
  return {
    code,
    severity: 'error',
    message: { 'zh-CN': `${where.zh}：${zh}`, en: `${where.en}: ${en}` },
    file,
    line: at.line,
    column: at.column,
    pointer,
    hint: hint ?? { ...ISSUE_CODES[code].fix },
    docs: issueDocsUrl(code),
  };
}
