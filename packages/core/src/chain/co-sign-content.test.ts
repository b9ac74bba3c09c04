// Decision 010, update: a co-sign code binds what the second officer co-signs — a penalty's
// article, kind and fine, a stop order's scope, a level, and the hazard's facts as the system
// holds them — so the first officer cannot use it for another act's content.
import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import { CO_SIGN_POLICY, issueCoSignCode } from './co-sign-code.js';
import { canonicalJson } from './canonical-json.js';
import { coSignContentDifference, coSignContentDigest } from './co-sign-content.js';
import { handleCommand } from './handle-command.js';
import { sha256Hex } from './hash-event.js';
import { createMemoryCoSignCodeStore } from './memory-co-sign-code-store.js';
import type { ChainCommand } from './types.js';

const why = { 'zh-CN': '理由', en: 'reason' };
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine' as const, fineAmount });

/** A general hazard, escalated, with a case two officers filed: ready for a penalty notice. */
async function caseFiled(id: string) {
  const h = createHarness('2026-11-02T01:00:00Z');
  const codes = createMemoryCoSignCodeStore();
  h.deps.coSignCodes = codes;
  await h.ok('grid-g1', reportCommand(id, { level: 'general' }));
  await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: why });
  const issue = async (act: string, content?: unknown, officer = 'officer2-gas-d1') => issueCoSignCode(h.deps, officer, { act, subject: { hazardId: id }, content });
  let n = 0;
  const act = (command: Record<string, unknown>, coSignCode: string) =>
    handleCommand(h.deps, { commandId: `c-${++n}`, hazardId: id, ...command } as unknown as ChainCommand, 'officer-gas-d1', { coSignCode });
  const filing = await issue('file_case');
  if (!filing.ok) throw new Error(filing.rejection.message.en);
  const filed = await act({ type: 'file_case' }, filing.issued.code);
  if ('rejection' in filed) throw new Error(filed.rejection.message.en);
  return { h, codes, issue, act };
}

describe('co-sign content: a code binds what the second officer co-signs', () => {
  it('a penalty notice with the co-signed fine is accepted; the content came back to show him', async () => {
    const { h, issue, act } = await caseFiled('H-CC-1');
    const issued = await issue('notify_penalty', { penalty: fine(20_000) });
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    expect(issued.issued.content.penalty).toEqual(fine(20_000));
    expect(issued.issued.content.facts).toMatchObject({ enterpriseId: 'E1', level: 'general', domain: 'gas' });
    const r = await act({ type: 'notify_penalty', penalty: fine(20_000) }, issued.issued.code);
    expect('events' in r && r.events.map((e) => e.type)).toContain('penalty_notified');
    expect((await h.state('H-CC-1')).penalty?.notified.fineAmount).toBe(20_000);
  });

  it('a code co-signed for ¥20 000 used for ¥50 000 is refused at /penalty/fineAmount: nothing written, the code kept, the attempt counted', async () => {
    const { h, codes, issue, act } = await caseFiled('H-CC-2');
    const issued = await issue('notify_penalty', { penalty: fine(20_000) });
    if (!issued.ok) throw new Error(issued.rejection.message.en);
    const before = h.store.unsafeLog.length;
    const r = await act({ type: 'notify_penalty', penalty: fine(50_000) }, issued.issued.code);
    expect('rejection' in r && r.rejection.code).toBe('CO_SIGN_CONTENT_MISMATCH');
    expect('rejection' in r && r.rejection.pointer).toBe('/penalty/fineAmount');
    expect('rejection' in r && r.rejection.message['zh-CN']).toContain('与第二名执法人员确认的不同');
    expect('rejection' in r && r.rejection.message.en).toContain('/penalty/fineAmount is not what the second officer co-signed');
    expect(h.store.unsafeLog.length).toBe(before);
    // Another legal basis is refused at the article.
    const other = await act({ type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/101', kind: 'fine', fineAmount: 20_000 } }, issued.issued.code);
    expect('rejection' in other && [other.rejection.code, other.rejection.pointer]).toEqual(['CO_SIGN_CONTENT_MISMATCH', '/penalty/article']);
    // The code is not burnt: the act he co-signed still goes through with it.
    const right = await act({ type: 'notify_penalty', penalty: fine(20_000) }, issued.issued.code);
    expect('events' in right).toBe(true);
    // Both mismatches counted as attempts (the accepted one is forgotten): 2 + this one.
    expect(await codes.countAttempt(`co-sign\nofficer-gas-d1`, h.clock.now().toISOString(), CO_SIGN_POLICY.windowMs)).toBe(3);
  });

  it('a file_case code binds the hazard’s facts: after a reclassification it no longer confirms the filing', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    h.deps.coSignCodes = createMemoryCoSignCodeStore();
    await h.ok('grid-g1', reportCommand('H-CC-3', { level: 'general' }));
    await h.ok('grid-g1', { type: 'escalate', hazardId: 'H-CC-3', reason: why });
    const issued = await issueCoSignCode(h.deps, 'officer2-gas-d1', { act: 'file_case', subject: { hazardId: 'H-CC-3' } });
    if (!issued.ok) throw new Error(issued.rejection.message.en);
    expect(issued.issued.content).toEqual({ facts: expect.objectContaining({ level: 'general', title: expect.anything() }) });
    await h.ok('officer3-gas-d1', { type: 'reclassify', hazardId: 'H-CC-3', level: 'major', reason: why, coOfficerId: 'officer-gas-d1' });
    const r = await handleCommand(h.deps, { commandId: 'fc', hazardId: 'H-CC-3', type: 'file_case' } as ChainCommand, 'officer-gas-d1', { coSignCode: issued.issued.code });
    expect('rejection' in r && r.rejection.code).toBe('CO_SIGN_CONTENT_MISMATCH');
    expect('rejection' in r && r.rejection.message.en).toContain('/facts/level');
  });

  it('the content is required and checked as the command checks it; other acts bind none of their own', async () => {
    const { issue } = await caseFiled('H-CC-4');
    const missing = await issue('notify_penalty');
    expect(!missing.ok && [missing.rejection.code, missing.rejection.pointer]).toEqual(['INVALID_COMMAND', '/content']);
    const noAmount = await issue('notify_penalty', { penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 'many' } });
    expect(!noAmount.ok && noAmount.rejection.pointer).toBe('/content/penalty/fineAmount');
    const extra = await issue('notify_penalty', { penalty: fine(1), reason: why });
    expect(!extra.ok && extra.rejection.pointer).toBe('/content/reason');
    const noField = await issue('issue_notice', { note: why });
    expect(!noField.ok && noField.rejection.pointer).toBe('/content/note');
    const stop = await issue('order_stop_work', { scope: 'everything' });
    expect(!stop.ok && stop.rejection.pointer).toBe('/content/scope');
    // An unknown key is echoed quoted and cut, as every message echoes input (64 characters).
    const long = await issue('issue_notice', { [`k${'Q'.repeat(999)}`]: 1 });
    expect(!long.ok && long.rejection.message.en).toContain(`"k${'Q'.repeat(63)}…"`);
    expect(!long.ok && long.rejection.message['zh-CN']).not.toMatch(/Q{64}/);
  });

  it('the digest is SHA-256 of the canonical JSON; the difference names the first differing pointer', () => {
    const content = { penalty: fine(20_000), facts: { level: 'general' } };
    expect(coSignContentDigest(content)).toBe(sha256Hex(canonicalJson(content)));
    expect(coSignContentDigest({ b: 1, a: 2 })).toBe(coSignContentDigest({ a: 2, b: 1 }));
    expect(coSignContentDifference(content, { ...content })).toBeNull();
    expect(coSignContentDifference(content, { ...content, penalty: { ...fine(20_000), kind: 'warning' } })).toBe('/penalty/kind');
    expect(coSignContentDifference(content, { facts: content.facts })).toBe('/penalty');
  });
});
