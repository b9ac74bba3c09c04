import type { ErrorObject } from 'ajv';
import { createIssue } from './create-issue.js';
import { describeLocation, splitTitle } from './describe-pointer.js';
import { didYouMean, didYouMeanHint } from './did-you-mean.js';
import type { IssueCode } from './issue-codes.js';
import { locatePointer } from './locate-pointer.js';
import { patternHint } from './pattern-hint.js';
import { deadlineHint, enumWordHint, typeHint } from './value-hints.js';
import type { ParsedFile } from './parse-yaml-file.js';
import type { Issue } from './types.js';
import { JSON_TYPE_EN, JSON_TYPE_ZH } from './json-type-words.js';
import { validatePackEntry, validatePackFragment } from './pack-validators.generated.js';

/** The `$id` of the pack schema. */
export const PACK_SCHEMA_ID = 'urn:anjian:schema:pack';

/**
 * The ajv options the loader's validators are generated with (docs/security.md T10): strict,
 * no `$data`, the schema is the SDK's own (never one from a pack). `allErrors` is on because
 * every file has already passed the size and depth caps. The validators are precompiled: Ajv's
 * standalone code for `schema/pack.schema.json` with these options, committed as
 * `pack-validators.generated.js` (`pnpm generate:pack-validators`; a test fails when it is not
 * current), so no process compiles the schema (about 240 ms of CPU) and nothing runs `new Function`.
 *
 * @internal
 */
export const AJV_OPTIONS = Object.freeze({
  strict: true,
  $data: false,
  allErrors: true,
  allowUnionTypes: true,
  verbose: true,
  validateFormats: false,
});

const VALIDATORS = { entry: validatePackEntry, fragment: validatePackFragment };

const LIMIT_KEYWORDS = new Set(['maxLength', 'minLength', 'maxItems', 'minItems', 'maximum', 'minimum', 'maxProperties', 'exclusiveMaximum', 'exclusiveMinimum']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Validate one parsed file against the pack schema (entry file or included fragment) and
 * turn ajv's errors into located, bilingual issues.
 *
 * @internal
 */
export function validatePackFile(parsed: ParsedFile, kind: 'entry' | 'fragment'): Issue[] {
  const validate = VALIDATORS[kind];
  if (validate(parsed.value)) return [];
  const errors = (validate.errors ?? []).slice(0, 500);
  // An anyOf that failed explains its value better than the errors of each branch.
  const anyOfAt = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const underAnyOf = (e: ErrorObject) => e.keyword !== 'anyOf' && anyOfAt.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
  // `typ: count` for `type: count` is one mistake: the unknown key (with its "did you mean") says it, not also the missing one
  const misspelt = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => `${e.instancePath}|${meantKey(e) ?? ''}`));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || underAnyOf(error)) continue;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}|${String((error.params as { missingProperty: string }).missingProperty)}`)) continue;
    if (error.params && 'propertyName' in error.params && error.keyword !== 'propertyNames') continue;
    const issue = toIssue(parsed, error, kind);
    const key = `${issue.code}|${issue.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= 100) break;
  }
  return issues;
}

/** The property an unknown one was meant to be: misspelt (`typ`), or written with a full-width colon (`zh-CN：报警器`). */
function meantKey(e: ErrorObject): string | undefined {
  const extra = String((e.params as { additionalProperty: string }).additionalProperty);
  const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  const wide = /^\s*([^：:\s]+)\s*：/.exec(extra)?.[1];
  if (wide !== undefined && known.includes(wide)) return wide;
  return didYouMean(extra, known);
}

function toIssue(parsed: ParsedFile, e: ErrorObject, kind: 'entry' | 'fragment'): Issue {
  const { file, doc, lineCounter } = parsed;
  const parent = (e.parentSchema ?? {}) as { title?: string; description?: string; properties?: Record<string, unknown> };
  const what = splitTitle(parent.title);
  let pointer = e.instancePath;
  let key = false;
  let code: IssueCode = 'SCHEMA_SHAPE';
  let zh: string;
  let en: string;
  let hint: { 'zh-CN': string; en: string } | undefined;
  const whatZh = what ? `“${what.zh}”` : '此处';
  const whatEn = what ? `the ${what.en.toLowerCase()}` : 'this value';

  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      code = missing === 'zh-CN' ? 'TEXT_MISSING_ZH_CN' : 'SCHEMA_REQUIRED';
      zh = `${whatZh}缺少必填项“${missing}”。`;
      en = `${whatEn} lacks the required property "${missing}".`;
      // what the missing property holds, from the format's own description of it
      const description = (parent.properties?.[missing] as { description?: unknown } | undefined)?.description;
      if (typeof description === 'string' && description.includes(' / ')) {
        hint = { 'zh-CN': `补上 ${missing}：${descriptionZh(description)}`, en: `Add ${missing}: ${descriptionEn(description)}` };
      }
      break;
    }
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      code = 'SCHEMA_UNKNOWN_PROPERTY';
      pointer = `${e.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      key = true;
      const known = Object.keys(parent.properties ?? {});
      zh = `${whatZh}中没有“${extra}”这一项。允许的项：${known.join('、')}。`;
      en = `${whatEn} has no property "${extra}". Allowed: ${known.join(', ')}.`;
      hint = fullWidthColonHint(extra, known) ?? didYouMeanHint(extra, known);
      if (!hint && known.includes('zh-CN')) {
        hint = {
          'zh-CN': '在 { zh-CN: …, en: … } 这样的写法里，含逗号的文字要用引号括起来，否则逗号后面的部分会被当成新的键。',
          en: 'Inside { zh-CN: …, en: … }, text that contains a comma must be quoted; otherwise what follows the comma is read as a new key.',
        };
      }
      break;
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type);
      code = 'SCHEMA_TYPE';
      const found = typeOf(e.data);
      const expectedZh = expected
        .split(',')
        .map((t) => JSON_TYPE_ZH[t] ?? t)
        .join('或');
      zh = `${whatZh}应为${expectedZh}，但这里是${JSON_TYPE_ZH[found] ?? found}。`;
      const expectedEn = expected
        .split(',')
        .map((t) => JSON_TYPE_EN[t] ?? t)
        .join(' or ');
      en = `${whatEn} must be ${expectedEn}, but found ${JSON_TYPE_EN[found] ?? found}.`;
      if (e.instancePath === '' && e.data === null) {
        // an empty file, or one with comments only
        zh = '文件是空的（或只有注释）。';
        en = 'the file is empty (or holds comments only).';
        hint =
          kind === 'entry'
            ? {
                'zh-CN':
                  'pack.yaml 以 format: anjian/pack@1 开头，接着写 id、version、domain、title、issuer、premises、regulations、facts（见编写指南第 3 节）；或用 anjian new pack <编号> 生成一个再修改。',
                en: 'A pack.yaml starts with format: anjian/pack@1, then id, version, domain, title, issuer, premises, regulations and facts (authoring guide §3); or run anjian new pack <id> and edit what it writes.',
              }
            : {
                'zh-CN': '被引入的文件里写 facts、conditions、sections 或 composites；若不再需要这个文件，从引入它的文件的 include 中删去。',
                en: 'An included file holds facts, conditions, sections or composites; if the file is not needed, remove it from the include list that names it.',
              };
      } else if (found === 'string' && (expected === 'boolean' || expected === 'number' || expected === 'integer')) {
        hint = typeHint(expected, String(e.data));
      } else if (expected === 'string' && (found === 'number' || found === 'boolean')) {
        hint = { 'zh-CN': `用引号括起来，例如 "${String(e.data)}"。`, en: `Put it in quotes, e.g. "${String(e.data)}".` };
      }
      break;
    }
    case 'enum':
    case 'const': {
      code = 'SCHEMA_ENUM';
      const allowed = e.keyword === 'enum' ? ((e.params as { allowedValues: unknown[] }).allowedValues ?? []) : [(e.params as { allowedValue: unknown }).allowedValue];
      const shown = allowed.map((v) => String(v));
      zh = `${whatZh}的值“${String(e.data).slice(0, 80)}”不被允许；允许的值：${shown.join('、')}。`;
      en = `${whatEn} is "${String(e.data).slice(0, 80)}", which is not allowed; allowed: ${shown.join(', ')}.`;
      if (typeof e.data === 'string') hint = enumWordHint(e.data, shown) ?? didYouMeanHint(e.data, shown);
      break;
    }
    case 'pattern': {
      code = 'SCHEMA_PATTERN';
      zh = `${whatZh}的值“${String(e.data).slice(0, 80)}”格式不对。${descriptionZh(parent.description)}`;
      en = `${whatEn} "${String(e.data).slice(0, 80)}" has the wrong format. ${descriptionEn(parent.description)}`;
      hint = patternHint(String((e.params as { pattern: string }).pattern), e.data, e.instancePath);
      break;
    }
    case 'propertyNames': {
      const name = String((e.params as { propertyName: string }).propertyName);
      code = 'SCHEMA_PATTERN';
      pointer = `${e.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      key = true;
      zh = `名称“${name.slice(0, 80)}”格式不对：只能用字母、数字、下划线、点和连字符，并以字母开头。`;
      en = `the name "${name.slice(0, 80)}" has the wrong format: use letters, digits, _, . and -, starting with a letter.`;
      break;
    }
    case 'anyOf': {
      code = 'SCHEMA_SHAPE';
      zh = `${whatZh}的写法不对。${descriptionZh(parent.description)}`;
      en = `${whatEn} is not written in a form the format accepts. ${descriptionEn(parent.description)}`;
      if (/\/deadlines?(\/(simple|general|major))?$/.test(e.instancePath)) hint = deadlineHint(e.data);
      break;
    }
    default: {
      if (LIMIT_KEYWORDS.has(e.keyword)) {
        code = 'SCHEMA_LIMIT';
        const limit = String((e.params as { limit?: unknown }).limit);
        zh = `${whatZh}超出限制（${e.keyword} ${limit}）。`;
        en = `${whatEn} exceeds a limit (${e.keyword} ${limit}).`;
      } else {
        zh = `${whatZh}不符合格式（${e.keyword}）：${e.message ?? ''}`;
        en = `${whatEn} does not match the format (${e.keyword}): ${e.message ?? ''}`;
      }
    }
  }
  const pos = locatePointer(doc, lineCounter, pointer, { key });
  const where = describeLocation(parsed.value, pointer);
  return createIssue(code, { file, line: pos.line, column: pos.column, pointer }, { 'zh-CN': `${where.zh}：${zh}`, en: `${where.en}: ${en}` }, hint ? { hint } : {});
}

/**
 * `zh-CN：报警器` as one key: inside `{ … }` a full-width colon (a Chinese input method's)
 * does not end the key, so the key and its text are read as one name. The hint names the
 * key it should be and the line to write.
 *
 * @internal
 */
export function fullWidthColonHint(extra: string, known: readonly string[]): { 'zh-CN': string; en: string } | undefined {
  const m = /^\s*([^：:\s]+)\s*：\s*(.*)$/.exec(extra);
  if (!m || !known.includes(m[1]!)) return undefined;
  const fixed = `${m[1]}: ${m[2]!.trim()}`.slice(0, 80);
  return {
    'zh-CN': `“${m[1]}”后面是全角冒号“：”（中文输入法），所以它和后面的文字被读成了一个键名；换成半角冒号加一个空格：${fixed}`,
    en: `"${m[1]}" is followed by a full-width colon "：" (typed by a Chinese input method), so it and the text after it are read as one key; use an ASCII colon and a space: ${fixed}`,
  };
}

function descriptionZh(description: string | undefined): string {
  return description?.split(' / ')[0] ?? '';
}

function descriptionEn(description: string | undefined): string {
  const parts = description?.split(' / ');
  return parts?.[1] ?? '';
}
