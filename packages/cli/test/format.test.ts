import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportIssue, ValidationReport } from '../src/validate-packs.js';
import { codeFrame } from '../src/format/code-frame.js';
import { FORMATTERS } from '../src/format/formatters.js';
import type { FormatOptions } from '../src/format/format-options.js';
import { escapeData, escapeProperty } from '../src/format/github.js';
import { xmlEscape } from '../src/format/xml-escape.js';
import { copyDemoPack, runCli } from './run-cli.js';
import { xmlProblem } from './xml-well-formed.js';

const source = ['format: anjian/pack@1', 'id: x', 'facts:', '  - id: 报警器', '    type: bool', 'tail: 1'].join('\n');

const issue = (over: Partial<ReportIssue>): ReportIssue => ({
  code: 'SCHEMA_ENUM',
  severity: 'error',
  message: { 'zh-CN': 'type 不是允许的取值', en: 'type is not an allowed value' },
  file: 'p/pack.yaml',
  line: 5,
  column: 11,
  pointer: '/facts/0/type',
  hint: { 'zh-CN': '从允许的取值中选择一个。', en: 'Pick one of the allowed values.' },
  docs: 'https://github.com/anjian-sdk/anjian/blob/main/docs/issue-codes.md#schema_enum',
  pack: 'p',
  ...over,
});

function report(issues: ReportIssue[], extraPacks: ValidationReport['packs'] = []): ValidationReport {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    packs: [{ path: 'p', id: errors ? null : 'x', version: errors ? null : '1.0.0', ok: errors === 0, issues }, ...extraPacks],
    issues,
    summary: {
      errors,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      infos: issues.filter((i) => i.severity === 'info').length,
    },
  };
}

const options = (over: Partial<FormatOptions> = {}): FormatOptions => ({
  lang: 'en',
  version: '9.9.9',
  quiet: false,
  colors: false,
  maxWarnings: undefined,
  readSource: (file) => (file === 'p/pack.yaml' ? source : undefined),
  ...over,
});

const warning = issue({ code: 'TEXT_MISSING_EN', severity: 'warning', line: 4, column: 11, message: { 'zh-CN': '缺少英文', en: 'English missing' } });

describe('codeFrame', () => {
  it('shows the lines around the position with a caret under the column', () => {
    expect(codeFrame(source.split('\n'), 5, 11)).toBe(['  3 | facts:', '  4 |   - id: 报警器', '> 5 |     type: bool', '    |           ^', '  6 | tail: 1'].join('\n'));
  });
  it('counts CJK characters as two columns for the caret', () => {
    const frame = codeFrame(['名称: 报警器x'], 1, 8);
    // "名称: 报警器" is 2+2+2 + 2+2+2 = 12 columns wide before "x".
    expect(frame.split('\n')[1]).toBe(`    | ${' '.repeat(12)}^`);
  });
  it('cuts long lines around the column and neutralises control characters', () => {
    const long = 'a'.repeat(5000) + 'X' + '\u001b[31m' + 'b'.repeat(5000);
    const lines = codeFrame([long], 1, 5001, { maxWidth: 40 }).split('\n');
    expect(lines[0]!.length).toBeLessThan(60);
    expect(lines[0]).toContain('X?[31m');
    expect(lines[0]).not.toContain('\u001b');
    const caret = lines[1]!.indexOf('^');
    expect(lines[0]![caret]).toBe('X');
  });
  it('is empty for a line outside the file', () => {
    expect(codeFrame(['a'], 3, 1)).toBe('');
    expect(codeFrame(['a'], 0, 1)).toBe('');
  });
});

describe('pretty', () => {
  it('prints location, severity, code, message, frame, hint, docs and a summary', () => {
    const out = FORMATTERS.pretty!(report([issue({})]), options());
    expect(out).toContain('p/pack.yaml:5:11  error  SCHEMA_ENUM  type is not an allowed value');
    expect(out).toContain('> 5 |     type: bool');
    expect(out).toContain('hint: Pick one of the allowed values.');
    expect(out).toContain('docs: https://github.com/anjian-sdk/anjian/blob/main/docs/issue-codes.md#schema_enum');
    expect(out).toMatch(/1 pack checked: 0 passed, 1 with errors; 1 error, 0 warnings/);
  });
  it('speaks Chinese with --lang zh-CN', () => {
    const out = FORMATTERS.pretty!(report([issue({})]), options({ lang: 'zh-CN' }));
    expect(out).toContain('p/pack.yaml:5:11  错误  SCHEMA_ENUM  type 不是允许的取值');
    expect(out).toContain('提示：从允许的取值中选择一个。');
    expect(out).toContain('检查了 1 个检查表');
  });
  it('--quiet hides warnings but says how many', () => {
    const out = FORMATTERS.pretty!(report([issue({}), warning]), options({ quiet: true }));
    expect(out).not.toContain('TEXT_MISSING_EN');
    expect(out).toContain('(1 warning hidden by --quiet)');
  });
  it('reports warnings over --max-warnings', () => {
    const out = FORMATTERS.pretty!(report([warning]), options({ maxWarnings: 0 }));
    expect(out).toContain('1 warning exceeds --max-warnings 0');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^✖/);
  });
  it('colours only when asked', () => {
    expect(FORMATTERS.pretty!(report([issue({})]), options())).not.toContain('\u001b[');
    expect(FORMATTERS.pretty!(report([issue({})]), options({ colors: true }))).toContain('\u001b[31m');
  });
});

describe('json', () => {
  it('is one document with tool, version, packs, issues (both languages) and summary', () => {
    const doc = JSON.parse(FORMATTERS.json!(report([issue({}), warning]), options()));
    expect(doc).toMatchObject({ tool: 'anjian', version: '9.9.9', packs: [{ path: 'p', id: null, version: null, ok: false }], summary: { errors: 1, warnings: 1 } });
    expect(doc.issues).toHaveLength(2);
    expect(doc.issues[0].message).toEqual({ 'zh-CN': 'type 不是允许的取值', en: 'type is not an allowed value' });
    expect(doc.issues[0]).toMatchObject({ file: 'p/pack.yaml', line: 5, column: 11, pointer: '/facts/0/type', pack: 'p' });
  });
  it('--quiet keeps errors only in issues, the summary counts all', () => {
    const doc = JSON.parse(FORMATTERS.json!(report([issue({}), warning]), options({ quiet: true })));
    expect(doc.issues.map((i: ReportIssue) => i.code)).toEqual(['SCHEMA_ENUM']);
    expect(doc.summary.warnings).toBe(1);
  });
});

describe('junit', () => {
  it('is well-formed XML with one testcase per pack, failed packs carrying <failure>', () => {
    const clean = { path: 'q', id: 'q', version: '1.0.0', ok: true, issues: [] };
    const xml = FORMATTERS.junit!(report([issue({ message: { 'zh-CN': '<&>"\'', en: 'bad <tag> & "quote" \u0001 ctrl' } }), warning], [clean]), options());
    expect(xmlProblem(xml)).toBeNull();
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml).toContain('<failure type="SCHEMA_ENUM"');
    expect(xml).toContain('bad &lt;tag&gt; &amp; &quot;quote&quot;  ctrl');
    expect(xml).toContain('<system-out>');
    expect(xml).toContain('<testcase classname="anjian.validate" name="q (q@1.0.0)" file="q"/>');
  });
  it('the well-formedness check catches broken XML (so the test above can fail)', () => {
    expect(xmlProblem('<a><b></a>')).not.toBeNull();
    expect(xmlProblem('<a x="1" x="2"/>')).not.toBeNull();
    expect(xmlProblem('<a>&nope;</a>')).not.toBeNull();
    expect(xmlProblem('<a>1 < 2</a>')).not.toBeNull();
    expect(xmlProblem('<a/><b/>')).not.toBeNull();
    expect(xmlProblem('<a t="&lt;&#10;&#x1F;"/>')).toBeNull();
  });
  it('xmlEscape drops characters XML cannot carry and keeps astral ones', () => {
    expect(xmlEscape('a\u0000b\uffffc\ud800d😀')).toBe('abcd😀');
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with rules from the issue codes and located results', () => {
    const doc = JSON.parse(FORMATTERS.sarif!(report([issue({}), warning, issue({ severity: 'info', code: 'CITATION_SUPERSEDED', line: undefined, column: undefined })]), options()));
    expect(doc.version).toBe('2.1.0');
    const run = doc.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'anjian', version: '9.9.9' });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('SCHEMA_ENUM');
    expect(ids).toContain('NESTING_TOO_DEEP');
    expect(new Set(ids).size).toBe(ids.length);
    const [first, second, third] = run.results;
    expect(first).toMatchObject({ ruleId: 'SCHEMA_ENUM', level: 'error' });
    expect(ids[first.ruleIndex]).toBe('SCHEMA_ENUM');
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'p/pack.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 11 } });
    expect(first.properties).toMatchObject({ pointer: '/facts/0/type', 'message-zh-CN': 'type 不是允许的取值' });
    expect(second.level).toBe('warning');
    expect(third.level).toBe('note');
    expect(third.locations[0].physicalLocation.region).toBeUndefined();
  });
});

describe('github', () => {
  it('prints one workflow command per issue with escaped properties and data', () => {
    const out = FORMATTERS.github!(report([issue({ file: 'a,b:c/pack.yaml', message: { 'zh-CN': 'x', en: '100% bad\nnext' } }), warning]), options());
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('::error file=a%2Cb%3Ac/pack.yaml,line=5,col=11,title=SCHEMA_ENUM::100%25 bad%0Anext (Pick one of the allowed values.)');
    expect(lines[1]).toMatch(/^::warning file=p\/pack.yaml,line=4,col=11,title=TEXT_MISSING_EN::/);
    expect(escapeData('a\r\n%')).toBe('a%0D%0A%25');
    expect(escapeProperty('x:y,z')).toBe('x%3Ay%2Cz');
  });
  it('prints nothing for a clean report', () => {
    expect(FORMATTERS.github!(report([]), options())).toBe('');
  });
});

describe('anjian validate speaks one language', () => {
  it('a pack broken on purpose (a value with a unit, an undeclared asked fact, an English text missing): every line under zh-CN is Chinese, and the words of the CLI under en are English', async () => {
    const dir = copyDemoPack();
    const sections = join(dir, 'sections', 'equipment.yaml');
    writeFileSync(
      sections,
      readFileSync(sections, 'utf8')
        .replace('{ fact: hose_length_m, operator: greaterThan, value: 2 }', '{ fact: hose_length_m, operator: greaterThan, value: "2米" }')
        .replace('asks: [cylinders_on_site]', 'asks: [cylinders_on_site, cylinder_count]')
        .replace('title: { zh-CN: 连接软管, en: Connecting hose }', 'title: { zh-CN: 连接软管 }'),
    );
    const zh = await runCli(['validate', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    for (const code of ['VALUE_TYPE', 'UNKNOWN_FACT', 'TEXT_MISSING_EN']) expect(zh.out).toContain(`  ${code}  `);
    const words = (line: string) =>
      line
        .replace(/https?:\S+/g, '')
        .replace(/--[a-z-]+/g, '')
        .replace(/\S+\.ya?ml(:\d+:\d+)?/g, '');
    for (const line of zh.out.split('\n').filter((l) => !/^\s*>?\s*\d* \|/.test(l))) {
      expect(words(line), line).not.toMatch(/\b(error|warning|info|hint|docs|packs?|checked|passed|with errors|errors|warnings)\b/i);
    }
    const en = await runCli(['validate', dir], { cwd: dir });
    const own = en.out.split('\n').filter((l) => /^\S+:\d+:\d+ {2}|^ {2}(hint|docs): |^[✔✖] /.test(l));
    expect(own.length).toBeGreaterThan(6);
    for (const line of own) expect(line.replace(/"[^"]*"/g, ''), line).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
  });
});
