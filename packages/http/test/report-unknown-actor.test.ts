import { describe, expect, it } from 'vitest';
import { UNKNOWN_ACTOR_DETAIL } from '../src/index.js';
import { createHarness, noAlarmInspection } from './harness.js';

// A host's user the directory does not know reported an inspection: the GET routes told him what
// to do (ask an administrator to register the account), POST /inspections?report=true only
// "unknown actor". The report answers the same problem, in both languages, and reports nothing.
describe('POST /inspections?report=true by an actor the directory does not know', () => {
  it('is 403 UNKNOWN_ACTOR with the advice a read gives, nothing reported', async () => {
    const h = await createHarness();
    for (const lang of ['zh-CN', 'en'] as const) {
      const r = await h.call('ghost', 'POST', '/inspections?report=true', { body: noAlarmInspection(), headers: { 'idempotency-key': `ghost-${lang}`, 'accept-language': lang } });
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'UNKNOWN_ACTOR', reason: 'UNKNOWN_ACTOR', title: lang === 'en' ? 'Report refused' : '上报被拒绝', detail: UNKNOWN_ACTOR_DETAIL[lang] });
      // The same words as a read by the same actor.
      expect((await h.call('ghost', 'GET', '/hazards', { headers: { 'accept-language': lang } })).body.detail).toBe(r.body.detail);
    }
    expect((await h.call('grid-g1', 'GET', '/hazards')).body.items).toEqual([]);
    // The test discriminates: the enterprise's own user reports the same inspection.
    const known = await h.call('owner-e1', 'POST', '/inspections?report=true', { body: noAlarmInspection(), headers: { 'idempotency-key': 'known' } });
    expect(known.status, JSON.stringify(known.body)).toBe(200);
    expect((await h.call('grid-g1', 'GET', '/hazards')).body.items).toHaveLength(1);
  });
});
