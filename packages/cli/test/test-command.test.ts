import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioRun } from '@anjian/core';
import { describe, expect, it } from 'vitest';
import { billionLaughs, deepFlow, DEMO_PACK, MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
import { copyDemoPack, DEMO_SCENARIO_COUNT, DEMO_SCENARIOS, runCli } from './run-cli.js';
import { xmlProblem } from './xml-well-formed.js';

interface TestDocument {
  maxWarnings?: number | null;
  packs: { path: string; ok: boolean; run: ScenarioRun | null; issues: { code: string; line?: number; column?: number }[] }[];
  summary: { passed: number; failed: number; todo: number; warnings?: number; packsFailed?: number };
}

async function json(argv: string[], cwd?: string): Promise<{ code: number; doc: TestDocument }> {
  const { code, out } = await runCli([...argv, '--format', 'json'], cwd ? { cwd } : {});
  return { code, doc: JSON.parse(out) as TestDocument };
}

/** Number of scenarios in the demo pack's file (the examples may gain some). */
const N = DEMO_SCENARIOS.split('\n').filter((l) => l.startsWith('  - name:')).length;

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('anjian test on the demo pack', () => {
  it('passes at 100 % coverage, printing the plain "N passed, N failed" line', async () => {
    const { code, out, err } = await runCli(['test', DEMO_PACK, '--coverage-threshold', '100']);
    expect(err).toBe('');
    expect(code).toBe(0);
    // the demo pack itself also has the base: example file (issue 22)
    expect(out).toMatch(new RegExp(`^${DEMO_SCENARIO_COUNT} passed, 0 failed$`, 'm'));
    expect(out).toContain('coverage: 6/6 rules (100%)');
    expect(out).not.toContain('never ');
  });

  it('lists each uncovered rule with what it lacks (the demo without its scenarios that hold rules back)', async () => {
    const dir = copyDemoPack();
    // Only the scenario where everything fires: nothing is ever held back.
    const start = DEMO_SCENARIOS.indexOf('  - name: 地下液化气厨房');
    const end = DEMO_SCENARIOS.indexOf('  - name:', start + 1);
    writeFileSync(join(dir, 'tests', 'basic.yaml'), `pack: demo-kitchen\nscenarios:\n${DEMO_SCENARIOS.slice(start, end)}`);
    const { code, out } = await runCli(['test', dir, '--coverage-threshold', '50']);
    expect(code).toBe(1);
    expect(out).toContain('coverage: 0/6 rules (0%)');
    for (const rule of ['DEMO-001-H1', 'DEMO-002-H1', 'DEMO-003-H1', 'DEMO-004-H1']) expect(out).toMatch(new RegExp(`^ {4}${rule} \\(item DEMO-00\\d\\): never held back$`, 'm'));
    expect(out).toMatch(/^ {4}DEMO-002-H2 \(item DEMO-002\): never fires$/m);
    expect(out).toMatch(/^ {4}DEMO-C1 \(composite\): never held back$/m);
    expect(out).toMatch(/^1 passed, 0 failed$/m);
  });

  it('fails naming the scenario, the rule and the place when an expected level is wrong (issue 3 acceptance)', async () => {
    const dir = copyDemoPack();
    const wrong = DEMO_SCENARIOS.replace('{ rule: DEMO-002-H1, level: general }', '{ rule: DEMO-002-H1, level: major }');
    expect(wrong).not.toBe(DEMO_SCENARIOS);
    writeFileSync(join(dir, 'tests', 'basic.yaml'), wrong);
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    const line = lineOf(wrong, 'DEMO-002-H1, level: major');
    expect(out).toMatch(/✖ tests\/basic\.yaml:\d+:1 {2}scenario "地下液化气厨房 \/ LPG in a basement kitchen"/);
    expect(out).toMatch(new RegExp(`tests/basic\\.yaml:${line}:\\d+ {2}rule DEMO-002-H1: expected level major, got general`));
    expect(out).toMatch(new RegExp(`^${N - 1} passed, 1 failed$`, 'm'));
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('隐患规则 DEMO-002-H1 的等级应为 major，实际为 general');
    expect(zh.out).toMatch(new RegExp(`^场景：${N - 1} 个通过，1 个未通过$`, 'm'));
  });

  it('a failing todo scenario is reported and does not fail the run', async () => {
    const dir = copyDemoPack();
    const todo = `  - name: 已知缺口 / a known gap
    todo: the pack cannot tell old hoses yet
    premises: restaurant
    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1 }
    expect:
      hazards: [{ rule: DEMO-003-H1, level: simple }]
`;
    writeFileSync(join(dir, 'tests', 'basic.yaml'), DEMO_SCENARIOS + todo);
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toMatch(/○ tests\/basic\.yaml:\d+:1 {2}已知缺口 \/ a known gap {2}\(todo, 1 expectation\(s\) still fail\) — the pack cannot tell old hoses yet/);
    expect(out).toMatch(new RegExp(`^${N} passed, 0 failed$`, 'm'));
    const { doc } = await json(['test', dir]);
    expect(doc.packs[0]!.run!.results.at(-1)!.status).toBe('todo');
    expect(doc.summary.todo).toBe(1);
  });
});

describe('anjian test --coverage-threshold', () => {
  const pack = (scenarios: string) => {
    const dir = tempDir();
    writeFiles(dir, { 'pack.yaml': MINIMAL_PACK, 'tests/a.yaml': `pack: tiny\nscenarios:\n${scenarios}` });
    return dir;
  };
  // scenarios name their premises kind: they are checked like inspections (issue 22)
  const fires = '  - name: no alarm\n    premises: shop\n    findings: { alarm_installed: false }\n    expect: { hazards: [{ rule: T-001-H1, level: general }] }\n';
  const holds = '  - name: alarm\n    premises: shop\n    findings: { alarm_installed: true }\n    expect: { hazards: [] }\n';

  it('exits 1 when a pack is below the threshold, naming what is missing', async () => {
    const dir = pack(fires);
    const { code, out } = await runCli(['test', dir, '--coverage-threshold', '100']);
    expect(code).toBe(1);
    expect(out).toContain('coverage: 0/1 rules (0%)');
    expect(out).toContain('T-001-H1 (item T-001): never held back');
    expect(out).toContain('coverage 0% is below --coverage-threshold 100');
    expect(out).toMatch(/^1 passed, 0 failed$/m);
    expect((await runCli(['test', dir, '--coverage-threshold', '0'])).code).toBe(0);
    expect((await runCli(['test', dir])).code).toBe(0);
  });
  it('exits 0 at the threshold', async () => {
    expect((await runCli(['test', pack(fires + holds), '--coverage-threshold', '100'])).code).toBe(0);
  });
  it.each(['101', '-1', 'all', '1e2'])('rejects --coverage-threshold %s as a usage error', async (value) => {
    const { code, err } = await runCli(['test', DEMO_PACK, `--coverage-threshold=${value}`]);
    expect(code).toBe(2);
    expect(err).toContain('--coverage-threshold needs a number from 0 to 100');
  });
});

describe('anjian test --max-warnings', () => {
  // one warning: the LPG cylinders counted in a natural-gas scenario (NOT_APPLICABLE_ANSWER)
  const withWarning = () => {
    const dir = copyDemoPack();
    writeFiles(dir, {
      'tests/warned.yaml': `pack: demo-kitchen
scenarios:
  - name: cylinders counted with piped gas
    premises: restaurant
    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 3 }
    expect: { hazards: [] }
`,
    });
    return dir;
  };

  it('warnings never change the exit code without it; more than N exit 1 and say so, in the language asked; N or fewer exit 0', async () => {
    const dir = withWarning();
    const plain = await runCli(['test', dir], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('NOT_APPLICABLE_ANSWER');
    const over = await runCli(['test', dir, '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.out).toMatch(/^✖ 1 pack tested, 0 failed; 0 todo; 1 warning\. 1 warning exceeds --max-warnings 0\.$/m);
    expect(over.out.trimEnd().split('\n').at(-1)).toBe(`${N + 1} passed, 0 failed`);
    const zh = await runCli(['test', dir, '--max-warnings', '0', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('；警告 1 个。警告数 1 超过 --max-warnings 0。');
    const at = await runCli(['test', dir, '--max-warnings', '1'], { cwd: dir });
    expect(at.code).toBe(0);
    expect(at.out).toMatch(/^✔ 1 pack tested, 0 failed; 0 todo; 1 warning\.$/m);
    expect((await runCli(['test', DEMO_PACK, '--max-warnings', '0'])).code).toBe(0);
  });

  it('machine formats say why the run failed: json maxWarnings, junit a failed max-warnings testcase, github an ::error of the run', async () => {
    const dir = withWarning();
    const { code, doc } = await json(['test', dir, '--max-warnings', '0'], dir);
    expect(code).toBe(1);
    expect(doc).toMatchObject({ maxWarnings: 0, summary: { warnings: 1, packsFailed: 0 } });
    const junit = await runCli(['test', dir, '--max-warnings', '0', '--format', 'junit'], { cwd: dir });
    expect(junit.code).toBe(1);
    expect(xmlProblem(junit.out)).toBeNull();
    expect(junit.out).toContain('<testcase classname="anjian" name="max-warnings">\n      <failure type="MAX_WARNINGS" message="1 warning exceeds --max-warnings 0."/>');
    const gh = await runCli(['test', dir, '--max-warnings', '0', '--format', 'github'], { cwd: dir });
    expect(gh.code).toBe(1);
    expect(gh.out).toContain('::error title=MAX_WARNINGS::1 warning exceeds --max-warnings 0.\n');
  });

  it.each(['-1', 'none', '1.5'])('--max-warnings %s is a usage error (exit 2)', async (value) => {
    const { code, err } = await runCli(['test', DEMO_PACK, `--max-warnings=${value}`]);
    expect(code).toBe(2);
    expect(err).toContain(`--max-warnings needs a non-negative integer, got "${value}"`);
    expect(err).toContain('anjian test --help');
  });
});

describe('anjian test, bad scenario files and packs', () => {
  it('a scenario file that does not match the schema exits 1 with a located issue and a did-you-mean', async () => {
    const dir = copyDemoPack();
    const bad = DEMO_SCENARIOS.replace('{ rule: DEMO-001-H1, level: major }', '{ rule: DEMO-001-H1, levle: major }');
    writeFileSync(join(dir, 'tests', 'basic.yaml'), bad);
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    const line = lineOf(bad, 'levle');
    const column = bad.split('\n')[line - 1]!.indexOf('levle') + 1;
    expect(out).toContain(`tests/basic.yaml:${line}:${column}  error  SCHEMA_UNKNOWN_PROPERTY`);
    expect(out).toContain('hint: did you mean "level"?');
    expect(out).toMatch(new RegExp(`> ${line} \\|`));
  });
  it('a YAML error in a scenario file exits 1, located', async () => {
    const dir = copyDemoPack();
    writeFiles(dir, { 'tests/broken.yml': 'pack: demo-kitchen\nscenarios:\n  - name: [unclosed\n' });
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/tests\/broken\.yml:\d+:\d+ {2}error {2}YAML_SYNTAX/);
    expect(out).toMatch(new RegExp(`^${N} passed, 0 failed, 1 file not loaded$`, 'm')); // the good file still ran; the closing line counts the broken one (issue 22)
  });
  it('hostile scenario files (deep nesting, alias bomb) exit 1 with located issues, never a crash', async () => {
    const dir = copyDemoPack();
    writeFiles(dir, { 'tests/deep.yaml': deepFlow(5000), 'tests/lol.yaml': billionLaughs() });
    const { code, out, err } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toMatch(/tests\/deep\.yaml:\d+:\d+ {2}error {2}NESTING_TOO_DEEP/);
    expect(out).toMatch(/tests\/lol\.yaml:\d+:\d+ {2}error {2}YAML_ALIAS_LIMIT/);
  });
  it('a pack that does not load exits 1 with its errors', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'pack.yaml': MINIMAL_PACK.replace('when: { fact: alarm_installed', 'when: { fact: alarm_instaled') });
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/pack\.yaml:32:27 {2}error {2}UNKNOWN_FACT/);
    expect(out).toMatch(/^0 passed, 0 failed, 1 file not loaded$/m); // issue 22: the closing line counts it
  });
  it.each([
    [['test', 'no/such/folder'], 'no such file or folder: no/such/folder'],
    [['test', DEMO_PACK, '--format', 'sarif'], 'invalid value "sarif" for --format'],
  ])('usage error %j exits 2', async (argv, english) => {
    const { code, out, err } = await runCli(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(english);
  });
});

describe('anjian test, machine formats', () => {
  it('junit: one testcase per scenario, a failure for the wrong level, well-formed', async () => {
    const dir = copyDemoPack();
    writeFileSync(join(dir, 'tests', 'basic.yaml'), DEMO_SCENARIOS.replace('{ rule: DEMO-003-H1, level: simple }', '{ rule: DEMO-003-H1, level: general }'));
    const { code, out } = await runCli(['test', dir, '--format', 'junit'], { cwd: dir });
    expect(code).toBe(1);
    expect(xmlProblem(out)).toBeNull();
    expect(out.match(/<testcase /g)).toHaveLength(N);
    expect(out.match(/<failure /g)).toHaveLength(1);
    expect(out).toContain('rule DEMO-003-H1: expected level general, got simple');
    expect(out).toMatch(new RegExp(`<testsuites name="anjian test" tests="${N}" failures="1"`));
  });
  it('json: only the document on stdout, with runs and coverage', async () => {
    const { code, doc } = await json(['test', DEMO_PACK]);
    expect(code).toBe(0);
    expect(doc.summary).toMatchObject({ passed: DEMO_SCENARIO_COUNT, failed: 0, todo: 0, notLoaded: 0 });
    expect(doc.packs[0]!.run!.coverage.length).toBe(6);
  });
});

describe('anjian test on the packs under checklists/', () => {
  it('every pack passes its scenarios at 100 % rule coverage', async () => {
    const { code, out } = await runCli(['test', 'checklists', '--coverage-threshold', '100']);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(out).not.toMatch(/never (fires|held back)/);
    // condition coverage is printed for every pack (issue 22, item 7)
    const packs = out.split('\n').filter((l) => /^checklists\/\S+ {2}/.test(l)).length;
    expect(out.match(/^ {2}conditions: \d+\/\d+ seen true and false where their item applied \(\d+(\.\d)?%\)$/gm)?.length).toBe(packs);
    expect(code).toBe(0);
  });
});

describe('docs/cli.md', () => {
  it('the anjian test sample is what the CLI prints for the demo copy whose LPG basement is above ground (why the rule did not fire), in both languages', async () => {
    const doc = readFileSync(join(DEMO_PACK, '..', '..', '..', 'docs', 'cli.md'), 'utf8');
    const sample = [...doc.matchAll(/^```text\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((b) => b.startsWith('demo-kitchen  demo-kitchen@'))!;
    const dir = copyDemoPack();
    const mutated = DEMO_SCENARIOS.replace('      below_ground: true\n      alarm_installed: false', '      below_ground: false\n      alarm_installed: false');
    expect(mutated).not.toBe(DEMO_SCENARIOS);
    writeFileSync(join(dir, 'tests', 'basic.yaml'), mutated);
    const { out } = await runCli(['test', 'demo-kitchen'], { cwd: join(dir, '..') });
    expect(out.trimEnd()).toBe(sample.trimEnd());
    const zh = await runCli(['test', 'demo-kitchen', '--lang', 'zh-CN'], { cwd: join(dir, '..') });
    const line = /「(隐患规则 DEMO-001-H1 [^」]*)」/.exec(doc)![1]!;
    expect(zh.out).toContain(`${line}\n`);
  });
});

describe('anjian test speaks one language', () => {
  // a demo copy that shows every kind of line: a wrong level, a missing required answer, a todo,
  // an answer that does not count (a warning), uncovered rules and leaves, both thresholds missed
  const broken = (name: (zh: string, en: string) => string) => {
    const dir = copyDemoPack();
    writeFileSync(
      join(dir, 'tests', 'basic.yaml'),
      `pack: demo-kitchen
scenarios:
  - name: ${name('等级写错', 'wrong level')}
    premises: restaurant
    findings: { gas_type: lpg, below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 }
    expect:
      hazards:
        - { rule: DEMO-001-H1, level: general }
        - { rule: DEMO-002-H1, level: general }
        - { rule: DEMO-003-H1, level: simple }
        - { rule: DEMO-004-H1, level: general }
        - { rule: DEMO-C1, level: general }
  - name: ${name('漏答软管', 'hose not answered')}
    premises: restaurant
    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true }
    expect:
      items: { DEMO-003: pass }
  - name: ${name('已知缺口', 'a known gap')}
    todo: ${name('以后再补', 'later')}
    premises: restaurant
    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1 }
    expect:
      hazards: [{ rule: DEMO-003-H1, level: simple }]
  - name: ${name('天然气却数了钢瓶', 'cylinders counted with piped gas')}
    premises: restaurant
    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 3 }
    expect:
      hazards: []
`,
    );
    // a second copy whose other scenario file does not load (the closing line counts it)
    const other = copyDemoPack();
    rmSync(join(other, 'tests', 'basic.yaml'));
    writeFileSync(join(other, 'tests', 'broken.yaml'), 'pack: demo-kitchen\nscenarios:\n  - name: [unclosed\n');
    return [dir, other];
  };
  const flags = ['--coverage-threshold', '100', '--condition-threshold', '100'];
  /** The CLI's own English words (flags, file names, ids and the YAML values an author writes aside). */
  const ENGLISH = /\b(passed|failed|not loaded|scenarios?|coverage|conditions?|rules?|never|fires|held back|todo|warning|error|hint|item|expected|got|should|partial|packs?|tested|below|files?)\b/i;
  const words = (text: string) => text.replace(/--[a-z-]+/g, '').replace(/\S+\.ya?ml(:\d+:\d+)?/g, '');

  it('under zh-CN (--lang or LANG=zh_CN.UTF-8), every line is Chinese, the closing line too', async () => {
    const dirs = broken((zh) => zh);
    const zh = await runCli(['test', ...dirs, ...flags, '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    for (const line of zh.out.split('\n')) expect(words(line), line).not.toMatch(ENGLISH);
    expect(zh.out).toMatch(/^场景：\d+ 个通过，2 个未通过，1 个文件未能加载$/m);
    expect(zh.out).toContain('DEMO-002-H2（检查项 DEMO-002）：从未触发\n');
    expect(zh.out).toContain('  条件覆盖率 ');
    const env = await runCli(['test', ...dirs, ...flags], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.out).toBe(zh.out);
    const junit = await runCli(['test', ...dirs, ...flags, '--lang', 'zh-CN', '--format', 'junit']);
    const messages = [...junit.out.matchAll(/(?:message="([^"]*)"|>([^<]+)<\/(?:failure|system-out)>)/g)].map((m) => m[1] ?? m[2]!);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(words(m), m).not.toMatch(ENGLISH);
    const gh = await runCli(['test', ...dirs, ...flags, '--lang', 'zh-CN', '--format', 'github']);
    expect(gh.out.trimEnd().split('\n').at(-1)).toMatch(/^场景：\d+ 个通过，2 个未通过，1 个文件未能加载$/);
    for (const line of gh.out.split('\n')) expect(words(line.replace(/^::\w+ [^:]*::/, '')), line).not.toMatch(ENGLISH);
  });

  it('--lang zh (and zh_CN) is Chinese, as a Chinese-speaking author types it; another value is a usage error in both languages', async () => {
    const zh = await runCli(['test', DEMO_PACK, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(new RegExp(`^场景：${DEMO_SCENARIO_COUNT} 个通过，0 个未通过$`, 'm'));
    expect((await runCli(['validate', DEMO_PACK, '--lang=zh_CN'])).out).toContain('检查了 1 个检查表');
    const fr = await runCli(['test', DEMO_PACK, '--lang', 'fr'], { env: {} });
    expect(fr.code).toBe(2);
    expect(fr.err).toContain('--lang 的取值“fr”无效，可选：zh-CN | en / invalid value "fr" for --lang');
  });

  it('under en, no Chinese', async () => {
    const dirs = broken((_zh, en) => en);
    for (const format of ['pretty', 'junit', 'github']) {
      const en = await runCli(['test', ...dirs, ...flags, '--format', format]);
      expect(en.code).toBe(1);
      for (const line of en.out.split('\n')) expect(line, `${format}: ${line}`).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    }
  });
});
