import { describe, expect, it } from 'vitest';
import { createHarness } from './chain-harness.test-util.js';
import { handleCommand } from './handle-command.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import type { EvidenceKind, EvidenceRef } from './types.js';

const HOUR = 3_600_000;

/** A harness without staging: evidence must be uploaded for real. */
async function general() {
  const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
  const upload = async (uploaderId: string, hazardId: string | null, kind: EvidenceKind, content: string, mime = kind === 'document' ? 'application/pdf' : 'image/jpeg'): Promise<EvidenceRef> => {
    const r = await h.evidence.put({ bytes: new TextEncoder().encode(content), mime, uploaderId, hazardId, receivedAt: h.clock.now().toISOString(), claimedTakenAt: '2031-01-01T00:00:00Z' });
    return { id: r.id, kind };
  };
  const before = await upload('grid-g1', null, 'photo_before', 'defect');
  await h.ok('grid-g1', reportCommand('H-1', { evidence: [before] }));
  h.clock.advance(HOUR);
  await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-1' });
  h.clock.advance(HOUR);
  const submit = (evidence: EvidenceRef[]) => ({ type: 'submit_rectification' as const, hazardId: 'H-1', evidence });
  return { h, upload, submit, before };
}

describe('evidence through handleCommand', () => {
  it('a report binds the reporter’s unbound uploads to the new hazard and records their hash and receipt time', async () => {
    const { h, before } = await general();
    expect((await h.evidence.get(before.id))?.hazardId).toBe('H-1');
    const [reported] = await h.store.readEvents('H-1');
    expect((reported?.data as { evidence: unknown }).evidence).toEqual([
      {
        id: before.id,
        kind: 'photo_before',
        sha256: (await h.evidence.get(before.id))?.sha256,
        mime: 'image/jpeg',
        size: 6,
        receivedAt: '2026-11-02T01:00:00.000Z',
        claimedTakenAt: '2031-01-01T00:00:00Z',
      },
    ]);
    // The same upload cannot be reported again for another hazard.
    await h.refused('grid-g1', reportCommand('H-2', { evidence: [before] }), 'EVIDENCE_INVALID');
  });

  it('refuses phantom, foreign and other people’s uploads (EVIDENCE_INVALID), and photos that are not images', async () => {
    const { h, upload, submit } = await general();
    const good = [await upload('owner-e1', 'H-1', 'photo_before', 'b'), await upload('owner-e1', 'H-1', 'photo_after', 'a1'), await upload('owner-e1', 'H-1', 'photo_after', 'a2')];
    await h.refused('owner-e1', submit([...good, { id: 'ev-00000000000000000000000000000000', kind: 'document' }]), 'EVIDENCE_INVALID');
    await h.refused('owner-e1', submit([...good, { id: 'made-up', kind: 'photo_after' }]), 'EVIDENCE_INVALID');
    await h.ok('grid-g1', reportCommand('H-OTHER'));
    await h.refused('owner-e1', submit([...good.slice(0, 2), await upload('owner-e1', 'H-OTHER', 'photo_after', 'elsewhere')]), 'EVIDENCE_INVALID');
    await h.refused('owner-e1', submit([...good.slice(0, 2), await upload('grid-g1', 'H-1', 'photo_after', 'not mine')]), 'EVIDENCE_INVALID');
    await h.refused('owner-e1', submit([...good.slice(0, 2), await upload('owner-e1', 'H-1', 'photo_after', '%PDF', 'application/pdf')]), 'EVIDENCE_INVALID');
    await h.refused('owner-e1', submit([...good.slice(0, 2), await upload('owner-e1', 'H-1', 'photo_after', '<svg>', 'image/svg+xml')]), 'EVIDENCE_INVALID');
    // A document may be any type.
    await h.ok('owner-e1', submit([...good, await upload('owner-e1', 'H-1', 'document', '%PDF')]));
  });

  it('locates each refused upload at its reference (/evidence/N) and says which rule it broke, in both languages', async () => {
    const { h, upload, submit } = await general();
    const good = [await upload('owner-e1', 'H-1', 'photo_before', 'b'), await upload('owner-e1', 'H-1', 'photo_after', 'a1'), await upload('owner-e1', 'H-1', 'photo_after', 'a2')];
    await h.ok('grid-g1', reportCommand('H-OTHER'));
    const located = async (ref: EvidenceRef) => {
      const before = h.store.unsafeLog.length;
      const r = await h.send('owner-e1', submit([...good, ref]));
      expect(h.store.unsafeLog.length).toBe(before);
      expect(r).toMatchObject({ rejection: { code: 'EVIDENCE_INVALID', pointer: '/evidence/3' } });
      return 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    };
    // Bound to another hazard: the uploader's own file, so it is told where it is bound and what to do.
    const elsewhere = await located(await upload('owner-e1', 'H-OTHER', 'photo_after', 'elsewhere'));
    expect(elsewhere['zh-CN']).toMatch(/^证据无效：\/evidence\/3：证据 \S+ 已绑定到隐患 H-OTHER/);
    expect(elsewhere.en).toMatch(/^invalid evidence: \/evidence\/3: evidence \S+ is bound to hazard H-OTHER/);
    // Someone else's upload: nothing is said of where it is bound.
    const foreign = await located(await upload('grid-g1', 'H-OTHER', 'photo_after', 'not mine'));
    expect(foreign.en).toMatch(/^invalid evidence: \/evidence\/3: evidence \S+ was uploaded by someone else/);
    expect(foreign.en).not.toContain('H-OTHER');
    expect(foreign['zh-CN']).not.toContain('H-OTHER');
    // Not uploaded for a hazard (POST /evidence): a later act needs an upload for this hazard.
    const unbound = await located(await upload('owner-e1', null, 'photo_after', 'unbound'));
    expect(unbound.en).toMatch(/^invalid evidence: \/evidence\/3: evidence \S+ is not bound to hazard H-1/);
    expect((await located({ id: 'made-up', kind: 'photo_after' })).en).toMatch(/^invalid evidence: \/evidence\/3: evidence made-up does not exist/);
    expect((await located(await upload('owner-e1', 'H-1', 'photo_after', '%PDF', 'application/pdf'))).en).toMatch(/^invalid evidence: \/evidence\/3: evidence \S+ is not a photo/);
  });

  it('counts the same upload or the same bytes once', async () => {
    const { h, upload, submit } = await general();
    const b = await upload('owner-e1', 'H-1', 'photo_before', 'b');
    const a = await upload('owner-e1', 'H-1', 'photo_after', 'a');
    const sameBytes = await upload('owner-e1', 'H-1', 'photo_after', 'a');
    await h.refused('owner-e1', submit([b, a, a, a]), 'EVIDENCE_INSUFFICIENT');
    await h.refused('owner-e1', submit([b, a, sameBytes]), 'EVIDENCE_INSUFFICIENT');
    // The before photo shown again as an after photo counts once too.
    await h.refused('owner-e1', submit([b, a, { ...b, kind: 'photo_after' }]), 'EVIDENCE_INSUFFICIENT');
    const [event] = await h.ok('owner-e1', submit([b, a, await upload('owner-e1', 'H-1', 'photo_after', 'a2'), a]));
    expect((event?.data as { evidence: unknown[] }).evidence).toHaveLength(3);
  });

  it('judges "after the notice" by the server’s receipt time, not the claimed capture time', async () => {
    const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
    await h.ok('grid-g1', reportCommand('H-1'));
    const put = async (kind: EvidenceKind, content: string, claimedTakenAt: string) =>
      ({
        id: (await h.evidence.put({ bytes: new TextEncoder().encode(content), mime: 'image/jpeg', uploaderId: 'owner-e1', hazardId: 'H-1', receivedAt: h.clock.now().toISOString(), claimedTakenAt }))
          .id,
        kind,
      }) as EvidenceRef;
    // Uploaded before the notice, claiming a later capture time: do not count.
    const early = [await put('photo_before', 'b', '2026-11-01T00:00:00Z'), await put('photo_after', 'a1', '2026-11-09T00:00:00Z'), await put('photo_after', 'a2', '2026-11-09T00:00:00Z')];
    h.clock.advance(HOUR);
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-1' });
    h.clock.advance(HOUR);
    await h.refused('owner-e1', { type: 'submit_rectification', hazardId: 'H-1', evidence: early }, 'EVIDENCE_INSUFFICIENT');
    // Uploaded after the notice, claiming a capture time long before: count.
    const late = [await put('photo_after', 'a3', '2020-01-01T00:00:00Z'), await put('photo_after', 'a4', '2020-01-01T00:00:00Z')];
    await h.ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-1', evidence: [early[0] as EvidenceRef, ...late] });
  });

  it('keeps a per-hazard quota of distinct uploads', async () => {
    const { h, upload, submit } = await general();
    h.deps.evidenceQuota = 4;
    const three = [await upload('owner-e1', 'H-1', 'photo_before', 'b'), await upload('owner-e1', 'H-1', 'photo_after', 'a1'), await upload('owner-e1', 'H-1', 'photo_after', 'a2')];
    await h.refused('owner-e1', submit([...three, await upload('owner-e1', 'H-1', 'document', 'd')]), 'EVIDENCE_INVALID'); // 1 at report + 4
    await h.ok('owner-e1', submit(three));
    await h.ok('grid-g1', { type: 'reject', hazardId: 'H-1', reason: { 'zh-CN': '不合格' } });
    // The new submission keeps its "before" photo and brings new "after" photos (a rejected one's are refused):
    // two new uploads do not fit in 4; in 6 they do, exactly, because the "before" photo already attached does not count again.
    const again = [three[0] as EvidenceRef, await upload('owner-e1', 'H-1', 'photo_after', 'a3'), await upload('owner-e1', 'H-1', 'photo_after', 'a4')];
    await h.refused('owner-e1', submit(again), 'EVIDENCE_INVALID');
    h.deps.evidenceQuota = 6;
    await h.ok('owner-e1', submit(again));
    expect((await h.state('H-1')).evidenceIds).toHaveLength(6);
  });

  it('fails closed without an evidence store: any reference is refused', async () => {
    const { h, submit } = await general();
    const { evidence: _e, ...withoutStore } = h.deps;
    const r = await handleCommand(withoutStore, { ...submit([{ id: 'ev-1', kind: 'photo_after' }]), commandId: 'no-store' }, 'owner-e1');
    expect('rejection' in r && r.rejection.code).toBe('EVIDENCE_INVALID');
    const plain = await handleCommand(withoutStore, { ...reportCommand('H-9'), commandId: 'no-store-report' }, 'grid-g1');
    expect('events' in plain).toBe(true);
  });

  it('re-checks shapes for direct callers: claimed hashes and capture times are refused, not trusted', async () => {
    const { h, upload, submit } = await general();
    const a = await upload('owner-e1', 'H-1', 'photo_after', 'a');
    await h.refused('owner-e1', submit([{ ...a, takenAt: '2026-11-02T03:00:00Z', sha256: 'f'.repeat(64) } as EvidenceRef]), 'INVALID_COMMAND');
  });
});
