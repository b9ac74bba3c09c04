/**
 * A rectification a reviewer rejected (复查不合格) does not come back as a new one: the enterprise
 * that uploads the rejected "after" photos again (the same bytes, new ids) and submits them is
 * answered 422 EVIDENCE_INVALID with the issue at the photo's reference (`/evidence/N`), in 中文
 * and English, naming the rejection and its date — never a 500 — and nothing is recorded; new
 * photos of the current state are accepted, with the same "before" photo.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, FILE_BYTES, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const command = (actor: string, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.call(actor, 'POST', '/hazards/H-1/commands', { body, headers: { 'idempotency-key': key, ...headers } });

/** Uploads a JPEG whose bytes are fixed by `content` (the same content, the same bytes) as the enterprise; returns its id. */
async function photo(content: string): Promise<string> {
  const bytes = new Uint8Array([...FILE_BYTES['image/jpeg'], ...new TextEncoder().encode(content)]);
  const r = await h.call('owner-e1', 'POST', '/hazards/H-1/evidence', { body: bytes, headers: { 'content-type': 'image/jpeg' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

describe("POST /hazards/{id}/commands: the rejected rectification's photos submitted again", () => {
  it('422 EVIDENCE_INVALID at /evidence/N, both languages, naming the rejection; nothing recorded; new photos are accepted', async () => {
    await h.seed('H-1');
    expect((await command('grid-g1', 'notice', { type: 'issue_notice' })).status).toBe(200);
    h.clock.advance(86_400_000);
    const before = await photo('the kitchen as found');
    const evidence = [
      { id: before, kind: 'photo_before' },
      { id: await photo('the alarm, first try'), kind: 'photo_after' },
      { id: await photo('the alarm label, first try'), kind: 'photo_after' },
    ];
    expect((await command('owner-e1', 'submit-1', { type: 'submit_rectification', evidence })).status).toBe(200);
    h.clock.advance(3_600_000);
    const rejection = await command('grid-g1', 'reject-1', { type: 'reject', reason: { 'zh-CN': '报警器未通电', en: 'the alarm is not powered' } });
    expect(rejection.status).toBe(200);
    const rejectedAt = (await h.store.readEvents('H-1')).find((e) => e.type === 'rejected')?.recordedAt as string;
    // Told in the calendar's local time (UTC+8), to the minute.
    const when = `${new Date(Date.parse(rejectedAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC+08:00`;
    h.clock.advance(86_400_000);
    const events = (await h.store.readEvents('H-1')).length;

    // The same files uploaded again: new ids, the same bytes.
    const again = [
      { id: before, kind: 'photo_before' },
      { id: await photo('the alarm, first try'), kind: 'photo_after' },
      { id: await photo('the alarm label, first try'), kind: 'photo_after' },
    ];
    expect(again[1]?.id).not.toBe(evidence[1]?.id);
    for (const [lang, words] of [
      ['zh-CN', `已随 ${when} 被驳回（复查不合格）的整改提交过`],
      ['en', `was already submitted with the rectification rejected on ${when}`],
    ] as const) {
      const r = await command('owner-e1', `submit-again-${lang}`, { type: 'submit_rectification', evidence: again }, { 'accept-language': lang });
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body.code).toBe('EVIDENCE_INVALID');
      expect(r.body.issues).toEqual([expect.objectContaining({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' })]);
      expect(r.body.issues[0].message[lang]).toContain(words);
      expect(r.body.detail).toContain(words);
    }
    // The very uploads of the rejected submission: refused the same way.
    const same = await command('owner-e1', 'submit-same', { type: 'submit_rectification', evidence });
    expect(same.status).toBe(422);
    expect(same.body.issues).toEqual([expect.objectContaining({ pointer: '/evidence/1' })]);
    expect((await h.store.readEvents('H-1')).length).toBe(events);

    // New photos of the current state, with the same photo of the hazard as found.
    const fresh = [
      { id: before, kind: 'photo_before' },
      { id: await photo('the alarm, powered'), kind: 'photo_after' },
      { id: await photo('the alarm test, green light'), kind: 'photo_after' },
    ];
    expect((await command('owner-e1', 'submit-2', { type: 'submit_rectification', evidence: fresh })).status).toBe(200);
    const hazard = await h.call('owner-e1', 'GET', '/hazards/H-1');
    expect(hazard.status).toBe(200);
    expect(JSON.stringify(hazard.body)).toContain(rejectedAt);
  });
});
