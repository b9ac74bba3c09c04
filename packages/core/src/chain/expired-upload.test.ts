import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { createHarness } from './chain-harness.test-util.js';
import { handleCommand } from './handle-command.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { reportInspection } from './report-inspection.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import type { EvidenceStore } from '../ports/evidence-store.js';
import type { ChainCommand, EvidenceRef } from './types.js';

const DAY = 24 * 3_600_000;

/** A harness without staging and an unbound photo of the grid inspector, received at the start. */
async function withUpload() {
  const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
  const r = await h.evidence.put({ bytes: new TextEncoder().encode('defect'), mime: 'image/jpeg', uploaderId: 'grid-g1', hazardId: null, receivedAt: h.clock.now().toISOString() });
  const photo: EvidenceRef = { id: r.id, kind: 'photo_before' };
  return { h, photo };
}

/** The evidence store of `h`, with `meanwhile` run between the command's look-up of the uploads and their binding. */
function withBetween(store: EvidenceStore, meanwhile: () => Promise<unknown>): EvidenceStore {
  return {
    put: (u) => store.put(u),
    get: (id) => store.get(id),
    read: (id) => store.read(id),
    expireUnbound: (now) => store.expireUnbound(now),
    async bind(ids, hazardId) {
      await meanwhile();
      return store.bind(ids, hazardId);
    },
  };
}

describe('a report naming an upload that is gone by the time it is bound', () => {
  it('expired and deleted by the scheduler meanwhile: the message says it expired and to upload it again, not that another hazard has it', async () => {
    const { h, photo } = await withUpload();
    h.clock.advance(DAY);
    // The host's scheduler pass (expireUnbound) runs between the look-up and the bind.
    const deps = { ...h.deps, evidence: withBetween(h.evidence, () => h.evidence.expireUnbound(h.clock.now().toISOString())) };
    const r = await handleCommand(deps, { ...reportCommand('H-1', { evidence: [photo] }), commandId: 'expired-meanwhile' } as ChainCommand, 'grid-g1');
    expect('rejection' in r && r.rejection.code).toBe('EVIDENCE_INVALID');
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain(`证据 ${photo.id} 已过期删除`);
    expect(message['zh-CN']).toContain('请重新上传');
    expect(message.en).toContain(`evidence ${photo.id} has expired and was deleted`);
    expect(message.en).toContain('upload it again');
    expect(message.en).not.toContain('another hazard');
    expect(await h.store.readEvents('H-1')).toEqual([]);
  });

  it('bound to another hazard meanwhile: the message says so and to upload another', async () => {
    const { h, photo } = await withUpload();
    const deps = { ...h.deps, evidence: withBetween(h.evidence, () => h.evidence.bind([photo.id], 'H-OTHER')) };
    const r = await handleCommand(deps, { ...reportCommand('H-1', { evidence: [photo] }), commandId: 'bound-meanwhile' } as ChainCommand, 'grid-g1');
    expect('rejection' in r && r.rejection.code).toBe('EVIDENCE_INVALID');
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain(`证据 ${photo.id} 已被用于另一隐患`);
    expect(message.en).toContain(`evidence ${photo.id} was attached to another hazard meanwhile`);
    expect(message.en).toContain('upload');
  });

  it('deleted before the report: the message says it may have expired and to upload it again', async () => {
    const { h, photo } = await withUpload();
    h.clock.advance(DAY);
    expect(await h.evidence.expireUnbound(h.clock.now().toISOString())).toBe(1);
    const r = await h.send('grid-g1', reportCommand('H-1', { evidence: [photo] }));
    expect('rejection' in r && r.rejection.code).toBe('EVIDENCE_INVALID');
    const message = 'rejection' in r ? r.rejection.message : { 'zh-CN': '', en: '' };
    expect(message['zh-CN']).toContain('过期');
    expect(message['zh-CN']).toContain('请重新上传');
    expect(message.en).toContain('expired');
    expect(message.en).toContain('upload it again');
  });
});

describe('an inspection whose answer names a photo that expired before it was submitted', () => {
  it('is refused at the answer with a message that says the photo expired and to upload it again', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const loaded = await loadPackFromPath(join(root, 'checklists/fire'));
    if (!loaded.ok) throw new Error('checklists/fire does not load');
    const hotel = (parse(readFileSync(join(root, 'checklists/fire/tests/compliant.yaml'), 'utf8')) as { scenarios: Array<Omit<Inspection, 'pack'>> }).scenarios[0]!;
    const h = createHarness('2026-11-20T02:00:00Z', { stage: false });
    h.deps.packs = new Map([['fire', compilePack(loaded.pack)]]);
    const photo = (await h.evidence.put({ bytes: new TextEncoder().encode('exit'), mime: 'image/png', uploaderId: 'owner-e1', hazardId: null, receivedAt: h.clock.now().toISOString() })).id;
    // The form stayed open overnight: the scheduler deleted the photo as an expired unbound upload.
    h.clock.advance(DAY);
    expect(await h.evidence.expireUnbound(h.clock.now().toISOString())).toBe(1);
    const inspection = { pack: 'fire', premises: hotel.premises, inspectedAt: hotel.inspectedAt, findings: { ...hotel.findings, site_photos: [photo] } } as Inspection;
    const r = await reportInspection({ ...h.deps, inspections: createMemoryInspectionLog() }, { inspection, packId: 'fire', enterpriseId: 'E1', key: 'overnight' }, 'owner-e1');
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['EVIDENCE_INVALID', '/findings/site_photos/0']]);
    expect(issues[0]!.message['zh-CN']).toContain('已过期删除');
    expect(issues[0]!.message['zh-CN']).toContain('请重新上传');
    expect(issues[0]!.message.en).toContain('has expired and was deleted');
    expect(issues[0]!.message.en).toContain('upload it again');
  });
});
