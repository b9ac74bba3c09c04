import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
import { runCli } from './run-cli.js';

// anjian test --format github: a failed scenario is an annotation on the line of the pull
// request where the expectation is written (before, test had pretty, json and junit only,
// so CI showed scenario failures in the log and nowhere on the changed lines).
const SCENARIO = `pack: tiny
scenarios:
  - name: 未装报警器 / no alarm
    premises: shop
    findings: { alarm_installed: false }
    expect:
      hazards:
        - { rule: T-001-H1, level: major }
`;

function repo(files: Record<string, string>): string {
  const cwd = tempDir();
  writeFiles(cwd, { 'tiny/pack.yaml': MINIMAL_PACK, ...files });
  return cwd;
}

describe('anjian test --format github', () => {
  it('one ::error per failed expectation at its line and column, in the language asked; the closing count last; exit 1', async () => {
    const cwd = repo({ 'tiny/tests/basic.yaml': SCENARIO });
    const en = await runCli(['test', 'tiny', '--format', 'github'], { cwd });
    expect(en.code).toBe(1);
    expect(en.out).toBe(
      '::error file=tiny/tests/basic.yaml,line=8,col=36,title=SCENARIO_FAILED::scenario "未装报警器 / no alarm": rule T-001-H1: expected level major, got general\n0 passed, 1 failed\n',
    );
    const zh = await runCli(['test', 'tiny', '--format', 'github', '--lang', 'zh-CN'], { cwd });
    expect(zh.out).toContain('::场景“未装报警器 / no alarm”：隐患规则 T-001-H1 的等级应为 major，实际为 general');
    expect(zh.err).toBe('');
  });

  it('a scenario file that does not load, and coverage below the threshold, are annotations too', async () => {
    const cwd = repo({ 'tiny/tests/basic.yaml': 'pack: tiny\nscenarios:\n  - name: x\n    expected: {}\n' });
    const r = await runCli(['test', 'tiny', '--format', 'github', '--coverage-threshold', '100'], { cwd });
    expect(r.code).toBe(1);
    expect(r.out).toContain('::error file=tiny/tests/basic.yaml,line=4,col=5,title=SCHEMA_UNKNOWN_PROPERTY::scenario "x", expected: the scenario has no property "expected"');
    expect(r.out).toContain('::error file=tiny/pack.yaml,title=COVERAGE::coverage 0%25 is below --coverage-threshold 100: T-001-H1 (never fires, never held back)');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed, 1 file not loaded');
  });

  it('all green: only the closing count, exit 0', async () => {
    const cwd = repo({ 'tiny/tests/basic.yaml': SCENARIO.replace('level: major', 'level: general') });
    const r = await runCli(['test', 'tiny', '--format', 'github'], { cwd });
    expect(r).toMatchObject({ code: 0, out: '1 passed, 0 failed\n' });
  });
});
