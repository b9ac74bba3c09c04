import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './fixtures.js';
import { runCli } from './run-cli.js';

// A failed scenario says why (pack-author pass): an expected hazard that did not fire names
// the conditions that were false, with the recorded value and the threshold, or that its
// item did not apply (premises scope, the item's `when`); a hazard that fired unexpectedly
// shows the classifier's explanation. The real hazardous-work pack, with scenarios mutated
// from its tests/confined-space.yaml (HW-024: a gas-monitoring record older than 2 h).

const BASE = `pack: hazardous-work
base:
  premises: chemical
  inspectedAt: '2026-06-10T11:30:00+08:00'
  findings:
    work_type: confined_space
    permit_issued: true
    permit_valid_from: '2026-06-10T08:00:00+08:00'
    attendant_present: true
    special_work_system: in_place
    special_workers_certified: not_involved
    gas_analysis_done: true
    gas_analysis_at: '2026-06-10T08:50:00+08:00'
    work_started_at: '2026-06-10T09:10:00+08:00'
    cs_last_monitoring_record_at: '2026-06-10T09:29:00+08:00'
    cs_ventilated: true
    cs_o2_percent: 20.7
    cs_o2_enriched: false
    cs_h2s_mg_m3: 0
scenarios:
`;

function packWith(scenarios: string): string {
  const cwd = tempDir();
  cpSync(join(REPO, 'checklists', 'hazardous-work'), join(cwd, 'hw'), { recursive: true });
  rmSync(join(cwd, 'hw', 'tests'), { recursive: true });
  mkdirSync(join(cwd, 'hw', 'tests'));
  writeFileSync(join(cwd, 'hw', 'tests', 'cs.yaml'), BASE + scenarios);
  return cwd;
}

const EXACTLY_2H = `- name: exactly 2 h, expected to fire
  findings: { cs_last_monitoring_record_at: '2026-06-10T09:30:00+08:00' }
  expect:
    hazards:
    - { rule: HW-024-H1, level: general }
`;

/** A copy of a real pack with one scenario file, mutated from one of its own. */
function realPack(pack: string, file: string, mutate: (text: string) => string): string {
  const cwd = tempDir();
  cpSync(join(REPO, 'checklists', pack), join(cwd, pack), { recursive: true });
  const text = readFileSync(join(REPO, 'checklists', pack, 'tests', file), 'utf8');
  rmSync(join(cwd, pack, 'tests'), { recursive: true });
  mkdirSync(join(cwd, pack, 'tests'));
  const mutated = mutate(text);
  expect(mutated).not.toBe(text);
  writeFileSync(join(cwd, pack, 'tests', file), mutated);
  return cwd;
}

describe('anjian test: why an expectation failed', () => {
  it('an expected hazard that did not fire names the false condition with the recorded value and the threshold (text and github, both languages)', async () => {
    const cwd = packWith(EXACTLY_2H);
    const en = await runCli(['test', 'hw', '--lang', 'en'], { cwd });
    expect(en.code).toBe(1);
    expect(en.out).toContain(
      '    hw/tests/cs.yaml:25:7  rule HW-024-H1 should fire (general) but did not: Time of the latest gas-monitoring record during the work: 2026-06-10 09:30, within 120 minutes before the inspection (the rule needs cs_last_monitoring_record_at olderThanMinutes 120)\n',
    );
    const zh = await runCli(['test', 'hw', '--lang', 'zh-CN'], { cwd });
    expect(zh.out).toContain(
      '隐患规则 HW-024-H1 应触发（general），但未触发：作业中最近一次气体监测记录时间：2026-06-10 09:30，在检查前 120 分钟之内（规则要求 cs_last_monitoring_record_at olderThanMinutes 120）\n',
    );
    const gh = await runCli(['test', 'hw', '--format', 'github'], { cwd });
    expect(gh.out).toBe(
      '::error file=hw/tests/cs.yaml,line=25,col=7,title=SCENARIO_FAILED::scenario "exactly 2 h, expected to fire": rule HW-024-H1 should fire (general) but did not: Time of the latest gas-monitoring record during the work: 2026-06-10 09:30, within 120 minutes before the inspection (the rule needs cs_last_monitoring_record_at olderThanMinutes 120)\n0 passed, 1 failed\n',
    );
    const json = JSON.parse((await runCli(['test', 'hw', '--format', 'json'], { cwd })).out) as { packs: { run: { results: { failures: { because?: { en: string } }[] }[] } }[] };
    expect(json.packs[0]!.run.results[0]!.failures[0]!.because?.en).toMatch(/^Time of the latest gas-monitoring record during the work: 2026-06-10 09:30, within 120 minutes/);
  });

  it('the item did not apply (which condition of its when); every false branch of an any; a hazard that fired unexpectedly shows what made it fire', async () => {
    const cwd = packWith(`- name: no gas analysis
  findings: { gas_analysis_done: false, gas_analysis_at: null }
  expect:
    items: { HW-024: hazard }
    hazards:
    - { rule: HW-024-H1, level: general }
    - { rule: HW-006-H1, level: general }
- name: other unit, after May
  premises: other_unit
  findings: {}
  expect:
    hazards:
    - { rule: HW-024-H1, level: general }
    - { rule: HW-024-H2, level: general }
- name: unexpected
  findings: {}
  expect:
    absent: [HW-024-H1]
`);
    const en = await runCli(['test', 'hw', '--lang', 'en'], { cwd });
    expect(en.out).toContain(
      'hw/tests/cs.yaml:24:22  item HW-024: expected hazard, got not_applicable: the when of item HW-024 does not hold: Gas analysis was done before the work: no (the rule needs gas_analysis_done = true)\n',
    );
    expect(en.out).toContain(
      'hw/tests/cs.yaml:26:7  rule HW-024-H1 should fire (general) but did not: the rule was not evaluated: the when of item HW-024 does not hold: Gas analysis was done before the work: no (the rule needs gas_analysis_done = true)\n',
    );
    expect(en.out).toContain(
      'hw/tests/cs.yaml:33:7  rule HW-024-H1 should fire (general) but did not: Premises kind: Other unit, not “Chemical or hazardous-chemical enterprise” (the rule needs $premises = "chemical"); Inspection time: 2026-06-10 11:30, after 2026-04-30 23:59:59 (the rule needs not $inspectedAt after "2026-04-30T23:59:59+08:00")\n',
    );
    expect(en.out).toContain(
      'hw/tests/cs.yaml:38:14  rule HW-024-H1 should not fire but did: More than 2 hours without a gas-monitoring record during confined-space work. Premises kind: Chemical or hazardous-chemical enterprise; Time of the latest gas-monitoring record during the work: 2026-06-10 09:29, more than 120 minutes before the inspection.\n',
    );
    const zh = await runCli(['test', 'hw', '--lang', 'zh-CN', '--format', 'github'], { cwd });
    expect(zh.out).toContain(
      '::场景“no gas analysis”：隐患规则 HW-024-H1 应触发（general），但未触发：规则未求值，检查项 HW-024 的适用条件（when）不成立：作业前进行了气体分析：否（规则要求 gas_analysis_done = true）\n',
    );
    expect(zh.out).toContain('::场景“unexpected”：隐患规则 HW-024-H1 不应触发，但触发了：受限空间作业超过 2 小时未记录气体监测数据。');
  });

  it('a hazard that fired but is not expected: its explanation', async () => {
    const cwd = packWith(`- name: nothing expected
  findings: {}
  expect:
    hazards: []
`);
    const gh = await runCli(['test', 'hw', '--format', 'github'], { cwd });
    expect(gh.out).toContain(
      'rule HW-024-H1 (general) fired but is not among the expected hazards: More than 2 hours without a gas-monitoring record during confined-space work. Premises kind: Chemical or hazardous-chemical enterprise; Time of the latest gas-monitoring record during the work: 2026-06-10 09:29, more than 120 minutes before the inspection.\n',
    );
  });

  it('an item outside its premises scope says which kinds it is for (real chemicals pack, a store scenario moved to a user)', async () => {
    const cwd = realPack('chemicals', 'hc-law.yaml', (text) => text.replace('  premises: hazchem_storage\n', '  premises: chemical_user\n'));
    const r = await runCli(['test', 'chemicals', '--format', 'github'], { cwd });
    expect(r.out).toMatch(
      /rule CHEM-HL13-H1 should fire \(general\) but did not: the rule was not evaluated: item CHEM-HL13 is for premises chemical_plant, hazchem_storage only; the scenario's is chemical_user\n/,
    );
    // the item's id and the Chinese after it are apart, as everywhere else
    const zh = await runCli(['test', 'chemicals', '--lang', 'zh-CN'], { cwd });
    expect(zh.out).toContain('规则未求值，检查项 CHEM-HL13 只适用于场所类型 chemical_plant、hazchem_storage，本场景为 chemical_user');
  });

  it('a composite that did not fire says how many of its rules fired (real fire pack)', async () => {
    const cwd = realPack('fire', 'direct-and-comprehensive.yaml', (text) =>
      text.replace(
        '    - {rule: FIRE-013-H1, level: simple, provisional: false}\n    absent: [FIRE-C1]\n',
        '    - {rule: FIRE-013-H1, level: simple, provisional: false}\n    - {rule: FIRE-C1, level: major}\n',
      ),
    );
    const r = await runCli(['test', 'fire', '--format', 'github'], { cwd });
    expect(r.out).toContain(
      'rule FIRE-C1 should fire (major) but did not: it needs at least 3 of FIRE-010-H2, FIRE-011-H1, FIRE-012-H1, FIRE-013-H2, FIRE-014-H1, FIRE-015-H1, FIRE-016-H1, FIRE-017-H1, FIRE-018-H1, FIRE-024-H1 to fire; 1 fired: FIRE-012-H1\n',
    );
  });

  it('an impossible date says the day does not exist (a finding, and inspectedAt)', async () => {
    const cwd = realPack('chemicals', 'hc-law.yaml', (text) =>
      text.replace("detector_last_calibrated: '2026-05-10'", "detector_last_calibrated: '2026-02-30'").replace("inspectedAt: '2026-06-20T10:00:00+08:00'", "inspectedAt: '2026-06-31T10:00:00+08:00'"),
    );
    const r = await runCli(['test', 'chemicals', '--format', 'github'], { cwd });
    expect(r.out).toContain('got the text "2026-02-30" (no such day: February 2026 has 28 days)');
    expect(r.out).toContain('BAD_INSPECTED_AT: inspectedAt "2026-06-31T10:00:00+08:00" names a day that does not exist: June 2026 has 30 days');
    const zh = await runCli(['test', 'chemicals', '--format', 'github', '--lang', 'zh-CN'], { cwd });
    expect(zh.out).toContain('收到：文本 "2026-02-30"（该日期不存在：2026 年 2 月只有 28 天）');
  });
});
