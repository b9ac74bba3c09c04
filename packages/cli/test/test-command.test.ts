import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioRun } from '@anjian/core';
import { describe, expect, it } from 'vitest';
import { DEMO_PACK, MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
import { copyDemoPack, DEMO_SCENARIOS, runCli } from './run-cli.js';
import { xmlProblem } from './xml-well-formed.js';

/** A scenario that holds DEMO-004-H1 back (LPG with few cylinders): completes the demo's coverage. */
const HELD_BACK = `  - name: 液化气钢瓶数量合规 / LPG with two cylinders
    premises: restaurant
    findings: { gas_type: lpg, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 2 }
    expect:
      items: { DEMO-004: pass }
      hazards: []
`;

interface TestDocument {
  packs: { path: string; ok: boolean; run: ScenarioRun | null; issues: { code: string; line?: number; column?: number }[] }[];
  summary: { passed: number; failed: number; todo: number };
}

async function json(argv: string[], cwd?: string): Promise<{ code: number; doc: TestDocument }> {
  const { code, out } = await runCli([...argv, '--format', 'json'], cwd ? { cwd } : {});
  return { code, doc: JSON.parse(out) as TestDocument };
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('anjian test on the demo pack', () => {
  it('passes, prints the plain "N passed, N failed" line and the coverage of every rule', async () => {
    const { code, out, err } = await runCli(['test', DEMO_PACK]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^4 passed, 0 failed$/m);
    const { doc } = await json(['test', DEMO_PACK]);
    const run = doc.packs[0]!.run!;
    expect(out).toContain(`coverage: ${run.summary.covered}/${run.summary.rules} rules (${run.summary.percent}%)`);
    // Every uncovered rule is listed with what it lacks.
    for (const entry of run.coverage.filter((c) => !c.covered)) {
      expect(out).toMatch(new RegExp(`^ {4}${entry.rule} .*never ${entry.fired === 0 ? 'fires' : 'held back'}`, 'm'));
    }
  });

  it('reports 100 % coverage once every rule both fires and is held back', async () => {
    const dir = copyDemoPack();
    writeFileSync(join(dir, 'tests', 'basic.yaml'), DEMO_SCENARIOS + HELD_BACK);
    const { code, out } = await runCli(['test', dir, '--coverage-threshold', '100']);
    expect(code).toBe(0);
    expect(out).toContain('coverage: 6/6 rules (100%)');
    expect(out).toMatch(/^5 passed, 0 failed$/m);
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
    expect(out).toMatch(/^3 passed, 1 failed$/m);
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('隐患规则 DEMO-002-H1 的等级应为 major，实际为 general');
    expect(zh.out).toMatch(/^3 passed, 1 failed$/m);
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
    expect(out).toMatch(/^4 passed, 0 failed$/m);
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
  const fires = '  - name: no alarm\n    findings: { alarm_installed: false }\n    expect: { hazards: [{ rule: T-001-H1, level: general }] }\n';
  const holds = '  - name: alarm\n    findings: { alarm_installed: true }\n    expect: { hazards: [] }\n';

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
    expect(out).toMatch(/^4 passed, 0 failed$/m); // the good file still ran
  });
  it('a pack that does not load exits 1 with its errors', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'pack.yaml': MINIMAL_PACK.replace('when: { fact: alarm_installed', 'when: { fact: alarm_instaled') });
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/pack\.yaml:32:27 {2}error {2}UNKNOWN_FACT/);
    expect(out).toMatch(/^0 passed, 0 failed$/m);
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
    expect(out.match(/<testcase /g)).toHaveLength(4);
    expect(out.match(/<failure /g)).toHaveLength(1);
    expect(out).toContain('rule DEMO-003-H1: expected level general, got simple');
    expect(out).toMatch(/<testsuites name="anjian test" tests="4" failures="1"/);
  });
  it('json: only the document on stdout, with runs and coverage', async () => {
    const { code, doc } = await json(['test', DEMO_PACK]);
    expect(code).toBe(0);
    expect(doc.summary).toMatchObject({ passed: 4, failed: 0, todo: 0 });
    expect(doc.packs[0]!.run!.coverage.length).toBe(6);
  });
});

describe('anjian test on the packs under checklists/', () => {
  it('every pack passes its scenarios at 100 % rule coverage', async () => {
    const { code, out } = await runCli(['test', 'checklists', '--coverage-threshold', '100']);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(out).not.toContain('never ');
    expect(code).toBe(0);
  });
});
