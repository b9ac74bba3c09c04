import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import { CO_SIGN_POLICY, issueCoSignCode } from './co-sign-code.js';
import { handleCommand } from './handle-command.js';
import { createMemoryCoSignCodeStore } from './memory-co-sign-code-store.js';
import type { ChainCommand } from './types.js';

// 《行政处罚法》第四十二条: two officers, both present. The second officer confirms from his own
// session with a code he generates there; the first officer submits the act with it, and the
// server derives who co-signed from the code (the command names nobody).
async function setUp(id: string) {
  const h = createHarness('2026-11-02T01:00:00Z');
  const codes = createMemoryCoSignCodeStore();
  h.deps.coSignCodes = codes;
  await h.ok('grid-g1', reportCommand(id));
  const issue = async (officer: string, act: string, subject: { hazardId: string } | { enterpriseId: string } = { hazardId: id }) => {
    const r = await issueCoSignCode(h.deps, officer, { act, subject });
    if (!r.ok) throw new Error(`${officer} could not generate a code: ${r.rejection.message.en}`);
    return r.issued.code;
  };
  let n = 0;
  const act = (actor: string, command: { type: ChainCommand['type']; hazardId: string; commandId?: string; coOfficerId?: string }, coSignCode?: string) =>
    handleCommand(h.deps, { commandId: `c-${++n}`, ...command } as ChainCommand, actor, coSignCode === undefined ? {} : { coSignCode });
  return { h, codes, issue, act };
}

const codeOf = (r: Awaited<ReturnType<typeof handleCommand>>) => ('rejection' in r ? r.rejection.code : 'accepted');

describe('co-sign codes: the second officer confirms from his own session', () => {
  it('a code the second officer generated files the case; both officers are recorded, derived from the code', async () => {
    const { h, issue, act } = await setUp('H-CS-1');
    const code = await issue('officer2-gas-d1', 'file_case');
    expect(code).toMatch(/^\d{8}$/);
    const r = await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-1' }, code);
    expect(codeOf(r)).toBe('accepted');
    const filed = 'events' in r ? r.events.find((e) => e.type === 'case_filed') : undefined;
    expect((filed?.data as unknown as { officers: { id: string }[] }).officers.map((o) => o.id)).toEqual(['officer-gas-d1', 'officer2-gas-d1']);
    expect((await h.state('H-CS-1')).status).toBe('case_filed');
  });

  it('is single use: the same code on a second act is refused, and a retry of the accepted act replays', async () => {
    const { h, issue, act } = await setUp('H-CS-2');
    const code = await issue('officer2-gas-d1', 'file_case');
    const command = { type: 'file_case' as const, hazardId: 'H-CS-2', commandId: 'k-1' };
    expect(codeOf(await act('officer-gas-d1', command, code))).toBe('accepted');
    const replay = await act('officer-gas-d1', command, code);
    expect('replayed' in replay && replay.replayed).toBe(true);
    const before = h.store.unsafeLog.length;
    const again = await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-2' }, code);
    expect(codeOf(again)).toBe('CO_SIGN_CODE_INVALID');
    expect(h.store.unsafeLog.length).toBe(before);
  });

  it('is refused when expired, for another hazard, for another act, the actor’s own, or absent — with a message in both languages, nothing written', async () => {
    const { h, issue, act } = await setUp('H-CS-3');
    await h.ok('grid-g1', reportCommand('H-CS-3b'));
    const before = h.store.unsafeLog.length;
    const expired = await issue('officer2-gas-d1', 'file_case');
    h.clock.advance(CO_SIGN_POLICY.ttlMs + 1);
    const r1 = await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-3' }, expired);
    expect(codeOf(r1)).toBe('CO_SIGN_CODE_INVALID');
    const message = 'rejection' in r1 ? r1.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain('确认码');
    expect(message.en).toContain('generate a new one');
    const other = await issue('officer2-gas-d1', 'file_case', { hazardId: 'H-CS-3b' });
    expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-3' }, other))).toBe('CO_SIGN_CODE_INVALID');
    const otherAct = await issue('officer2-gas-d1', 'issue_notice');
    expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-3' }, otherAct))).toBe('CO_SIGN_CODE_INVALID');
    const own = await issue('officer-gas-d1', 'file_case');
    const r4 = await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-3' }, own);
    expect(codeOf(r4)).toBe('CO_SIGN_CODE_INVALID');
    expect('rejection' in r4 && r4.rejection.message.en).toContain('your own');
    // Naming a colleague without his code is still refused.
    expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-3', coOfficerId: 'officer2-gas-d1' }))).toBe('SEPARATION_OF_DUTIES');
    // A code of one officer does not let the command name another.
    const his = await issue('officer2-gas-d1', 'file_case');
    expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-3', coOfficerId: 'officer3-gas-d1' }, his))).toBe('SEPARATION_OF_DUTIES');
    expect(h.store.unsafeLog.length).toBe(before);
  });

  it('an act refused for another reason keeps the code; generating again withdraws the earlier one', async () => {
    const { issue, act } = await setUp('H-CS-4');
    const first = await issue('officer2-gas-d1', 'file_case');
    const second = await issue('officer2-gas-d1', 'file_case');
    expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-4' }, first))).toBe('CO_SIGN_CODE_INVALID');
    // A grid inspector may not file a case: refused by the permission table, the code stays usable.
    expect(codeOf(await act('grid-g1', { type: 'file_case', hazardId: 'H-CS-4' }, second))).toBe('FORBIDDEN');
    expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-4' }, second))).toBe('accepted');
  });

  it('guessing is limited: after the limit even the right code is refused (CO_SIGN_CODE_LIMITED) until the window passes; parallel guesses are all counted', async () => {
    const { issue, act } = await setUp('H-CS-5');
    const code = await issue('officer2-gas-d1', 'file_case');
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const guesses = await Promise.all(Array.from({ length: 20 }, () => act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-5' }, wrong)));
    const counts = guesses.map(codeOf);
    expect(counts.filter((c) => c === 'CO_SIGN_CODE_INVALID').length).toBe(CO_SIGN_POLICY.maxAttempts);
    expect(counts.filter((c) => c === 'CO_SIGN_CODE_LIMITED').length).toBe(20 - CO_SIGN_POLICY.maxAttempts);
    const limited = await act('officer-gas-d1', { type: 'file_case', hazardId: 'H-CS-5' }, code);
    expect(codeOf(limited)).toBe('CO_SIGN_CODE_LIMITED');
    expect('rejection' in limited && limited.rejection.message['zh-CN']).toContain('分钟');
  });

  it('successful uses do not count against the officer', async () => {
    const { h, issue, act } = await setUp('H-CS-6');
    for (let i = 0; i < CO_SIGN_POLICY.maxAttempts + 2; i++) {
      const id = `H-CS-6-${i}`;
      await h.ok('grid-g1', reportCommand(id));
      expect(codeOf(await act('officer-gas-d1', { type: 'file_case', hazardId: id }, await issue('officer2-gas-d1', 'file_case', { hazardId: id })))).toBe('accepted');
    }
  });

  it('only an enforcement officer with jurisdiction and a certificate generates a code; no store refuses (fail closed)', async () => {
    const { h } = await setUp('H-CS-7');
    for (const actor of ['grid-g1', 'officer-gas-d2', 'officer-fire-d1', 'owner-e1']) {
      const r = await issueCoSignCode(h.deps, actor, { act: 'file_case', subject: { hazardId: 'H-CS-7' } });
      expect(r.ok ? 'issued' : r.rejection.code).toBe('FORBIDDEN');
    }
    const unknownAct = await issueCoSignCode(h.deps, 'officer2-gas-d1', { act: 'submit_rectification', subject: { hazardId: 'H-CS-7' } });
    expect(!unknownAct.ok && unknownAct.rejection.pointer).toBe('/act');
    const none = await issueCoSignCode(h.deps, 'officer2-gas-d1', { act: 'file_case', subject: { hazardId: 'H-NONE' } });
    expect(none.ok ? 'issued' : none.rejection.code).toBe('HAZARD_NOT_FOUND');
    const code = await issueCoSignCode(h.deps, 'officer2-gas-d1', { act: 'file_case', subject: { hazardId: 'H-CS-7' } });
    delete h.deps.coSignCodes;
    const noStore = await handleCommand(h.deps, { commandId: 'ns', type: 'file_case', hazardId: 'H-CS-7' } as ChainCommand, 'officer-gas-d1', { coSignCode: code.ok ? code.issued.code : '' });
    expect(codeOf(noStore)).toBe('CO_SIGN_CODE_INVALID');
    expect((await issueCoSignCode(h.deps, 'officer2-gas-d1', { act: 'file_case', subject: { hazardId: 'H-CS-7' } })).ok).toBe(false);
  });

  it('keeps only a salted hash of the code', async () => {
    const { codes, issue } = await setUp('H-CS-8');
    const code = await issue('officer2-gas-d1', 'file_case');
    const live = await codes.live('hazard:H-CS-8', 'file_case', '2026-11-02T01:00:00.000Z');
    expect(live).toHaveLength(1);
    expect(JSON.stringify(live)).not.toContain(code);
  });
});
