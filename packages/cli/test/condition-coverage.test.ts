import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDemoPack, runCli } from './run-cli.js';

// Issue 22, pack authors 7: 100 % rule coverage while a precondition was simply false. Two
// scenarios cover DEMO-001-H1 (fired with LPG below ground, held back with natural gas below
// ground), but "below_ground = true" is never false where the item applies.
const SCENARIOS = `pack: demo-kitchen
base:
  premises: restaurant
  findings: { gas_type: lpg, below_ground: true, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 1 }
scenarios:
  - name: LPG below ground
    findings: {}
    expect:
      hazards: [{ rule: DEMO-001-H1, level: major }]
  - name: natural gas below ground
    findings: { gas_type: natural_gas, cylinders_on_site: null }
    expect:
      absent: [DEMO-001-H1]
`;

function demo(): string {
  const dir = copyDemoPack();
  rmSync(join(dir, 'tests'), { recursive: true });
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'tests', 'gap.yaml'), SCENARIOS);
  return dir;
}

describe('anjian test: condition coverage', () => {
  it('shows the leaf a covered rule never saw false, and --condition-threshold fails on it', async () => {
    const dir = demo();
    const plain = await runCli(['test', dir, '--lang', 'en'], { cwd: dir });
    expect(plain.out).toContain('    DEMO-001-H1 below_ground = true: never false');
    expect(plain.out).not.toContain('DEMO-001-H1 (item DEMO-001)'); // the rule itself is covered
    expect(plain.code).toBe(0);

    const strict = await runCli(['test', dir, '--condition-threshold', '100', '--lang', 'zh-CN'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/^ {2}条件覆盖：\d+\/\d+ 个条件在检查项适用时既成立过、也不成立过（[\d.]+%）$/m);
    expect(strict.out).toContain('    DEMO-001-H1 below_ground = true：从未不成立');
    expect(strict.out).toMatch(/条件覆盖率 [\d.]+% 低于 --condition-threshold 100/);
    const junit = await runCli(['test', dir, '--condition-threshold', '100', '--format', 'junit'], { cwd: dir });
    expect(junit.code).toBe(1);
    expect(junit.out).toMatch(
      /<testcase classname="demo-kitchen" name="conditions" file="[^"]*">\n {6}<failure type="CONDITION_COVERAGE" message="condition coverage [\d.]+% \(\d+\/\d+\) is below 100">[^<]*DEMO-001-H1 below_ground = true: never false/,
    );

    const json = JSON.parse((await runCli(['test', dir, '--format', 'json'], { cwd: dir })).out) as {
      packs: { run: { coverage: { rule: string; covered: boolean; conditions?: { words: string; true: number; false: number; covered: boolean }[] }[] } }[];
    };
    const rule = json.packs[0]!.run.coverage.find((c) => c.rule === 'DEMO-001-H1')!;
    expect(rule.covered).toBe(true);
    expect(rule.conditions).toEqual([
      { path: 'when/all/0 › uses_lpg', words: 'gas_type = "lpg"', true: 1, false: 1, covered: true },
      { path: 'when/all/1', words: 'below_ground = true', true: 2, false: 0, covered: false },
    ]);
  });

  it("a leaf the item's own applicability requires is marked implied and not counted", async () => {
    const dir = demo();
    const equipment = join(dir, 'sections', 'equipment.yaml');
    // DEMO-004 applies only with LPG; its rule repeats that precondition
    writeFileSync(
      equipment,
      readFileSync(equipment, 'utf8').replace(
        'when: { fact: cylinders_on_site, operator: greaterThan, value: 2 }',
        'when: { all: [{ condition: uses_lpg }, { fact: cylinders_on_site, operator: greaterThan, value: 2 }] }',
      ),
    );
    const { out } = await runCli(['test', dir, '--format', 'json'], { cwd: dir });
    const run = (JSON.parse(out) as { packs: { run: { coverage: { rule: string; conditions?: unknown[] }[] } }[] }).packs[0]!.run;
    expect(run.coverage.find((c) => c.rule === 'DEMO-004-H1')!.conditions).toEqual([
      { path: 'when/all/0 › uses_lpg', words: 'gas_type = "lpg"', true: 1, false: 0, covered: false, implied: true },
      { path: 'when/all/1', words: 'cylinders_on_site > 2', true: 0, false: 1, covered: false },
    ]);
    const pretty = await runCli(['test', dir], { cwd: dir });
    expect(pretty.out).not.toContain('DEMO-004-H1 gas_type = "lpg"');
    expect(pretty.out).toContain('    DEMO-004-H1 cylinders_on_site > 2: never true');
  });

  it('rejects a threshold that is not a percentage', async () => {
    const { code, err } = await runCli(['test', 'examples/packs/demo-kitchen', '--condition-threshold', '120']);
    expect(code).toBe(2);
    expect(err).toContain('--condition-threshold needs a number from 0 to 100, got "120"');
  });
});
