/**
 * Every YAML example in the authoring guides is checked here, so the docs cannot drift
 * from the format. Each fenced ```yaml block is one of:
 *
 * - a complete pack (it has `format: anjian/pack@1`, marker `# example: pack`): loaded with
 *   `loadPack` together with the `# example: file <path>` blocks that follow it; it must
 *   load with no error, and with exactly the warnings/info named by
 *   `# example: pack (expect CODE, CODE)`;
 * - `# example: file <path>`: a file of the pack above (included from it);
 * - `# example: invalid <CODE>`: a complete pack that must fail with that code;
 * - `# example: fragment <def>`: a piece checked against `$defs/<def>` of the pack schema;
 * - `# example: scenario`: a scenario file, checked against the scenario schema and run
 *   against the last pack example with `runScenarios` (it must pass);
 * - `# example: skip <reason>`: not checked, for the stated reason.
 *
 * A block without a marker that is not a complete pack fails the test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compilePack, loadPack, runScenarios, type Pack, type ScenarioFile } from '@anjian/core';
import { OPERATOR_CATALOGUE } from '@anjian/core/internal';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './fixtures.js';

const DOCS = ['docs/authoring-packs.zh-CN.md', 'docs/authoring-packs.en.md'];

interface Block {
  kind: 'pack' | 'file' | 'invalid' | 'fragment' | 'scenario' | 'skip' | 'unmarked';
  arg: string;
  text: string;
  line: number;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const text = lines.slice(start, end).join('\n') + '\n';
    const marker = /^# example: (pack|file|invalid|fragment|scenario|skip)\b ?(.*)$/m.exec(text);
    const kind = marker ? (marker[1] as Block['kind']) : /^format: anjian\/pack@1\s*$/m.test(text) ? 'pack' : 'unmarked';
    out.push({ kind, arg: (marker?.[2] ?? '').trim(), text, line: start + 1 });
    i = end;
  }
  return out;
}

const requireFromCore = createRequire(join(REPO, 'packages', 'core', 'package.json'));
const Ajv2020 = requireFromCore('ajv/dist/2020').default as new (o: object) => {
  addSchema(s: object): void;
  getSchema(ref: string): (((v: unknown) => boolean) & { errors?: unknown }) | undefined;
};
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const packSchema = JSON.parse(readFileSync(join(REPO, 'packages/core/schema/pack.schema.json'), 'utf8')) as { $id: string };
const scenarioSchema = JSON.parse(readFileSync(join(REPO, 'packages/core/schema/scenario.schema.json'), 'utf8')) as { $id: string };
ajv.addSchema(packSchema);
ajv.addSchema(scenarioSchema);

const issuesText = (issues: { code: string; severity: string; file?: string; line?: number; message: { en: string } }[]) =>
  issues.map((i) => `${i.file}:${i.line} ${i.severity} ${i.code} ${i.message.en}`).join('\n');

for (const doc of DOCS) {
  describe(doc, () => {
    const all = blocks(readFileSync(join(REPO, doc), 'utf8'));
    const packs: Pack[] = [];

    it('has YAML examples, every one of them classified', () => {
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter((b) => b.kind === 'unmarked').map((b) => `line ${b.line}`)).toEqual([]);
    });

    all.forEach((block, index) => {
      const name = `line ${block.line}: ${block.kind} ${block.arg}`.trim();
      switch (block.kind) {
        case 'pack':
          it(`${name} loads`, () => {
            const files: Record<string, string> = { 'pack.yaml': block.text };
            for (const next of all.slice(index + 1)) {
              if (next.kind === 'pack' || next.kind === 'invalid') break;
              if (next.kind === 'file') files[next.arg] = next.text;
            }
            const result = loadPack({ files });
            expect(result.ok, issuesText(result.issues)).toBe(true);
            const expected = /^\(expect (.+)\)$/.exec(block.arg)?.[1]?.split(/,\s*/).sort() ?? [];
            expect([...new Set(result.issues.map((i) => i.code))].sort(), issuesText(result.issues)).toEqual(expected);
            if (result.ok) packs.push(result.pack);
          });
          break;
        case 'invalid':
          it(`${name} fails with ${block.arg}`, () => {
            const result = loadPack({ files: { 'pack.yaml': block.text } });
            expect(result.ok).toBe(false);
            const found = result.issues.find((i) => i.code === block.arg);
            expect(found, issuesText(result.issues)).toBeDefined();
            expect(found?.line).toBeGreaterThan(0);
          });
          break;
        case 'file':
          it(`${name} belongs to a pack example above`, () => {
            const owner = all
              .slice(0, index)
              .reverse()
              .find((b) => b.kind === 'pack');
            expect(owner, 'a file example needs a pack example before it').toBeDefined();
          });
          break;
        case 'fragment':
          it(`${name} matches the schema`, () => {
            const validate = ajv.getSchema(`${packSchema.$id}#/$defs/${block.arg}`);
            expect(validate, `no $defs/${block.arg} in the pack schema`).toBeDefined();
            const value: unknown = parse(block.text);
            expect(validate!(value), JSON.stringify(validate!.errors, null, 1)).toBe(true);
          });
          break;
        case 'scenario':
          it(`${name} passes against its pack`, () => {
            const content = parse(block.text) as ScenarioFile;
            const validate = ajv.getSchema(scenarioSchema.$id)!;
            expect(validate(content), JSON.stringify(validate.errors, null, 1)).toBe(true);
            const pack = [...packs].reverse().find((p) => p.id === content.pack);
            expect(pack, `no pack example with id ${content.pack} before this scenario`).toBeDefined();
            const run = runScenarios(pack!, compilePack(pack!).evaluate, [{ file: 'example.yaml', content }]);
            expect(
              run.summary.failed,
              JSON.stringify(
                run.results.filter((r) => r.status !== 'passed'),
                null,
                1,
              ),
            ).toBe(0);
            expect(run.summary.passed).toBe(content.scenarios.length);
          });
          break;
        case 'skip':
          it(`${name} is skipped with a reason`, () => {
            expect(block.arg.length).toBeGreaterThan(10);
          });
          break;
        default:
          break;
      }
    });

    // The guide recommends `anjian test --coverage-threshold 100` for CI: the tutorial's tests
    // file (the scenario example with the editor's $schema line, saved as tests/basic.yaml) and
    // the other scenario examples of its pack fire and hold back every rule and composite.
    it("the tutorial pack's scenario examples cover every rule (100 %)", () => {
      const scenarioFiles = all.filter((b) => b.kind === 'scenario').map((b) => ({ block: b, content: parse(b.text) as ScenarioFile }));
      const tutorial = scenarioFiles.filter((f) => f.block.text.includes('# yaml-language-server:')).map((f) => f.content.pack);
      expect(tutorial).toEqual(['tutorial-gas']);
      for (const id of tutorial) {
        const pack = [...packs].reverse().find((p) => p.id === id);
        expect(pack, `no pack example ${id}`).toBeDefined();
        const files = scenarioFiles.filter((f) => f.content.pack === id).map((f, i) => ({ file: `example-${i}.yaml`, content: f.content }));
        const run = runScenarios(pack!, compilePack(pack!).evaluate, files);
        expect(run.summary.failed).toBe(0);
        expect(
          run.coverage.filter((c) => !c.covered).map((c) => c.rule),
          `${run.summary.covered}/${run.summary.rules}`,
        ).toEqual([]);
        expect(run.summary.percent).toBe(100);
      }
    });

    it('the checked pack examples use every operator of the catalogue, and both reserved facts', () => {
      const checked = all
        .filter((b) => b.kind === 'pack' || b.kind === 'file')
        .map((b) => b.text)
        .join('\n');
      for (const operator of Object.keys(OPERATOR_CATALOGUE)) expect(checked, operator).toMatch(new RegExp(`operator: ${operator}\\b`));
      expect(checked).toContain('$premises');
      expect(checked).toContain('$inspectedAt');
      expect(checked).toMatch(/atLeast: \d/);
      expect(checked).toMatch(/\{ ?condition: \w+ ?\}/);
    });
  });
}
