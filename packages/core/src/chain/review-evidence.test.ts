import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { computeEventHash } from './hash-event.js';
import { verifyChain } from './verify-chain.js';
import { evidence, reportCommand, testEvidenceRecord, treatmentPlan } from '../testing/chain-fixtures.js';
import type { AttachedEvidence, StoredEvent } from './types.js';

/** A general hazard of E1 in D1/G1, its notice issued and its rectification submitted; evidence staged by the tests themselves. */
async function submitted(hazardId: string) {
  const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
  const seed = (id: string, kind: 'photo_before' | 'photo_after' | 'photo_review' | 'document', uploaderId: string, boundTo: string | null = hazardId) =>
    h.evidence.seed(testEvidenceRecord({ id, kind }, uploaderId, boundTo, h.clock.now().toISOString()));
  await h.ok('grid-g1', reportCommand(hazardId));
  await h.ok('grid-g1', { type: 'issue_notice', hazardId });
  h.clock.advance(86_400_000);
  const rectification = [...evidence(hazardId, 'photo_before', 1), ...evidence(hazardId, 'photo_after', 2)];
  for (const ref of rectification) seed(ref.id, ref.kind, 'owner-e1');
  await h.ok('owner-e1', { type: 'submit_rectification', hazardId, evidence: rectification });
  h.clock.advance(3_600_000);
  return { h, seed };
}

describe("a reviewer's photos (photo_review) on verify, reject, spot_check and reopen", () => {
  it('a grid inspector verifies with the photos it took on site: the event records them as the store has them, the hazard counts them', async () => {
    const { h, seed } = await submitted('H-R1');
    seed('H-R1-review-1', 'photo_review', 'grid-g1');
    seed('H-R1-review-2', 'document', 'grid-g1');
    const [verified] = await h.ok('grid-g1', {
      type: 'verify',
      hazardId: 'H-R1',
      evidence: [
        { id: 'H-R1-review-1', kind: 'photo_review' },
        { id: 'H-R1-review-2', kind: 'document' },
      ],
    });
    const record = await h.evidence.get('H-R1-review-1');
    expect(verified?.type).toBe('verified');
    expect((verified?.data as { evidence: AttachedEvidence[] }).evidence).toEqual([
      { id: 'H-R1-review-1', kind: 'photo_review', sha256: record?.sha256, mime: 'image/jpeg', size: 1, receivedAt: record?.receivedAt },
      expect.objectContaining({ id: 'H-R1-review-2', kind: 'document', mime: 'application/pdf' }),
    ]);
    const state = await h.state('H-R1');
    expect(state.evidenceIds).toEqual(expect.arrayContaining(['H-R1-review-1', 'H-R1-review-2']));
    // The rectification's evidence stays the rectifier's: a reviewer's photo is not an "after" photo.
    expect(state.rectificationEvidence.map((e) => e.id)).not.toContain('H-R1-review-1');
    // Without photos the act is as before: no evidence field.
    const { h: h2 } = await submitted('H-R2');
    const [plain] = await h2.ok('grid-g1', { type: 'verify', hazardId: 'H-R2' });
    expect(plain?.data).not.toHaveProperty('evidence');
  });

  it("the same rules as every command's evidence: the reviewer's own upload, bound to this hazard, a photo an image, a kind of the review", async () => {
    const { h, seed } = await submitted('H-R3');
    seed('H-R3-owner', 'photo_review', 'owner-e1'); // the enterprise's upload
    seed('H-R3-other', 'photo_review', 'grid-g1', 'H-OTHER'); // bound to another hazard
    seed('H-R3-pdf', 'document', 'grid-g1'); // a PDF given as a photo
    seed('H-R3-ok', 'photo_review', 'grid-g1');
    const verify = (id: string, kind: 'photo_review' | 'photo_after' | 'photo_before' = 'photo_review') => ({ type: 'verify' as const, hazardId: 'H-R3', evidence: [{ id, kind }] });
    await h.refused('grid-g1', verify('H-R3-owner'), 'EVIDENCE_INVALID');
    await h.refused('grid-g1', verify('H-R3-other'), 'EVIDENCE_INVALID');
    await h.refused('grid-g1', verify('H-R3-missing'), 'EVIDENCE_INVALID');
    await h.refused('grid-g1', verify('H-R3-pdf'), 'EVIDENCE_INVALID');
    // A reviewer does not label its photo as the rectifier's "after" or the reporter's "before".
    await h.refused('grid-g1', verify('H-R3-ok', 'photo_after'), 'INVALID_COMMAND');
    await h.refused('grid-g1', verify('H-R3-ok', 'photo_before'), 'INVALID_COMMAND');
    // The enterprise's rectification takes no review photo.
    await h.refused('owner-e1', { type: 'submit_rectification', hazardId: 'H-R3', evidence: [{ id: 'H-R3-owner', kind: 'photo_review' }] }, 'INVALID_COMMAND');
    // 销号 carries no evidence: the site was seen at the review.
    await h.ok('grid-g1', verify('H-R3-ok'));
    await h.refused('grid-g1', { type: 'close', hazardId: 'H-R3', evidence: [{ id: 'H-R3-ok', kind: 'photo_review' }] } as never, 'INVALID_COMMAND');
  });

  it("the hazard's quota counts the reviewer's uploads", async () => {
    const { h, seed } = await submitted('H-R4');
    const refs = Array.from({ length: 58 }, (_, i) => ({ id: `H-R4-review-${i}`, kind: 'photo_review' as const }));
    for (const ref of refs) seed(ref.id, ref.kind, 'grid-g1');
    // 3 rectification uploads + 58 = 61 > 60.
    await h.refused('grid-g1', { type: 'reject', hazardId: 'H-R4', reason: { 'zh-CN': '未整改到位' }, evidence: refs }, 'EVIDENCE_INVALID');
    await h.ok('grid-g1', { type: 'reject', hazardId: 'H-R4', reason: { 'zh-CN': '未整改到位' }, evidence: refs.slice(0, 57) });
    expect((await h.state('H-R4')).evidenceIds).toHaveLength(60);
  });

  it('reject, spot_check and reopen record the photos too; an officer of the jurisdiction may send them, a grid inspector of another area may not act at all', async () => {
    const { h, seed } = await submitted('H-R5');
    seed('H-R5-reject', 'photo_review', 'grid-g1');
    seed('H-R5-g2', 'photo_review', 'grid-g2');
    await h.refused('grid-g2', { type: 'reject', hazardId: 'H-R5', reason: { 'zh-CN': '未整改' }, evidence: [{ id: 'H-R5-g2', kind: 'photo_review' }] }, 'FORBIDDEN');
    const [rejected] = await h.ok('grid-g1', { type: 'reject', hazardId: 'H-R5', reason: { 'zh-CN': '未整改' }, evidence: [{ id: 'H-R5-reject', kind: 'photo_review' }] });
    expect(rejected?.data).toMatchObject({ evidence: [{ id: 'H-R5-reject', kind: 'photo_review' }] });
    h.clock.advance(3_600_000);
    const again = [...evidence('H-R5b', 'photo_before', 1), ...evidence('H-R5b', 'photo_after', 2)];
    for (const ref of again) seed(ref.id, ref.kind, 'owner-e1');
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-R5', evidence: again });
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-R5' });
    await h.ok('grid-g1', { type: 'close', hazardId: 'H-R5' });
    h.clock.advance(60_000);
    seed('H-R5-spot', 'photo_review', 'officer-gas-d1');
    const [spot] = await h.ok('officer-gas-d1', { type: 'spot_check', hazardId: 'H-R5', result: 'pass', evidence: [{ id: 'H-R5-spot', kind: 'photo_review' }] });
    expect(spot?.data).toMatchObject({ result: 'pass', evidence: [{ id: 'H-R5-spot', kind: 'photo_review' }] });
    seed('H-R5-reopen', 'photo_review', 'grid-g1');
    const [reopened] = await h.ok('grid-g1', { type: 'reopen', hazardId: 'H-R5', reason: { 'zh-CN': '复发' }, evidence: [{ id: 'H-R5-reopen', kind: 'photo_review' }] });
    expect(reopened?.data).toMatchObject({ evidence: [{ id: 'H-R5-reopen', kind: 'photo_review' }] });
    expect((await h.state('H-R5')).evidenceIds).toEqual(expect.arrayContaining(['H-R5-reject', 'H-R5-spot', 'H-R5-reopen']));
  });

  it("a reviewer's photo was received after what it reviews: the latest submission (verify, reject), the closing (spot_check, reopen)", async () => {
    const { h, seed } = await submitted('H-R7');
    const located = async (actorId: string, command: Parameters<typeof h.send>[1]) => {
      const before = h.store.unsafeLog.length;
      const r = await h.send(actorId, command);
      expect(h.store.unsafeLog.length).toBe(before);
      return 'rejection' in r ? r.rejection : null;
    };
    // Uploaded (to this hazard, by the inspector) before the enterprise submitted, then sent as the review's photo.
    h.evidence.seed(testEvidenceRecord({ id: 'H-R7-early', kind: 'photo_review' }, 'grid-g1', 'H-R7', '2026-11-02T01:00:00.000Z'));
    seed('H-R7-now', 'photo_review', 'grid-g1');
    const early = [
      { id: 'H-R7-now', kind: 'photo_review' as const },
      { id: 'H-R7-early', kind: 'photo_review' as const },
    ];
    for (const command of [
      { type: 'verify' as const, hazardId: 'H-R7', evidence: early },
      { type: 'reject' as const, hazardId: 'H-R7', reason: { 'zh-CN': '未整改' }, evidence: early },
    ]) {
      const refusal = await located('grid-g1', command);
      expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' });
      expect(refusal?.message['zh-CN']).toContain('整改提交之后');
      expect(refusal?.message.en).toContain('after the rectification was submitted');
    }
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-R7', evidence: [early[0] as (typeof early)[0]] });
    await h.ok('grid-g1', { type: 'close', hazardId: 'H-R7' });
    // The photo of the verification (received before the closing) is not the spot check's nor the reopening's.
    const before = { id: 'H-R7-now', kind: 'photo_review' as const };
    for (const command of [
      { type: 'spot_check' as const, hazardId: 'H-R7', result: 'pass' as const, evidence: [before] },
      { type: 'reopen' as const, hazardId: 'H-R7', reason: { 'zh-CN': '复发' }, evidence: [before] },
    ]) {
      const refusal = await located('grid-g1', command);
      expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/0' });
      expect(refusal?.message.en).toContain('after the hazard was closed');
    }
    // Received at the closing's own instant is not after it; a minute later is.
    seed('H-R7-same', 'photo_review', 'grid-g1');
    expect(await located('grid-g1', { type: 'spot_check', hazardId: 'H-R7', result: 'pass', evidence: [{ id: 'H-R7-same', kind: 'photo_review' }] })).toMatchObject({ pointer: '/evidence/0' });
    h.clock.advance(60_000);
    seed('H-R7-spot', 'photo_review', 'grid-g1');
    await h.ok('grid-g1', { type: 'spot_check', hazardId: 'H-R7', result: 'pass', evidence: [{ id: 'H-R7-spot', kind: 'photo_review' }] });
  });

  it("a reviewer's upload serves one act: a spot check's photo is not a second spot check's nor the reopening's, a hazard's not another's", async () => {
    const { h, seed } = await submitted('H-R8');
    const located = async (actorId: string, command: Parameters<typeof h.send>[1]) => {
      const before = h.store.unsafeLog.length;
      const r = await h.send(actorId, command);
      expect(h.store.unsafeLog.length).toBe(before);
      return 'rejection' in r ? r.rejection : null;
    };
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-R8' });
    await h.ok('grid-g1', { type: 'close', hazardId: 'H-R8' });
    h.clock.advance(60_000);
    seed('H-R8-spot', 'photo_review', 'grid-g1');
    seed('H-R8-sheet', 'document', 'grid-g1');
    await h.ok('grid-g1', {
      type: 'spot_check',
      hazardId: 'H-R8',
      result: 'pass',
      evidence: [
        { id: 'H-R8-spot', kind: 'photo_review' },
        { id: 'H-R8-sheet', kind: 'document' },
      ],
    });
    // Received after the closing, so the time rule lets it through; it is the first spot check's, not this act's.
    h.clock.advance(60_000);
    seed('H-R8-new', 'photo_review', 'grid-g1');
    for (const command of [
      { type: 'spot_check' as const, hazardId: 'H-R8', result: 'pass' as const, evidence: [{ id: 'H-R8-spot', kind: 'photo_review' as const }] },
      {
        type: 'reopen' as const,
        hazardId: 'H-R8',
        reason: { 'zh-CN': '复发' },
        evidence: [
          { id: 'H-R8-new', kind: 'photo_review' as const },
          { id: 'H-R8-sheet', kind: 'document' as const },
        ],
      },
    ]) {
      const refusal = await located('grid-g1', command);
      const pointer = `/evidence/${command.evidence.length - 1}`;
      const reused = command.evidence[command.evidence.length - 1]?.id as string;
      expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer });
      expect(refusal?.message['zh-CN']).toContain(`${pointer}：证据 ${reused} 已用于该隐患的另一次记录`);
      expect(refusal?.message.en).toContain(`${pointer}: evidence ${reused} is already attached to another act on this hazard`);
    }
    await h.ok('grid-g1', { type: 'reopen', hazardId: 'H-R8', reason: { 'zh-CN': '复发' }, evidence: [{ id: 'H-R8-new', kind: 'photo_review' }] });
    // Another hazard: the upload is bound to H-R8 and serves no act of H-R9.
    const { h: h2, seed: seed2 } = await submitted('H-R9');
    seed2('H-R8-spot', 'photo_review', 'grid-g1', 'H-R8');
    await h2.refused('grid-g1', { type: 'verify', hazardId: 'H-R9', evidence: [{ id: 'H-R8-spot', kind: 'photo_review' }] }, 'EVIDENCE_INVALID');
  });

  it("the rule is on the content: the same bytes uploaded again under a new id are no review's evidence either", async () => {
    const { h } = await submitted('H-R10');
    const put = async (uploaderId: string, bytes: string) =>
      (await h.evidence.put({ bytes: new TextEncoder().encode(bytes), mime: 'image/jpeg', uploaderId, hazardId: 'H-R10', receivedAt: h.clock.now().toISOString() })).id;
    const located = async (command: Parameters<typeof h.send>[1]) => {
      const before = h.store.unsafeLog.length;
      const r = await h.send('grid-g1', command);
      expect(h.store.unsafeLog.length).toBe(before);
      return 'rejection' in r ? r.rejection : null;
    };
    // The enterprise's "after" photo, uploaded again by the inspector (a new id, received after the submission).
    const [afterPhoto] = (await h.state('H-R10')).rectificationEvidence.filter((e) => e.kind === 'photo_after');
    h.evidence.seed({ ...testEvidenceRecord({ id: 'H-R10-copy', kind: 'photo_review' }, 'grid-g1', 'H-R10', h.clock.now().toISOString()), sha256: afterPhoto?.sha256 as string });
    const fresh = await put('grid-g1', 'the inspector at the site');
    const refusal = await located({
      type: 'verify',
      hazardId: 'H-R10',
      evidence: [
        { id: fresh, kind: 'photo_review' },
        { id: 'H-R10-copy', kind: 'photo_review' },
      ],
    });
    expect(refusal).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' });
    expect(refusal?.message['zh-CN']).toContain('/evidence/1：证据 H-R10-copy 与该隐患另一次记录所附的文件内容相同');
    expect(refusal?.message.en).toContain('/evidence/1: evidence H-R10-copy has the same content as an upload another act on this hazard records');
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-R10', evidence: [{ id: fresh, kind: 'photo_review' }] });
    await h.ok('grid-g1', { type: 'close', hazardId: 'H-R10' });
    h.clock.advance(60_000);
    const spot = await put('grid-g1', 'the spot check');
    await h.ok('grid-g1', { type: 'spot_check', hazardId: 'H-R10', result: 'pass', evidence: [{ id: spot, kind: 'photo_review' }] });
    // The same bytes again: by the inspector a day later (the store no longer answers the first upload), by an officer at once.
    h.clock.advance(86_400_000);
    const again = await put('grid-g1', 'the spot check');
    expect(again).not.toBe(spot);
    expect(await located({ type: 'spot_check', hazardId: 'H-R10', result: 'pass', evidence: [{ id: again, kind: 'photo_review' }] })).toMatchObject({ pointer: '/evidence/0' });
    const officers = await h.evidence.put({
      bytes: new TextEncoder().encode('the spot check'),
      mime: 'image/jpeg',
      uploaderId: 'officer-gas-d1',
      hazardId: 'H-R10',
      receivedAt: h.clock.now().toISOString(),
    });
    const byOfficer = await h.send('officer-gas-d1', { type: 'spot_check', hazardId: 'H-R10', result: 'pass', evidence: [{ id: officers.id, kind: 'photo_review' }] });
    expect(byOfficer).toMatchObject({ rejection: { code: 'EVIDENCE_INVALID', pointer: '/evidence/0' } });
    await h.ok('grid-g1', { type: 'spot_check', hazardId: 'H-R10', result: 'pass', evidence: [{ id: await put('grid-g1', 'a second look'), kind: 'photo_review' }] });
    expect((await h.state('H-R10')).evidenceHashes).toHaveLength(6);
  });

  it('accept and lift_stop_work hold their evidence to the same rules: after the submission and the acceptance, one act only, the content too', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const co = { coOfficerId: 'officer2-gas-d1' };
    const note = { 'zh-CN': '验收合格', en: 'accepted' };
    const seed = (id: string, sha256?: string) => {
      const record = testEvidenceRecord({ id, kind: 'photo_review' }, 'officer-gas-d1', 'H-RM', h.clock.now().toISOString());
      h.evidence.seed(sha256 === undefined ? record : { ...record, sha256 });
    };
    const located = async (command: Parameters<typeof h.send>[1]) => {
      const before = h.store.unsafeLog.length;
      const r = await h.send('officer-gas-d1', command);
      expect(h.store.unsafeLog.length).toBe(before);
      return 'rejection' in r ? r.rejection : null;
    };
    await h.ok('grid-g1', reportCommand('H-RM', { level: 'major' }));
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: 'H-RM', ...co });
    await h.ok('officer-gas-d1', { type: 'order_stop_work', hazardId: 'H-RM', scope: 'whole', reason: { 'zh-CN': '停产整改' }, ...co });
    seed('H-RM-early');
    await h.ok('owner-e1', { type: 'submit_plan', hazardId: 'H-RM', plan: treatmentPlan('2026-12-31T00:00:00.000Z') });
    await h.ok('officer-gas-d1', { type: 'approve_plan', hazardId: 'H-RM' });
    h.clock.advance(86_400_000);
    const rectification = [...evidence('H-RM', 'photo_before', 1), ...evidence('H-RM', 'photo_after', 3), ...evidence('H-RM', 'document', 1)];
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-RM', evidence: rectification });
    h.clock.advance(3_600_000);
    seed('H-RM-accept');
    seed('H-RM-copy', testEvidenceRecord({ id: 'H-RM-photo_after-1', kind: 'photo_after' }, 'owner-e1', 'H-RM', h.clock.now().toISOString()).sha256);
    const accept = (...ids: string[]) => ({ type: 'accept' as const, hazardId: 'H-RM', note, ...co, evidence: ids.map((id) => ({ id, kind: 'photo_review' as const })) });
    // Received before the rectification was submitted: not what the acceptance saw.
    const early = await located(accept('H-RM-accept', 'H-RM-early'));
    expect(early).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' });
    expect(early?.message.en).toContain('after the rectification was submitted');
    // The enterprise's photo, re-uploaded: its content is already on record.
    expect(await located(accept('H-RM-accept', 'H-RM-copy'))).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/1' });
    await h.ok('officer-gas-d1', accept('H-RM-accept'));
    const lift = (id: string) => ({ type: 'lift_stop_work' as const, hazardId: 'H-RM', note: { 'zh-CN': '恢复生产' }, ...co, evidence: [{ id, kind: 'photo_review' as const }] });
    // Received at the acceptance's own instant is not after it: not what the lifting saw (nor is the acceptance's own photo).
    seed('H-RM-same');
    for (const id of ['H-RM-same', 'H-RM-accept']) {
      const same = await located(lift(id));
      expect(same).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/0' });
      expect(same?.message['zh-CN']).toContain('验收之后');
      expect(same?.message.en).toContain('after the hazard was accepted');
    }
    // The acceptance's photo uploaded again after it: its content serves the acceptance only.
    h.clock.advance(60_000);
    seed('H-RM-again', testEvidenceRecord({ id: 'H-RM-accept', kind: 'photo_review' }, 'officer-gas-d1', 'H-RM', h.clock.now().toISOString()).sha256);
    const again = await located(lift('H-RM-again'));
    expect(again).toMatchObject({ code: 'EVIDENCE_INVALID', pointer: '/evidence/0' });
    expect(again?.message.en).toContain('has the same content as an upload another act on this hazard records');
    seed('H-RM-lift');
    const [lifted] = await h.ok('officer-gas-d1', lift('H-RM-lift'));
    expect(lifted?.data).toMatchObject({ evidence: [{ id: 'H-RM-lift', kind: 'photo_review' }] });
  });

  it("the hash chain covers the reviewer's evidence: a swapped file hash or a removed photo is detected", async () => {
    const { h, seed } = await submitted('H-R6');
    seed('H-R6-review', 'photo_review', 'grid-g1');
    await h.ok('grid-g1', { type: 'verify', hazardId: 'H-R6', evidence: [{ id: 'H-R6-review', kind: 'photo_review' }] });
    const log = await h.store.readLog(1, 10_000);
    expect(verifyChain(log).ok).toBe(true);
    const i = log.findIndex((e) => e.type === 'verified');
    const data = log[i]?.data as { evidence: AttachedEvidence[] };
    const swapped = { ...(log[i] as StoredEvent), data: { ...data, evidence: [{ ...data.evidence[0], sha256: '0'.repeat(64) }] } } as StoredEvent;
    const removed = { ...(log[i] as StoredEvent), data: { ...data, evidence: [] } } as StoredEvent;
    for (const forged of [swapped, removed]) {
      expect(verifyChain(log.map((e, j) => (j === i ? forged : e)))).toMatchObject({ ok: false, brokenAt: i, reason: 'HASH_MISMATCH' });
      expect(computeEventHash(forged)).not.toBe(log[i]?.hash);
    }
  });
});
