/**
 * A void reason that breaks the audit (docs/security.md T68), replayed against the real demo
 * portal (a server process on a free port, SQLite in a temporary folder). The reason of a void
 * is hash-chained into the document trail and stored as text; a reason holding a lone UTF-16
 * surrogate was hashed as written but stored (UTF-8) as U+FFFD, so from then on every audit
 * reported the trail entry as edited — a false tamper alarm no one can clear (the trail is
 * append-only), by any officer a document names. The same reason could carry a bidi override,
 * which the public verification (`GET /api/documents/verify/{code}`) shows to anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal({ browser: false });
});
afterAll(async () => {
  await portal?.stop();
});

/** The seeded rectification notice (issued by the grid inspector): hazard, kind, number, code. */
async function seededNotice(): Promise<{ hazardId: string; path: string; code: string }> {
  const hazards = (await portal.api('grid-wang', 'GET', '/hazards?limit=200')).body.items as { hazardId: string }[];
  for (const h of hazards) {
    const items = (await portal.api('grid-wang', 'GET', `/hazards/${h.hazardId}/documents`)).body.items as
      { kind: string; year: number; seq: number; verificationCode: string; issuedBy: string }[] | undefined;
    const notice = items?.find((d) => d.kind === 'rectification_notice' && d.issuedBy === 'grid');
    if (notice) return { hazardId: h.hazardId, path: `/hazards/${h.hazardId}/documents/${notice.kind}/${notice.year}-${notice.seq}`, code: notice.verificationCode };
  }
  throw new Error('the seed issues no rectification notice');
}

const audit = async () => (await portal.api('admin-chen', 'GET', '/audit/verify')).body as { ok: boolean; problems: { code: string }[] };

describe('the reason of a void (T68)', () => {
  it('a lone surrogate, a bidi override, a C1 control or nothing visible: 422 at /reason, nothing voided, the audit still clean; a plain reason voids', async () => {
    const notice = await seededNotice();
    expect(await audit()).toMatchObject({ ok: true, problems: [] });
    for (const reason of ['录入错误\ud800', '录入错误\u202e误错入录', '录入\u0085错误', '\u200b\u3000', 'x'.repeat(501)]) {
      const r = await portal.api('grid-wang', 'POST', `${notice.path}/void`, { reason });
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], JSON.stringify(reason)).toEqual([422, 'SERVICE_INVALID', '/reason']);
      expect(r.body.issues[0].message.en.length, 'the issue says what is wrong').toBeGreaterThan(10);
      const verified = (await portal.api('officer-li', 'GET', `/documents/verify/${notice.code}`)).body;
      expect(verified.status, 'not voided').toBe('issued');
      expect(await audit()).toMatchObject({ ok: true, problems: [] });
    }
    const done = await portal.api('grid-wang', 'POST', `${notice.path}/void`, { reason: '  文号录入错误，重新出具  ' });
    expect([done.status, done.body.voided?.reason], JSON.stringify(done.body)).toEqual([200, '文号录入错误，重新出具']);
    expect((await portal.api('officer-li', 'GET', `/documents/verify/${notice.code}`)).body).toMatchObject({ status: 'voided', document: { voidReason: '文号录入错误，重新出具' } });
    expect(await audit()).toMatchObject({ ok: true, problems: [] });
  });
});
