import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import type { Pack } from '../pack/types.js';
import { createHarness } from './chain-harness.test-util.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { inspectionRecordId, reportInspection } from './report-inspection.js';
import type { AttachedEvidence } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
let fire: PackEvaluator;
let pack: Pack;
let workshop: Inspection;

beforeAll(async () => {
  const loaded = await loadPackFromPath(join(root, 'checklists/fire'));
  if (!loaded.ok) throw new Error('checklists/fire does not load');
  pack = loaded.pack;
  fire = compilePack(pack);
  // The garment workshop with a dormitory upstairs (三合一): several hazards, three of items that ask for site photos.
  const scenario = (parse(readFileSync(join(root, 'checklists/fire/tests/examples.yaml'), 'utf8')) as { scenarios: Array<Omit<Inspection, 'pack'>> }).scenarios[0]!;
  workshop = { pack: 'fire', premises: scenario.premises, inspectedAt: scenario.inspectedAt, findings: { ...scenario.findings, fixed_on_spot: [] } } as Inspection;
});

async function setup() {
  const h = createHarness('2026-11-18T08:20:00Z', { stage: false });
  h.deps.packs = new Map([[fire.pack.id, fire]]);
  const inspections = createMemoryInspectionLog();
  const upload = async (uploaderId: string, mime = 'image/png') =>
    (await h.evidence.put({ bytes: new TextEncoder().encode(`photo ${Math.random()}`), mime, uploaderId, hazardId: null, receivedAt: h.clock.now().toISOString() })).id;
  return { h, deps: { ...h.deps, inspections }, inspections, upload };
}

/** The rules whose item asks `site_photos`, from the pack itself. */
const askingPhotos = () => new Set(pack.sections.flatMap((s) => s.items.filter((i) => i.asks.includes('site_photos')).flatMap((i) => i.hazards.map((r) => r.id))));

describe('reportInspection attaches the photos of the answers to the hazards they produced', () => {
  it("binds an answer's photos to each hazard of an item that asks for them, and records the inspection", async () => {
    const { h, deps, inspections, upload } = await setup();
    const photos = [await upload('owner-e1'), await upload('owner-e1', 'application/pdf')];
    const r = await reportInspection(deps, { inspection: { ...workshop, findings: { ...workshop.findings, site_photos: photos } }, packId: 'fire', enterpriseId: 'E1', key: 'self-1' }, 'owner-e1');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.inspectionId).toBe(inspectionRecordId('owner-e1', 'self-1'));
    const asking = askingPhotos();
    const withPhotos = r.reports.filter((x) => asking.has(x.rule));
    expect(withPhotos.length).toBeGreaterThanOrEqual(2);
    expect(r.reports.length).toBeGreaterThan(withPhotos.length);
    for (const report of r.reports) {
      expect(report.ok).toBe(true);
      const reported = (await h.store.load(report.hazardId))![0]!;
      const data = reported.data as { inspectionId?: string; evidence: AttachedEvidence[]; sameInspection?: unknown };
      expect(data.inspectionId).toBe(r.inspectionId);
      expect(data.sameInspection).toBeUndefined();
      const expected = asking.has(report.rule)
        ? [
            [photos[0], 'photo_before'],
            [photos[1], 'document'],
          ]
        : [];
      expect(data.evidence.map((e) => [e.id, e.kind])).toEqual(expected);
    }
    // Bound once, to the first hazard that got them: the others of the inspection show them too.
    expect((await h.evidence.get(photos[0]!))?.hazardId).toBe(withPhotos[0]!.hazardId);
    expect((await inspections.readInspection(r.inspectionId!))?.hazards.length).toBe(r.reports.length);
    // A retry replays: the same evidence, now bound, is the same command.
    const again = await reportInspection(deps, { inspection: { ...workshop, findings: { ...workshop.findings, site_photos: photos } }, packId: 'fire', enterpriseId: 'E1', key: 'self-1' }, 'owner-e1');
    expect(again.ok && again.reports.every((x) => x.ok && x.replayed)).toBe(true);
  });

  it("refuses, located and in both languages, an answer naming someone else's upload, an unknown one, or one bound elsewhere — and writes nothing", async () => {
    const { h, deps, inspections, upload } = await setup();
    const mine = await upload('owner-e1');
    const theirs = await upload('grid-g1');
    const elsewhere = await upload('owner-e1');
    await h.evidence.bind([elsewhere], 'hz-other');
    const r = await reportInspection(
      deps,
      { inspection: { ...workshop, findings: { ...workshop.findings, site_photos: [mine, theirs, 'ev-missing', elsewhere] } }, packId: 'fire', enterpriseId: 'E1', key: 'self-2' },
      'owner-e1',
    );
    if (r.ok) throw new Error('reported');
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['EVIDENCE_INVALID', '/findings/site_photos/1'],
      ['EVIDENCE_INVALID', '/findings/site_photos/2'],
      ['EVIDENCE_INVALID', '/findings/site_photos/3'],
    ]);
    expect(r.issues[0]!.message['zh-CN']).toContain('不是你上传的');
    expect(r.issues[0]!.message.en).toContain('uploaded by someone else');
    expect(h.store.unsafeLog).toHaveLength(0);
    expect(await inspections.readInspection(inspectionRecordId('owner-e1', 'self-2'))).toBeNull();
    expect((await h.evidence.get(mine))?.hazardId).toBeNull();
  });

  it('without an inspection log no record is linked; without an evidence store an answer with photos is refused', async () => {
    const { h, upload } = await setup();
    const photo = await upload('owner-e1');
    const r = await reportInspection(h.deps, { inspection: { ...workshop, findings: { ...workshop.findings, site_photos: [photo] } }, packId: 'fire', enterpriseId: 'E1', key: 'self-3' }, 'owner-e1');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(((await h.store.load(r.reports[0]!.hazardId))![0]!.data as { inspectionId?: string }).inspectionId).toBeUndefined();
    const { evidence: _e, ...noStore } = h.deps;
    const refused = await reportInspection(
      noStore,
      { inspection: { ...workshop, findings: { ...workshop.findings, site_photos: [photo] } }, packId: 'fire', enterpriseId: 'E1', key: 'self-4' },
      'owner-e1',
    );
    expect(refused.ok ? [] : refused.issues.map((i) => [i.code, i.pointer])).toEqual([['EVIDENCE_INVALID', '/findings/site_photos/0']]);
  });
});
