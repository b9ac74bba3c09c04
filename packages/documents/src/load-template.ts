import { parseYamlSafe } from '@anjian/core/internal';
import { documentIssue } from './issue.js';
import { placeholdersOf, JURISDICTION_PLACEHOLDERS } from './placeholders.js';
import type { DocumentIssue, DocumentResult, DocumentTemplate, JurisdictionOverride, LoadedOverride, LoadedTemplate, SourceMap } from './types.js';
import { validateAgainstSchema } from './validate-schema.js';

function parse(text: string, file: string): DocumentResult<{ value: unknown; source: SourceMap }> {
  const parsed = parseYamlSafe(text, { file, maxFileSize: 256 * 1024 });
  if (!parsed.ok) {
    return {
      ok: false,
      issues: parsed.issues.map((i) => {
        const issue: DocumentIssue = { code: 'YAML_INVALID', severity: 'error', message: { 'zh-CN': i.message['zh-CN'] ?? i.message.en ?? '', en: i.message.en ?? i.message['zh-CN'] ?? '' } };
        if (i.file !== undefined) issue.file = i.file;
        if (i.line !== undefined) issue.line = i.line;
        if (i.column !== undefined) issue.column = i.column;
        if (i.pointer !== undefined) issue.pointer = i.pointer;
        return issue;
      }),
    };
  }
  return { ok: true, value: { value: parsed.value, source: { file, locate: parsed.locate } } };
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestScore) {
      bestScore = d;
      best = k;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

function unknownField(name: string, known: readonly string[], source: SourceMap, pointer: string): DocumentIssue {
  const hint = closest(name, known);
  return documentIssue(
    'TEMPLATE_UNKNOWN_FIELD',
    {
      'zh-CN': `引用了未定义的字段「${name}」${hint ? `（是否应为「${hint}」？）` : ''}；可用：${known.join('、')}`,
      en: `refers to an unknown field "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${known.join(', ')}`,
    },
    source,
    pointer,
  );
}

/** Every reference in a template resolves: placeholders, table rows, wording names. */
function checkReferences(template: DocumentTemplate, source: SourceMap): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const fields = Object.keys(template.fields);
  const names = [...fields, ...JURISDICTION_PLACEHOLDERS];
  const wording = template.wording ?? {};
  const checkText = (text: string, pointer: string) => {
    for (const name of placeholdersOf(text)) if (!names.includes(name)) issues.push(unknownField(name, names, source, pointer));
  };
  for (const [name, text] of Object.entries(wording)) checkText(text, `/wording/${name}`);
  template.body.forEach((block, i) => {
    if ('text' in block) checkText(block.text, `/body/${i}/text`);
    if ('table' in block)
      block.table.forEach((f, j) => {
        if (!fields.includes(f)) issues.push(unknownField(f, fields, source, `/body/${i}/table/${j}`));
      });
    if ('wording' in block && !(block.wording in wording)) {
      issues.push(
        documentIssue(
          'TEMPLATE_UNKNOWN_WORDING',
          {
            'zh-CN': `正文引用了未定义的固定文字「${block.wording}」；请在 wording 下定义它`,
            en: `the body names wording "${block.wording}" that the template does not define under wording`,
          },
          source,
          `/body/${i}/wording`,
        ),
      );
    }
  });
  if (template.enforcement && !template.body.some((b) => 'officers' in b)) {
    issues.push(
      documentIssue(
        'OFFICERS_REQUIRED',
        {
          'zh-CN': '执法文书的正文必须包含 officers 块（两名执法人员及其执法证号）',
          en: "an enforcement document's body must contain an officers block (two officers and their 执法证号)",
        },
        source,
        '/enforcement',
      ),
    );
  }
  return issues;
}

/**
 * Load a document template from YAML text: the safe YAML loader core uses for packs (size
 * and depth caps, no tags, aliases capped, no prototype keys), the published JSON Schema
 * (`@anjian/documents/schema/document-template.schema.json`), then every placeholder, table
 * row and wording name checked. Never throws; problems are located, bilingual issues.
 *
 * @example
 * ```ts
 * const loaded = loadTemplate(yamlText, 'rectification-order.yaml');
 * if (!loaded.ok) console.error(formatDocumentIssues(loaded.issues));
 * ```
 */
export function loadTemplate(text: string, file = 'template.yaml'): DocumentResult<LoadedTemplate> {
  const parsed = parse(text, file);
  if (!parsed.ok) return parsed;
  const { value, source } = parsed.value;
  const schemaIssues = validateAgainstSchema('template', value, source);
  if (schemaIssues.length > 0) return { ok: false, issues: schemaIssues };
  const template = value as DocumentTemplate;
  const issues = checkReferences(template, source);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { template, source } };
}

/**
 * Load a jurisdiction override from YAML text (same loader, its own published schema).
 */
export function loadOverride(text: string, file = 'override.yaml'): DocumentResult<LoadedOverride> {
  const parsed = parse(text, file);
  if (!parsed.ok) return parsed;
  const { value, source } = parsed.value;
  const issues = validateAgainstSchema('override', value, source);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { override: value as JurisdictionOverride, source } };
}
