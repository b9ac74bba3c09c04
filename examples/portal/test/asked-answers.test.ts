/**
 * What the inspection form sends (public/asked-answers.js, form.js's refresh): only answers to
 * questions the pack asks under the very answers sent — the server refuses any other
 * (422 NOT_APPLICABLE_ANSWER) — found by dropping, round after round, until nothing changes.
 * Questions that exclude each other through `not` made the form's earlier loop (which compared
 * counts of answers and stopped after 8 rounds) send answers to questions not asked.
 */
import { describe, expect, it } from 'vitest';
import { checkFindings, formModel, loadPack, type FindingValue, type Pack } from '@anjian/core';
import { askedAnswers } from '../public/asked-answers.js';

const NOT_PACK = `format: anjian/pack@1
id: not-pack
version: 0.1.0
domain: general
title: { zh-CN: 互斥, en: Exclusive }
description: { zh-CN: 测试, en: Test }
issuer: { zh-CN: 测试, en: Test }
premises:
  - { id: shop, label: { zh-CN: 店, en: Shop } }
regulations:
  - { id: law, title: { zh-CN: 法, en: Law }, number: "1", edition: "2021", status: current, confidence: verified }
facts:
  - { id: x, type: boolean, label: { zh-CN: X, en: X } }
  - { id: a, type: boolean, label: { zh-CN: A, en: A }, when: { not: { fact: b, operator: equal, value: true } } }
  - id: b
    type: boolean
    label: { zh-CN: B, en: B }
    when: { all: [{ fact: x, operator: equal, value: true }, { not: { fact: a, operator: equal, value: true } }] }
  - { id: late, type: boolean, label: { zh-CN: 新规, en: New rule }, required: true, when: { fact: $inspectedAt, operator: after, value: "2026-04-30T23:59:59+08:00" } }
sections:
  - id: s
    title: { zh-CN: 节, en: Section }
    items:
      - id: N-001
        title: { zh-CN: 项, en: Item }
        asks: [x, a, b, late]
        hazards:
          - id: N-001-H1
            title: { zh-CN: 隐患, en: Hazard }
            level: general
            when: { fact: x, operator: equal, value: false }
            basis: [{ regulation: law, clause: 第一条 }]
`;
const loaded = loadPack({ files: { 'pack.yaml': NOT_PACK } });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const pack: Pack = loaded.pack;

/** The errors the server's check (core's checkFindings) finds in what the form sends. */
const refused = (findings: Record<string, FindingValue>, inspectedAt: string) =>
  checkFindings(pack, { pack: pack.id, premises: 'shop', inspectedAt, findings })
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.code} ${i.pointer ?? ''}`);

describe('the answers the form sends', () => {
  it('x=true, b=true, x=false, a=true, x=true: the fields hold {x, a, b}; it sends none the pack does not ask under what is sent', () => {
    const inspectedAt = '2026-06-01T10:00:00+08:00';
    // the fields after each step (an answer stays in its field when its question is hidden)
    const steps: Record<string, FindingValue>[] = [{ x: true }, { x: true, b: true }, { x: false, b: true }, { x: false, b: true, a: true }, { x: true, b: true, a: true }];
    for (const fields of steps) {
      const { model, answers } = askedAnswers(formModel, pack, { premises: 'shop', inspectedAt }, { ...fields, late: true });
      const asked = new Set(model.questions.filter((q) => q.asked).map((q) => q.id));
      for (const id of Object.keys(answers)) expect(asked.has(id), `${JSON.stringify(fields)}: ${id}`).toBe(true);
      expect(refused(answers, inspectedAt), JSON.stringify(fields)).toEqual([]);
    }
    // the last step: a and b exclude each other, so neither answer is sent (and neither was asked with both)
    expect(askedAnswers(formModel, pack, { premises: 'shop', inspectedAt }, { x: true, a: true, b: true, late: true }).answers).toEqual({ x: true, late: true });
  });

  it('a question tied to the inspection time is asked by the time given, as the server asks it', () => {
    const before = askedAnswers(formModel, pack, { premises: 'shop', inspectedAt: '2026-04-01T10:00:00+08:00' }, { x: true, late: true });
    expect(before.answers).toEqual({ x: true });
    const after = askedAnswers(formModel, pack, { premises: 'shop', inspectedAt: '2026-06-01T10:00:00+08:00' }, { x: true });
    expect(after.model.questions.find((q) => q.id === 'late')).toMatchObject({ asked: true, required: true });
    expect(refused(after.answers, '2026-06-01T10:00:00+08:00')).toEqual(['REQUIRED_MISSING /findings/late']);
  });
});
