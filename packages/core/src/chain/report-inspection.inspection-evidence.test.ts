import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { hazardIdRefusal, inspectionEvidenceBinding } from '../permits/evidence-binding.js';
import { createHarness } from './chain-harness.test-util.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { inspectionRecordId, reportInspection } from './report-inspection.js';

// The photos answered for items that passed (evidence of compliance) were bound to nothing: as
// unbound uploads they counted against the uploader's budget and were deleted after 24 h, and
// the inspection record lost them. They are now bound to the record (`inspection:<id>`).
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
let fire: PackEvaluator;
let hotel: Inspection;

beforeAll(async () => {
  const loaded = await loadPackFromPath(join(root, 'checklists/fire'));
  if (!loaded.ok) throw new Error('checklists/fire does not load');
  fire = compilePack(loaded.pack);
  const scenario = (parse(readFileSync(join(root, 'checklists/fire/tests/compliant.yaml'), 'utf8')) as { scenarios: Array<Omit<Inspection, 'pack'>> }).scenarios[0]!;
  hotel = { pack: 'fire', premises: scenario.premises, inspectedAt: scenario.inspectedAt, findings: scenario.findings } as Inspection;
});

function setup() {
  const h = createHarness('2026-11-20T06:00:00Z', { stage: false });
  h.deps.packs = new Map([[fire.pack.id, fire]]);
  const inspections = createMemoryInspectionLog();
  const upload = async (uploaderId: string) =>
    (await h.evidence.put({ bytes: new TextEncoder().encode(`photo ${Math.random()}`), mime: 'image/png', uploaderId, hazardId: null, receivedAt: h.clock.now().toISOString() })).id;
  return { h, deps: { ...h.deps, inspections }, inspections, upload };
}
const passing = (photos: string[]) => ({ ...hotel, findings: { ...hotel.findings, site_photos: photos } });

describe("reportInspection binds the answers' photos no hazard holds to the inspection record", () => {
  it('a compliant self-inspection keeps its photos past the expiry of unbound uploads; a retry replays', async () => {
    const { h, deps, inspections, upload } = setup();
    const photos = [await upload('owner-e1'), await upload('owner-e1')];
    const input = { inspection: passing(photos), packId: 'fire', enterpriseId: 'E1', key: 'self-ok' };
    const r = await reportInspection(deps, input, 'owner-e1');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.reports).toEqual([]);
    expect(r.inspectionId).toBe(inspectionRecordId('owner-e1', 'self-ok'));
    const binding = inspectionEvidenceBinding(r.inspectionId!);
    for (const id of photos) expect((await h.evidence.get(id))?.hazardId).toBe(binding);
    // A year of expiry ticks later the record's photos are still there.
    expect(await h.evidence.expireUnbound('2027-11-20T06:00:00Z')).toBe(0);
    for (const id of photos) expect(await h.evidence.read(id)).not.toBeNull();
    const again = await reportInspection(deps, input, 'owner-e1');
    expect(again.ok && again.inspectionId).toBe(r.inspectionId);
    expect((await inspections.readInspection(r.inspectionId!))?.id).toBe(r.inspectionId);
  });

  it('an upload of another inspection record is refused at its answer, in both languages, and nothing is written', async () => {
    const { h, deps, inspections, upload } = setup();
    const photo = await upload('owner-e1');
    expect((await reportInspection(deps, { inspection: passing([photo]), packId: 'fire', enterpriseId: 'E1', key: 'first' }, 'owner-e1')).ok).toBe(true);
    const r = await reportInspection(
      deps,
      { inspection: { ...passing([photo]), findings: { ...passing([photo]).findings, exit_obstruction: 'locked' } }, packId: 'fire', enterpriseId: 'E1', key: 'second' },
      'owner-e1',
    );
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['EVIDENCE_INVALID', '/findings/site_photos/0']]);
    expect(issues[0]!.message?.en).toContain('inspection record');
    expect(issues[0]!.message?.['zh-CN']).toContain('检查记录');
    expect(await inspections.readInspection(inspectionRecordId('owner-e1', 'second'))).toBeNull();
    expect((await h.evidence.get(photo))?.hazardId).toBe(inspectionEvidenceBinding(inspectionRecordId('owner-e1', 'first')));
  });

  it('a photo of an item that found a hazard stays the hazard’s; the passing ones go to the record', async () => {
    const { h, deps, upload } = setup();
    const photo = await upload('owner-e1');
    const r = await reportInspection(
      deps,
      { inspection: { ...passing([photo]), findings: { ...passing([photo]).findings, exit_obstruction: 'locked' } }, packId: 'fire', enterpriseId: 'E1', key: 'found' },
      'owner-e1',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [report] = r.reports;
    expect(report?.ok).toBe(true);
    expect((await h.evidence.get(photo))?.hazardId).toBe(report!.hazardId);
  });

  it('without an inspection log nothing is recorded and the upload stays unbound (as before)', async () => {
    const { h, upload } = setup();
    const photo = await upload('owner-e1');
    expect((await reportInspection(h.deps, { inspection: passing([photo]), packId: 'fire', enterpriseId: 'E1', key: 'nolog' }, 'owner-e1')).ok).toBe(true);
    expect((await h.evidence.get(photo))?.hazardId).toBeNull();
  });

  it('no hazard id may take the inspection bindings’ namespace, in any case', () => {
    for (const id of ['inspection:in-1', 'INSPECTION:in-1', 'Inspection:x']) expect(hazardIdRefusal(id)?.en).toContain('inspection:');
    expect(hazardIdRefusal('H-inspection:1')).toBeNull();
  });
});

describe('a retry after a refused report', () => {
  it('attaches a photo its first attempt bound to the record to the hazard now reported (it stays the record’s)', async () => {
    const { h, deps, upload } = setup();
    const photo = await upload('owner-e1');
    // What a first attempt whose report of this hazard was refused left: the photo bound to the record.
    expect(await h.evidence.bind([photo], inspectionEvidenceBinding(inspectionRecordId('owner-e1', 'refused-once')))).toBe(true);
    const locked = { ...passing([photo]), findings: { ...passing([photo]).findings, exit_obstruction: 'locked' } };
    const r = await reportInspection(deps, { inspection: locked, packId: 'fire', enterpriseId: 'E1', key: 'refused-once' }, 'owner-e1');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [report] = r.reports;
    expect(report?.ok).toBe(true);
    const reported = (await h.store.load(report!.hazardId))![0]!.data as { evidence: Array<{ id: string }> };
    expect(reported.evidence.map((e) => e.id)).toContain(photo);
    expect((await h.evidence.get(photo))?.hazardId).toBe(inspectionEvidenceBinding(r.inspectionId!));
  });
});
