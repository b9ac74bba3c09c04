import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { sha256Hex } from './hash-event.js';
import { evidence, reportCommand, testEvidenceRecord } from '../testing/chain-fixtures.js';
import type { EvidenceRef } from './types.js';

/** A recorded instant as the messages tell it: the test calendar's local time (UTC+8), to the minute. */
const local = (iso: string) => `${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC+08:00`;

const REASON = { 'zh-CN': '复查不合格：报警器未安装', en: 'not fixed: no alarm installed' };

/** A general hazard of E1 in D1/G1 with a report photo, its notice issued, a rectification submitted and rejected by the grid inspector. */
async function rejected(hazardId: string) {
  const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
  const seed = (ref: EvidenceRef, uploaderId: string, sha256?: string) => {
    const record = testEvidenceRecord(ref, uploaderId, hazardId, h.clock.now().toISOString());
    h.evidence.seed(sha256 === undefined ? record : { ...record, sha256 });
  };
  h.evidence.seed(testEvidenceRecord({ id: `${hazardId}-found`, kind: 'photo_before' }, 'grid-g1', null, h.clock.now().toISOString()));
  await h.ok('grid-g1', reportCommand(hazardId, { evidence: [{ id: `${hazardId}-found`, kind: 'photo_before' }] }));
  await h.ok('grid-g1', { type: 'issue_notice', hazardId });
  h.clock.advance(86_400_000);
  const first = [...evidence(hazardId, 'photo_before', 1), ...evidence(hazardId, 'photo_after', 2)];
  for (const ref of first) seed(ref, 'owner-e1');
  await h.ok('owner-e1', { type: 'submit_rectification', hazardId, evidence: first });
  h.clock.advance(3_600_000);
  const [rejection] = await h.ok('grid-g1', { type: 'reject', hazardId, reason: REASON });
  h.clock.advance(86_400_000);
  /** Sends as the enterprise, expects a refusal and no event; returns the refusal. */
  const refused = async (refs: readonly EvidenceRef[]) => {
    const before = h.store.unsafeLog.length;
    const r = await h.send('owner-e1', { type: 'submit_rectification', hazardId, evidence: [...refs] });
    expect(h.store.unsafeLog.length).toBe(before);
    return 'rejection' in r ? r.rejection : null;
  };
  return { h, seed, first, rejectedAt: rejection?.recordedAt as string, refused };
}

describe('a rejected rectification does not come back as a new one (the after photos of a submission are new bytes)', () => {
  it('the same uploads submitted again after the rejection are refused at their reference, naming the rejection and its date; nothing is recorded', async () => {
    const { first, rejectedAt, refused } = await rejected('H-RS1');
    const refusal = await refused(first);
    expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' });
    expect(refusal?.message['zh-CN']).toContain('/evidence/1：证据 H-RS1-photo_after-1');
    expect(refusal?.message['zh-CN']).toContain(`已随 ${local(rejectedAt)} 被驳回（复查不合格）的整改提交过`);
    expect(refusal?.message['zh-CN']).toContain('请拍摄并上传隐患现状的新照片');
    expect(refusal?.message.en).toContain('/evidence/1: evidence H-RS1-photo_after-1 was already submitted with the rectification rejected on');
    expect(refusal?.message.en).toContain(`rejected on ${local(rejectedAt)}: a rejected proof is no new proof`);
    expect(refusal?.message.en).toContain('a new photo of the current state');
  });

  it('the same bytes uploaded again under new ids are refused the same way: the rule is on the content', async () => {
    const { seed, first, rejectedAt, refused } = await rejected('H-RS2');
    // The enterprise uploads the rejected "after" photos again (new ids, received after the rejection, so after the notice too).
    const copies = first.filter((r) => r.kind === 'photo_after').map((r, i) => ({ id: `H-RS2-again-${i}`, kind: 'photo_after' as const, of: r.id }));
    for (const c of copies) seed(c, 'owner-e1', sha256Hex(c.of)); // the test store's stand-in for the bytes' hash
    seed({ id: 'H-RS2-new-1', kind: 'photo_after' }, 'owner-e1');
    const refusal = await refused([
      { id: 'H-RS2-photo_before-1', kind: 'photo_before' },
      { id: 'H-RS2-new-1', kind: 'photo_after' },
      { id: 'H-RS2-again-1', kind: 'photo_after' },
    ]);
    expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/2' });
    expect(refusal?.message.en).toContain(
      `(the same content, SHA-256 ${sha256Hex('H-RS2-photo_after-2').slice(0, 12)}…) was already submitted with the rectification rejected on ${local(rejectedAt)}`,
    );
  });

  it('the photo of the hazard as found (photo_before) may come again; new after photos are accepted and the rejection stays on record', async () => {
    const { h, seed, rejectedAt } = await rejected('H-RS3');
    const fresh = evidence('H-RS3-second', 'photo_after', 2);
    for (const ref of fresh) seed(ref, 'owner-e1');
    const [submitted] = await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-RS3', evidence: [{ id: 'H-RS3-photo_before-1', kind: 'photo_before' }, ...fresh] });
    expect(submitted?.type).toBe('rectification_submitted');
    const state = await h.state('H-RS3');
    expect(state.rectificationEvidence.map((e) => e.id)).toEqual(['H-RS3-photo_before-1', 'H-RS3-second-photo_after-1', 'H-RS3-second-photo_after-2']);
    expect(state.rejectedRectifications).toEqual([
      { submittedAt: '2026-11-03T01:00:00.000Z', rejectedAt, sha256: ['H-RS3-photo_before-1', 'H-RS3-photo_after-1', 'H-RS3-photo_after-2'].map(sha256Hex) },
    ]);
  });

  it("an after photo with the bytes of another act's upload (the report's photo, a reviewer's) is refused too, without a rejection to name", async () => {
    const { h, seed, refused } = await rejected('H-RS4');
    const found = sha256Hex('H-RS4-found');
    seed({ id: 'H-RS4-found-again', kind: 'photo_after' }, 'owner-e1', found);
    seed({ id: 'H-RS4-new-1', kind: 'photo_after' }, 'owner-e1');
    const refusal = await refused([
      { id: 'H-RS4-photo_before-1', kind: 'photo_before' },
      { id: 'H-RS4-found-again', kind: 'photo_after' },
      { id: 'H-RS4-new-1', kind: 'photo_after' },
    ]);
    expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' });
    expect(refusal?.message['zh-CN']).toContain('/evidence/1：证据 H-RS4-found-again 与该隐患此前一次记录所附的文件内容相同');
    expect(refusal?.message.en).toContain('/evidence/1: evidence H-RS4-found-again has the same content as an upload an earlier act on this hazard records');
    expect(refusal?.message.en).toContain('a new photo of the state after this rectification');
    // The report's photo as the photo of the hazard as found is what it is: accepted.
    seed({ id: 'H-RS4-new-2', kind: 'photo_after' }, 'owner-e1');
    h.evidence.seed({ ...testEvidenceRecord({ id: 'H-RS4-found-before', kind: 'photo_before' }, 'owner-e1', 'H-RS4', h.clock.now().toISOString()), sha256: found });
    await h.ok('owner-e1', {
      type: 'submit_rectification',
      hazardId: 'H-RS4',
      evidence: [
        { id: 'H-RS4-found-before', kind: 'photo_before' },
        { id: 'H-RS4-new-1', kind: 'photo_after' },
        { id: 'H-RS4-new-2', kind: 'photo_after' },
      ],
    });
  });

  it("after a reopening, the closed rectification's after photos are no proof of the new one (a simple hazard: no notice time to catch them)", async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-RS5', { level: 'simple' }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-RS5' });
    const photos = evidence('H-RS5', 'photo_after', 1);
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-RS5', evidence: photos });
    h.clock.advance(60_000);
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-RS5' });
    await h.ok('grid-g1', { type: 'close', hazardId: 'H-RS5' });
    h.clock.advance(60_000);
    await h.ok('grid-g1', { type: 'reopen', hazardId: 'H-RS5', reason: { 'zh-CN': '复发' } });
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-RS5' });
    const before = h.store.unsafeLog.length;
    const r = await h.send('owner-e1', { type: 'submit_rectification', hazardId: 'H-RS5', evidence: photos });
    expect(r).toMatchObject({ rejection: { code: 'EVIDENCE_INVALID', pointer: '/evidence/0' } });
    expect(h.store.unsafeLog.length).toBe(before);
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-RS5', evidence: evidence('H-RS5-again', 'photo_after', 1) });
  });
});
