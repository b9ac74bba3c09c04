import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePack, type Classification, type Inspection } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { billionLaughs, deepFlow, DEMO_PACK, MISSPELT_PACK, REPO, tempDir, writeFiles } from './fixtures.js';
import { runCli, schemaValidator } from './run-cli.js';

const LPG_BASEMENT = `# An LPG kitchen below ground: a major, general and simple hazards, a composite.
pack: demo-kitchen
premises: restaurant
inspectedAt: '2026-11-20T10:00:00+08:00'
subject:
  name: 老街面馆（测试）
findings:
  gas_type: lpg
  below_ground: true
  alarm_installed: false
  hose_length_m: 3
  cylinders_on_site: 4
`;

const HOSE_ONLY = `pack: demo-kitchen
premises: canteen
inspectedAt: '2026-11-20T10:00:00+08:00'
findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }
`;

const COMPLIANT = JSON.stringify({
  pack: 'demo-kitchen',
  premises: 'restaurant',
  inspectedAt: '2026-11-20T10:00:00+08:00',
  findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1.5 },
});

// Line 6 misspells a fact, line 7 is out of range; alarm_installed (required) is missing.
const BAD = `pack: demo-kitchen
premises: restaurant
findings:
  gas_type: natural_gas
  below_ground: false
  alarm_instaled: true
  hose_length_m: 99
`;

function inspections(): string {
  const dir = tempDir('anjian-classify-');
  writeFiles(dir, { 'lpg.yaml': LPG_BASEMENT, 'hose.yaml': HOSE_ONLY, 'ok.json': COMPLIANT, 'bad.yaml': BAD, 'broken.yaml': 'pack: demo-kitchen\nfindings: { gas_type: lpg\n' });
  return dir;
}

async function expected(text: string): Promise<Classification> {
  const loaded = await loadPackFromPath(DEMO_PACK);
  if (!loaded.ok) throw new Error('the demo pack does not load');
  return compilePack(loaded.pack).evaluate(parse(text) as Inspection);
}

describe('anjian classify, pretty', () => {
  it('prints the header, each hazard most severe first with both explanations, basis, rectification and deadline', async () => {
    const dir = inspections();
    const { code, out, err } = await runCli(['classify', '--pack', DEMO_PACK, 'lpg.yaml', '--lang', 'en'], { cwd: dir });
    expect(err).toBe('');
    expect(code).toBe(0); // hazards alone do not fail without --fail-on
    expect(out).toContain('pack: demo-kitchen@0.1.0');
    expect(out).toContain('premises: Restaurant'); // the label, not the id (issue 22 item 8)
    expect(out).toContain('subject: 老街面馆（测试）');
    expect(out).toContain('inspected at: 2026-11-20 10:00 (China time)'); // not raw ISO (issue 22 item 8)
    const result = await expected(LPG_BASEMENT);
    expect(result.hazards.length).toBe(5);
    let last = -1;
    for (const hazard of result.hazards) {
      const at = out.indexOf(`  ${hazard.rule}`);
      expect(at, hazard.rule).toBeGreaterThan(last); // the order of the classification: most severe first
      last = at;
      expect(out).toContain(hazard.explanation.en);
      expect(out).toContain(hazard.explanation['zh-CN']!);
      for (const citation of hazard.basis) expect(out).toContain(`${citation.number} ${citation.title.en} (edition ${citation.edition}), clause ${citation.clause}`);
      if (hazard.rectification) expect(out).toContain(hazard.rectification.en!);
    }
    expect(out).toMatch(/1\. 重大事故隐患 \/ major {2}DEMO-001-H1 \(item DEMO-001\)/);
    expect(out).toMatch(/一般事故隐患 \/ general {2}疑似 \/ provisional {2}DEMO-004-H1/);
    expect(out).toContain('— verified');
    expect(out).toContain('— unverified');
    expect(out).toMatch(/deadline: +within 30 days/);
    expect(out).toMatch(/deadline: +immediately/);
    expect(out).toContain('items: 4 hazard · 0 pass · 0 not applicable · 0 not checked');
  });

  it('speaks Chinese with --lang zh-CN (labels, deadlines) and still shows the English explanation', async () => {
    const dir = inspections();
    const { code, out } = await runCli(['classify', '--pack', DEMO_PACK, 'lpg.yaml', '--lang', 'zh-CN'], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('检查表：demo-kitchen@0.1.0');
    expect(out).toContain('场所类型：餐饮场所');
    expect(out).toContain('检查时间：2026-11-20 10:00（北京时间）');
    expect(out).toContain('发现隐患 5 项');
    expect(out).toMatch(/期限：30 日内/);
    expect(out).toMatch(/依据：建城规〔2023〕4号《城镇燃气经营安全重大隐患判定标准》（2023 版）条款 第九条 — 已核实/);
    expect(out).toContain('LPG used below ground. Gas used: Bottled LPG');
  });

  it('says so when there is no hazard', async () => {
    const { code, out } = await runCli(['classify', '--pack', DEMO_PACK, 'ok.json'], { cwd: inspections() });
    expect(code).toBe(0);
    expect(out).toContain('No hazard found.');
    expect(out).toContain('items: 0 hazard · 3 pass · 1 not applicable · 0 not checked');
  });
});

describe('anjian classify --format json', () => {
  const validate = schemaValidator('classification.schema.json');

  it('prints one document that matches classification.schema.json and the classifier', async () => {
    const dir = inspections();
    const { code, out } = await runCli(['classify', '--pack', DEMO_PACK, 'lpg.yaml', '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const document = JSON.parse(out) as { tool: string; inspection: string; classification: Classification };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.tool).toBe('anjian');
    expect(document.inspection).toBe('lpg.yaml');
    expect(document.classification).toEqual(JSON.parse(JSON.stringify(await expected(LPG_BASEMENT))));
  });

  it('prints an array for several files, bad files included with their issues and a null classification', async () => {
    const dir = inspections();
    const { code, out } = await runCli(['classify', '--pack', DEMO_PACK, 'lpg.yaml', 'ok.json', 'bad.yaml', '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const documents = JSON.parse(out) as { inspection: string; issues: { code: string; line?: number }[]; classification: unknown }[];
    expect(validate(documents), JSON.stringify(validate.errors)).toBe(true);
    expect(documents.map((d) => d.inspection)).toEqual(['lpg.yaml', 'ok.json', 'bad.yaml']);
    expect(documents[2]!.classification).toBeNull();
    expect(documents[2]!.issues.find((i) => i.code === 'UNKNOWN_FACT')?.line).toBe(6);
  });

  it('the schema rejects a document that drifts from it (a property it does not define)', async () => {
    const { out } = await runCli(['classify', '--pack', DEMO_PACK, 'lpg.yaml', '--format', 'json'], { cwd: inspections() });
    const document = JSON.parse(out) as { classification: { hazards: Record<string, unknown>[] } };
    document.classification.hazards[0]!.severity = 'high';
    expect(validate(document)).toBe(false);
  });
});

describe('anjian classify --fail-on', () => {
  it.each([
    ['lpg.yaml', undefined, 0],
    ['lpg.yaml', 'major', 1],
    ['hose.yaml', 'general', 0],
    ['hose.yaml', 'simple', 1],
    ['ok.json', 'simple', 0],
  ])('%s with --fail-on %s exits %i', async (file, level, exit) => {
    const argv = ['classify', '--pack', DEMO_PACK, file, ...(level ? ['--fail-on', level] : [])];
    expect((await runCli(argv, { cwd: inspections() })).code).toBe(exit);
  });
  it('rejects an unknown level as a usage error', async () => {
    const { code, err } = await runCli(['classify', '--pack', DEMO_PACK, 'lpg.yaml', '--fail-on', 'minor'], { cwd: inspections() });
    expect(code).toBe(2);
    expect(err).toContain('invalid value "minor" for --fail-on');
  });
});

describe('anjian classify, bad input', () => {
  it('a bad inspection exits 1 with located issues, a code frame and a did-you-mean, never a stack', async () => {
    const { code, out, err } = await runCli(['classify', '--pack', DEMO_PACK, 'bad.yaml'], { cwd: inspections() });
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toMatch(/^bad\.yaml:6:19 {2}error {2}UNKNOWN_FACT {2}the pack has no fact "alarm_instaled" \(did you mean "alarm_installed"\?\)/m);
    expect(out).toMatch(/^bad\.yaml:7:18 {2}error {2}NUMBER_OUT_OF_RANGE /m);
    expect(out).toMatch(/^bad\.yaml:4:3 {2}error {2}REQUIRED_MISSING .*alarm_installed/m);
    expect(out).toContain('> 6 |   alarm_instaled: true');
    expect(out).not.toContain('hazard');
    expect(out).not.toMatch(/\n\s+at /);
  });
  it('a YAML error exits 1, located', async () => {
    const { code, out } = await runCli(['classify', '--pack', DEMO_PACK, 'broken.yaml'], { cwd: inspections() });
    expect(code).toBe(1);
    expect(out).toMatch(/^broken\.yaml:\d+:\d+ {2}error {2}YAML_SYNTAX /m);
  });
  it.each([
    [['classify', 'lpg.yaml'], 'give either --pack <dir> or --packs <folder>'],
    [['classify', '--pack', DEMO_PACK], 'missing inspection file'],
    [['classify', '--pack', DEMO_PACK, 'nope.yaml'], 'no such file or folder: nope.yaml'],
    [['classify', '--pack', DEMO_PACK, 'lpg.yaml', '--format', 'sarif'], 'invalid value "sarif" for --format'],
  ])('usage error %j exits 2', async (argv, english) => {
    const { code, out, err } = await runCli(argv, { cwd: inspections() });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(english);
  });
});

describe('anjian classify --packs', () => {
  it("picks each inspection's pack by id among the packs of a folder", async () => {
    const dir = inspections();
    const { code, out } = await runCli(['classify', '--packs', join(REPO, 'examples', 'packs'), 'lpg.yaml', '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { classification: Classification }).classification.pack.id).toBe('demo-kitchen');
  });
  it('an inspection for a pack that is not there exits 1 with PACK_NOT_FOUND at its pack field', async () => {
    const dir = inspections();
    writeFiles(dir, { 'other.yaml': 'pack: no-such-pack\nfindings: {}\n' });
    const { code, out } = await runCli(['classify', '--packs', join(REPO, 'examples', 'packs'), 'other.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/^other\.yaml:1:7 {2}error {2}PACK_NOT_FOUND {2}no pack with the id "no-such-pack" \(loaded: demo-kitchen\)/m);
  });
});

describe('docs/classification-output.md', () => {
  it('its JSON examples match classification.schema.json, and the first is what the CLI prints', async () => {
    const validate = schemaValidator('classification.schema.json');
    const doc = readFileSync(join(REPO, 'docs', 'classification-output.md'), 'utf8');
    const blocks = [...doc.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]!) as unknown);
    expect(blocks.length).toBe(2);
    for (const block of blocks) expect(validate(block), JSON.stringify(validate.errors)).toBe(true);
    const dir = tempDir('anjian-classify-');
    writeFiles(dir, {
      'hose.yaml':
        "pack: demo-kitchen\npremises: canteen\ninspectedAt: '2026-11-20T10:00:00+08:00'\nsubject: { name: 示例食堂 }\nfindings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }\n",
    });
    const { out } = await runCli(['classify', '--pack', DEMO_PACK, 'hose.yaml', '--format', 'json'], { cwd: dir });
    expect(blocks[0]).toEqual(JSON.parse(out));
  });
});

describe('docs/cli.md', () => {
  it('the anjian classify sample is what the CLI prints', async () => {
    const doc = readFileSync(join(REPO, 'docs', 'cli.md'), 'utf8');
    const sample = [...doc.matchAll(/^```text\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((b) => b.startsWith('hose.yaml\n'))!;
    const dir = tempDir('anjian-classify-');
    writeFiles(dir, {
      'hose.yaml':
        "pack: demo-kitchen\npremises: canteen\ninspectedAt: '2026-11-20T10:00:00+08:00'\nsubject: { name: 示例食堂 }\nfindings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }\n",
    });
    const { out } = await runCli(['classify', '--pack', DEMO_PACK, 'hose.yaml', '--lang', 'en'], { cwd: dir });
    expect(out.trimEnd()).toBe(sample.trimEnd());
  });
});

describe('anjian classify, hostile files and broken packs', () => {
  it.each([
    ['deep.yaml', deepFlow(5000), 'NESTING_TOO_DEEP'],
    ['lol.yaml', billionLaughs(), 'YAML_ALIAS_LIMIT'],
    ['tag.yaml', 'pack: !!js/function "x"\nfindings: {}\n', 'YAML_TAG'],
    ['proto.json', '{"pack":"demo-kitchen","findings":{"__proto__":{"polluted":true}}}', 'FORBIDDEN_KEY'],
  ])('%s exits 1 with %s, located, and pollutes nothing', async (file, text, issueCode) => {
    const dir = tempDir('anjian-classify-');
    writeFiles(dir, { [file]: text });
    const { code, out, err } = await runCli(['classify', '--pack', DEMO_PACK, file], { cwd: dir });
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+ {2}error {2}${issueCode} `, 'm'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('a pack that does not load exits 1 with its located errors (json: one document, inspection null)', async () => {
    const dir = tempDir('anjian-classify-');
    writeFiles(dir, { 'pack/pack.yaml': MISSPELT_PACK, 'i.yaml': 'pack: tiny\nfindings: {}\n' });
    const pretty = await runCli(['classify', '--pack', 'pack', 'i.yaml'], { cwd: dir });
    expect(pretty.code).toBe(1);
    expect(pretty.out).toMatch(/^pack\/pack\.yaml:32:27 {2}error {2}UNKNOWN_FACT/m);
    const json = await runCli(['classify', '--pack', 'pack', 'i.yaml', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const document = JSON.parse(json.out) as { inspection: unknown; issues: unknown[] };
    expect(schemaValidator('classification.schema.json')(document)).toBe(true);
    expect(document.inspection).toBeNull();
    expect(document.issues.length).toBeGreaterThan(0);
  });
});
