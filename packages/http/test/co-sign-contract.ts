import { describe, expect, it } from 'vitest';
import { CO_SIGN_POLICY } from '@anjian/core/internal';
import { createHarness } from './harness.js';

/** Every documented status of the co-sign code routes, and the 429 of guessing (called once, from contract.test.ts). */
export function defineCoSignContractTests(): void {
  describe('co-sign codes: every documented status', () => {
    it('POST /hazards/{id}/co-sign-codes and /enterprises/{id}/co-sign-codes: 201, 400, 401, 403, 404, 413, 422, 429 (too many live codes); a command guessing codes: 429', async () => {
      const h = await createHarness();
      const id = await h.seed('H-CS', 'officer-gas-d1', { level: 'major' });
      for (const [path, act] of [
        [`/hazards/${id}/co-sign-codes`, 'file_case'],
        ['/enterprises/E1/co-sign-codes', 'report'],
      ] as const) {
        const post = (actor: string | null, body: unknown) => h.call(actor, 'POST', path, { body });
        expect((await post('officer2-gas-d1', { act })).status).toBe(201);
        expect((await post('officer2-gas-d1', [])).status).toBe(400);
        expect((await post(null, { act })).status).toBe(401);
        expect((await post('grid-g1', { act })).status).toBe(403);
        expect((await post('officer2-gas-d1', { act, pad: 'x'.repeat(5000) })).status).toBe(413);
        expect((await post('officer2-gas-d1', { act: 'no_such_act' })).status).toBe(422);
      }
      expect((await h.call('officer2-gas-d1', 'POST', '/hazards/H-NONE/co-sign-codes', { body: { act: 'file_case' } })).status).toBe(404);
      // An officer holds at most CO_SIGN_POLICY.maxLiveCodes live codes (he holds two above): one more is 429 on both routes.
      for (let i = 0; i < (CO_SIGN_POLICY.maxLiveCodes - 2) / 2; i++) {
        const more = await h.seed(`H-CS-${i}`, 'officer-gas-d1', { level: 'major' });
        for (const act of ['file_case', 'issue_notice']) expect((await h.call('officer2-gas-d1', 'POST', `/hazards/${more}/co-sign-codes`, { body: { act } })).status).toBe(201);
      }
      expect((await h.call('officer2-gas-d1', 'POST', `/hazards/${id}/co-sign-codes`, { body: { act: 'issue_notice' } })).status).toBe(429);
      expect((await h.call('officer2-gas-d1', 'POST', '/enterprises/E2/co-sign-codes', { body: { act: 'report' } })).status).toBe(429);
      const wrong = { 'co-sign-code': '00000000' };
      const statuses: number[] = [];
      for (let i = 0; i <= CO_SIGN_POLICY.maxAttempts; i++) {
        statuses.push((await h.call('officer-gas-d1', 'POST', `/hazards/${id}/commands`, { body: { type: 'file_case' }, headers: { ...wrong, 'idempotency-key': `g-${i}` } })).status);
      }
      expect(statuses.at(-1)).toBe(429);
    });
  });
}
