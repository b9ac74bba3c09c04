// The decision states that the hearing the party asked for was held, or that the party withdrew its request (when the record says so).
import { describe, expect, it } from 'vitest';
import type { ChainEvent } from '@anjian/core';
import { chinaDate } from '../src/gather.js';
import { penaltyValues } from '../src/penalty-values.js';

const penalty = { article: 'work-safety-law-2021/102-refusal', kind: 'suspend_production' };
const event = (type: string, recordedAt: string, data: object) => ({ type, recordedAt, data }) as unknown as ChainEvent;
const notice = event('penalty_notified', '2026-11-02T01:00:00.000Z', { penalty, statementDeadline: '2026-11-05T15:59:59.999Z', hearingRight: true, hearingDeadline: '2026-11-07T15:59:59.999Z' });
const statement = event('statement_recorded', '2026-11-03T01:00:00.000Z', { statement: { 'zh-CN': '要求听证' }, hearingRequested: true });
const decided = event('penalty_decided', '2026-11-12T01:00:00.000Z', { penalty, statementHeard: true });

describe('penalty decision values', () => {
  it('name the hearing held after the statement, and only then', () => {
    const held = penaltyValues([notice, statement, event('hearing_held', '2026-11-10T01:00:00.000Z', { report: { 'zh-CN': '听证' } }), decided], chinaDate);
    expect(held['penalty.statement']).toBe('你单位于2026年11月3日提出陈述、申辩：要求听证。本机关对你单位提出的事实、理由和证据进行了复核。应你单位要求，本机关于2026年11月10日依法举行了听证。');
    expect(held['penalty.performance']).toBe('你单位应当自收到本决定书之日起停产停业整顿，经本机关审查同意后方可恢复生产经营。');
    expect(penaltyValues([notice, statement, decided], chinaDate)['penalty.statement']).not.toContain('举行了听证');
  });

  it('print the party’s own statement when it stated after an officer’s record of what it said', () => {
    const officers = event('statement_recorded', '2026-11-02T09:00:00.000Z', { statement: { 'zh-CN': '当事人口头表示无异议' }, hearingRequested: false });
    const values = penaltyValues([notice, officers, statement, decided], chinaDate);
    expect(values['penalty.statement']).toContain('你单位于2026年11月3日提出陈述、申辩：要求听证。');
    expect(values['penalty.statement']).not.toContain('口头表示无异议');
  });

  it('name the withdrawal of the hearing request when the party withdrew it, and hold no hearing', () => {
    const withdrawn = penaltyValues([notice, statement, event('hearing_withdrawn', '2026-11-06T01:00:00.000Z', { reason: { 'zh-CN': '书面撤回' } }), decided], chinaDate);
    expect(withdrawn['penalty.statement']).toBe('你单位于2026年11月3日提出陈述、申辩：要求听证。本机关对你单位提出的事实、理由和证据进行了复核。你单位于2026年11月6日撤回了听证要求。');
    expect(penaltyValues([notice, statement, decided], chinaDate)['penalty.statement']).not.toContain('撤回');
  });
});
