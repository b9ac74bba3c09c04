import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import { CO_SIGN_POLICY, issueCoSignCode } from './co-sign-code.js';
import { handleCommand } from './handle-command.js';
import { createMemoryCoSignCodeStore } from './memory-co-sign-code-store.js';
import type { ChainCommand } from './types.js';

// An officer cannot make codes without limit (docs/security.md T73): at most
// CO_SIGN_POLICY.maxLiveCodes unused, unexpired codes at once; one more is refused, saying when a
// place frees — a code he may already have read out to a colleague is never silently replaced.
describe('co-sign codes: an officer holds a bounded number of live codes', () => {
  it('one more than maxLiveCodes is CO_SIGN_CODE_LIMITED with when the earliest lapses, nothing kept; regenerating, a use or the expiry frees a place', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const codes = createMemoryCoSignCodeStore();
    h.deps.coSignCodes = codes;
    const max = CO_SIGN_POLICY.maxLiveCodes;
    expect(max).toBe(10);
    const hazards = Array.from({ length: max / 2 + 1 }, (_, i) => `H-BOUND-${i}`);
    for (const id of hazards) await h.ok('grid-g1', reportCommand(id));
    const subjects = hazards.flatMap((hazardId) => ['file_case', 'issue_notice'].map((act) => ({ act, subject: { hazardId } })));
    const issued: string[] = [];
    const firstAt = h.clock.now().toISOString();
    for (const s of subjects.slice(0, max)) {
      const r = await issueCoSignCode(h.deps, 'officer2-gas-d1', s);
      expect(r.ok).toBe(true);
      if (r.ok) issued.push(r.issued.code);
      h.clock.advance(1000);
    }
    const extra = subjects[max] as { act: string; subject: { hazardId: string } };
    const refused = await issueCoSignCode(h.deps, 'officer2-gas-d1', extra);
    expect(refused.ok ? 'issued' : refused.rejection.code).toBe('CO_SIGN_CODE_LIMITED');
    const lapses = new Date(Date.parse(firstAt) + CO_SIGN_POLICY.ttlMs).toISOString();
    expect(refused.ok ? null : refused.rejection.message).toEqual({
      'zh-CN': expect.stringContaining(`北京时间 09:05:00（约 290 秒后，${lapses}）失效`),
      en: expect.stringContaining(`the earliest lapses at 09:05:00 China time (in about 290 s, ${lapses})`),
    });
    expect(await codes.live(`hazard:${extra.subject.hazardId}`, extra.act, h.clock.now().toISOString())).toEqual([]);
    // Another officer is not limited by his colleague's codes.
    expect((await issueCoSignCode(h.deps, 'officer-gas-d1', extra)).ok).toBe(true);
    // Generating again for a hazard and act he holds a code for replaces it: not limited.
    expect((await issueCoSignCode(h.deps, 'officer2-gas-d1', subjects[1] as (typeof subjects)[number])).ok).toBe(true);
    // A colleague uses his first code: a place frees at once.
    const first = subjects[0] as { act: string; subject: { hazardId: string } };
    const used = await handleCommand(h.deps, { commandId: 'c-bound-1', type: first.act, hazardId: first.subject.hazardId } as ChainCommand, 'officer-gas-d1', { coSignCode: issued[0] as string });
    expect('rejection' in used ? used.rejection.code : 'accepted').toBe('accepted');
    expect((await issueCoSignCode(h.deps, 'officer2-gas-d1', extra)).ok).toBe(true);
    // Full again; once the earliest live code lapses, one more is issued.
    const last = subjects[max + 1] as (typeof subjects)[number];
    const again = await issueCoSignCode(h.deps, 'officer2-gas-d1', last);
    expect(again.ok ? 'issued' : again.rejection.code).toBe('CO_SIGN_CODE_LIMITED');
    // The earliest live one is the third, issued 2 s after the first: lapsed at 5 min 2 s.
    h.clock.advance(CO_SIGN_POLICY.ttlMs - 8 * 1000);
    expect((await issueCoSignCode(h.deps, 'officer2-gas-d1', last)).ok).toBe(true);
  });
});
