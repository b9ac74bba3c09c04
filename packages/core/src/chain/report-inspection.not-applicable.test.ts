// Derived, not declared; fail closed: the pack decides which questions an inspection is asked
// (their `when`), so an answer to a question not asked — a metal-dust question in a wood-dust
// inspection — is refused at the trust boundary (NOT_APPLICABLE_ANSWER, an error of the findings
// check), located at the answer, saying which condition did not hold and which answer decides it;
// nothing is reported or recorded. Before, it was a warning and the hazard rules read the answer:
// a major hazard from a question that did not apply.
import { describe, expect, it } from 'vitest';
import { compilePack } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPack } from '../pack/load-pack.js';
import { runScenarios } from '../scenarios/run-scenarios.js';
import { createHarness } from './chain-harness.test-util.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { reportInspection } from './report-inspection.js';

// A rule that reads its question without repeating the question's `when` (an author may rely on the form).
const PACK = `
format: anjian/pack@1
id: dust-mini
version: 1.0.0
domain: dust_explosion
title: { zh-CN: 粉尘涉爆（测试）, en: Dust explosion (test) }
issuer: { zh-CN: 测试, en: Test }
premises:
  - { id: metal_dust, label: { zh-CN: 金属粉尘企业, en: Metal-dust enterprise } }
  - { id: wood_dust, label: { zh-CN: 木质粉尘企业, en: Wood-dust enterprise } }
regulations:
  - { id: mem-10, title: { zh-CN: 工贸企业粉尘防爆安全规定, en: Dust explosion prevention rules }, number: 应急管理部令第6号, edition: '2021', status: current, confidence: verified, determination: true }
facts:
  - id: dry_collection
    type: boolean
    required: true
    label: { zh-CN: 采用干式除尘, en: Dry dust collection used }
  - id: spark_detection
    type: boolean
    required: true
    label: { zh-CN: 金属粉尘干式除尘设有火花探测消除装置, en: Spark detection on the metal-dust dry collector }
    when:
      all:
        - { fact: $premises, operator: equal, value: metal_dust }
        - { fact: dry_collection, operator: equal, value: true }
  - id: new_law_register
    type: boolean
    label: { zh-CN: 建立新规要求的台账, en: Register the new rules require }
    when: { fact: $inspectedAt, operator: after, value: "2026-04-30T23:59:59+08:00" }
sections:
  - id: collection
    title: { zh-CN: 除尘系统, en: Dust collection }
    items:
      - id: D-1
        title: { zh-CN: 火花探测, en: Spark detection }
        asks: [dry_collection, spark_detection]
        hazards:
          - id: D-1-H1
            level: major
            title: { zh-CN: 干式除尘未设火花探测消除装置, en: No spark detection on the dry collector }
            when: { fact: spark_detection, operator: equal, value: false }
            basis: [{ regulation: mem-10, clause: 第十一条 }]
      - id: D-2
        title: { zh-CN: 台账, en: Register }
        asks: [new_law_register]
        hazards:
          - id: D-2-H1
            level: general
            title: { zh-CN: 未建立台账, en: No register }
            when: { fact: new_law_register, operator: equal, value: false }
            basis: [{ regulation: mem-10, clause: 第八条 }]
`;

const loaded = loadPack({ files: { 'pack.yaml': PACK } });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const pack = loaded.pack;
const dust = compilePack(pack);
const AT = '2026-11-02T09:00:00+08:00';
/** A wood-dust inspection that answers the metal-dust question (a hidden field a client kept). */
const wood: Inspection = { pack: 'dust-mini', premises: 'wood_dust', inspectedAt: AT, findings: { dry_collection: true, spark_detection: false } };

function setup() {
  const h = createHarness('2026-11-02T02:00:00Z', { stage: false });
  const inspections = createMemoryInspectionLog();
  return { h, deps: { ...h.deps, packs: new Map([[dust.pack.id, dust]]), inspections } };
}

describe('an answer to a question whose own when does not hold', () => {
  it('is an error of the findings check, at the answer, naming the condition, what was the case and the answer that decides it', () => {
    const [issue, ...rest] = dust.check(wood);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'NOT_APPLICABLE_ANSWER', severity: 'error', pointer: '/findings/spark_detection' });
    expect(issue!.message['zh-CN']).toBe(
      '本次检查不问“金属粉尘干式除尘设有火花探测消除装置”（spark_detection），却填写了答案：其适用条件 ($premises = "metal_dust" and dry_collection = true) 不成立（场所类型：木质粉尘企业，不是金属粉尘企业）',
    );
    expect(issue!.message.en).toBe(
      '"Spark detection on the metal-dust dry collector" (spark_detection) is not asked in this inspection but has an answer: its when ($premises = "metal_dust" and dry_collection = true) does not hold (Premises kind: Wood-dust enterprise, not “Metal-dust enterprise”)',
    );
    expect(issue!.hint).toEqual({
      'zh-CN': '删去这一答案（表单在此不问它）；若这一问题确实适用，请改正决定它是否适用的答案：场所类型（premises）',
      en: 'remove the answer (the form does not ask it here); if the question does apply, correct the answer that decides it: the premises kind (premises)',
    });
    // At a metal-dust enterprise without dry collection the deciding answer is dry_collection.
    const [wet] = dust.check({ ...wood, premises: 'metal_dust', findings: { dry_collection: false, spark_detection: false } });
    expect(wet?.message.en).toContain('does not hold (Dry dust collection used: no');
    expect(wet?.hint?.en).toMatch(/correct the answer that decides it: "Dry dust collection used" \(dry_collection\)$/);
    expect(wet?.hint?.['zh-CN']).toMatch(/：“采用干式除尘”（dry_collection）$/);
  });

  it('is refused when reported: nothing classified into the chain, no hazard, no inspection record', async () => {
    const { h, deps } = setup();
    // what the classifier alone makes of it (the library's evaluate reads what it is given): a major hazard
    expect(dust.evaluate(wood).hazards.map((f) => [f.rule, f.level])).toEqual([['D-1-H1', 'major']]);
    const r = await reportInspection(deps, { inspection: wood, packId: 'dust-mini', enterpriseId: 'E1', key: 'wood-1' }, 'grid-g1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.severity, i.pointer])).toEqual([['NOT_APPLICABLE_ANSWER', 'error', '/findings/spark_detection']]);
    expect(r.issues[0]!.message['zh-CN']).toContain('不成立');
    expect(r.issues[0]!.hint?.en).toContain('remove the answer');
    expect(h.store.unsafeLog).toEqual([]);
    expect(await deps.inspections.listInspections({ enterpriseId: 'E1', limit: 10 })).toEqual([]);
  });

  it('the same inspection without the answer is reported, and finds nothing', async () => {
    const { h, deps } = setup();
    const r = await reportInspection(deps, { inspection: { ...wood, findings: { dry_collection: true } }, packId: 'dust-mini', enterpriseId: 'E1', key: 'wood-2' }, 'grid-g1');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.reports).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.inspectionId).toBeDefined();
    expect(h.store.unsafeLog).toEqual([]);
  });

  it('judges what is asked at the time classified: without a claimed time, the server’s (a question of a law in force by then is asked)', async () => {
    const { deps } = setup();
    const { inspectedAt: _none, ...untimed } = wood;
    // Without a time the question is not asked (checkFindings says so) …
    expect(dust.check({ ...untimed, findings: { dry_collection: true, new_law_register: false } }).map((i) => i.code)).toEqual(['INSPECTED_AT_MISSING', 'NOT_APPLICABLE_ANSWER']);
    // … but a report is classified at the server's time (2026-11-02), when it is.
    const r = await reportInspection(
      deps,
      { inspection: { ...untimed, findings: { dry_collection: true, new_law_register: false } }, packId: 'dust-mini', enterpriseId: 'E1', key: 'untimed' },
      'grid-g1',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.reports.map((x) => [x.rule, x.ok])).toEqual([['D-2-H1', true]]);
    // and a claimed time before the law refuses that answer
    const before = await reportInspection(
      deps,
      { inspection: { ...wood, inspectedAt: '2026-04-20T09:00:00+08:00', findings: { dry_collection: true, new_law_register: false } }, packId: 'dust-mini', enterpriseId: 'E1', key: 'before' },
      'grid-g1',
    );
    expect(before.ok ? [] : before.issues.map((i) => [i.code, i.pointer, i.hint?.en?.endsWith('the inspection time (inspectedAt)')])).toEqual([
      ['NOT_APPLICABLE_ANSWER', '/findings/new_law_register', true],
    ]);
  });

  it('stays a warning at the answer in a scenario test (anjian test), which classifies the scenario as written', () => {
    const run = runScenarios(pack, dust.evaluate, [
      {
        file: 'tests/wood.yaml',
        content: {
          pack: 'dust-mini',
          scenarios: [{ name: 'wood', premises: 'wood_dust', inspectedAt: AT, findings: { dry_collection: true, spark_detection: false }, expect: { hazards: [{ rule: 'D-1-H1', level: 'major' }] } }],
        },
      },
    ]);
    const [result] = run.results;
    expect(result?.status).toBe('passed');
    expect(result?.warnings?.map((w) => [w.code, w.pointer])).toEqual([['NOT_APPLICABLE_ANSWER', '/scenarios/0/findings/spark_detection']]);
  });
});
