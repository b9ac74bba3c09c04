import type { IssueSeverity } from '@anjian/core';
import { docsUrl, ISSUE_CODES, issueDocsUrl, type IssueCode } from '@anjian/core/internal';
import { localize } from '../lang.js';
import { visibleIssues, type Formatter } from './format-options.js';

const LEVEL: Record<IssueSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 (code scanning): one run; `tool.driver.rules` lists every issue code of the
 * loader (id, bilingual title and fix, docs link, default level); each issue is a result
 * with its file, line and column. The message is in the chosen language, the other one in
 * `properties`.
 *
 * @example
 * ```json
 * { "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": "anjian", "rules": [ … ] } }, "results": [ … ] }] }
 * ```
 */
export const formatSarif: Formatter = (report, options) => {
  const { lang } = options;
  const ruleIds = Object.keys(ISSUE_CODES) as string[];
  const issues = visibleIssues(report.issues, options.quiet);
  for (const issue of issues) if (!ruleIds.includes(issue.code)) ruleIds.push(issue.code);
  const rules = ruleIds.map((id) => {
    const spec = (ISSUE_CODES as Record<string, (typeof ISSUE_CODES)[IssueCode] | undefined>)[id];
    return {
      id,
      name: id
        .toLowerCase()
        .replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
        .replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: spec ? localize(spec.title, lang) : id },
      ...(spec ? { help: { text: localize(spec.fix, lang) }, helpUri: issueDocsUrl(id as IssueCode) } : {}),
      defaultConfiguration: { level: LEVEL[spec?.severity ?? 'error'] },
      properties: spec ? { 'title-zh-CN': spec.title['zh-CN'], 'title-en': spec.title.en } : {},
    };
  });
  const results = issues.map((issue) => {
    const region = issue.line !== undefined && issue.line >= 1 ? { region: { startLine: issue.line, ...(issue.column !== undefined && issue.column >= 1 ? { startColumn: issue.column } : {}) } } : {};
    const hint = localize(issue.hint, lang);
    return {
      ruleId: issue.code,
      ruleIndex: ruleIds.indexOf(issue.code),
      level: LEVEL[issue.severity],
      message: { text: localize(issue.message, lang) + (hint ? ` (${hint})` : '') },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUri(issue.file ?? issue.pack), uriBaseId: '%SRCROOT%' },
            ...region,
          },
        },
      ],
      properties: {
        pack: issue.pack,
        ...(issue.pointer !== undefined ? { pointer: issue.pointer } : {}),
        'message-zh-CN': issue.message['zh-CN'],
        'message-en': issue.message.en,
      },
    };
  });
  const document = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'anjian',
            version: options.version,
            informationUri: docsUrl('cli.md'),
            rules,
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(document, null, 2) + '\n';
};

/** A relative path as a URI reference: each segment percent-encoded. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
