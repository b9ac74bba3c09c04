import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Inspection } from '../classify/types.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { createHarness } from './chain-harness.test-util.js';
import { createMemoryInspectionLog } from './memory-inspection-log.js';
import { inspectionRecordId, reportHazardId, reportInspection } from './report-inspection.js';
import { ID_PATTERN } from './command-shape.js';
import { isIdempotencyKey } from './idempotency-key.js';
import type { EvidenceRef } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
let gas: PackEvaluator;
let inspection: Inspection;

beforeAll(async () => {
  const loaded = await loadPackFromPath(join(root, 'checklists/gas'));
  if (!loaded.ok) throw new Error('checklists/gas does not load');
  gas = compilePack(loaded.pack);
  inspection = parse(readFileSync(join(root, 'examples/inspections/gas-basement-hotpot-lpg.yaml'), 'utf8')) as Inspection;
});

function setup() {
  // An hour after the example's inspection (2026-11-18 15:20 北京时间): a claimed inspection time lies in the chain's window.
  const h = createHarness('2026-11-18T08:20:00Z', { stage: false });
  h.deps.packs = new Map([[gas.pack.id, gas]]);
  return h;
}

describe('reportInspection', () => {
  it('derives level, title, basis, deadline and pack from the pack, area from the directory, source from the role', async () => {
    const h = setup();
    const spoofed = { ...inspection, subject: { area: 'D9/G9' }, source: 'enforcement' } as Inspection;
    const r = await reportInspection(h.deps, { inspection: spoofed, packId: 'gas', enterpriseId: 'E1', key: 'visit-1' }, 'grid-g1');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const classified = gas.evaluate(inspection).hazards;
    expect(r.reports.map((x) => x.rule)).toEqual(classified.map((f) => f.rule));
    expect(r.reports.every((x) => x.ok && x.version === 1)).toBe(true);
    for (const [i, report] of r.reports.entries()) {
      const finding = classified[i];
      const s = await h.state(report.hazardId);
      expect(report.hazardId).toBe(reportHazardId('grid-g1', 'visit-1', report.rule));
      expect(s).toMatchObject({
        level: finding?.level,
        provisional: finding?.provisional,
        title: finding?.title,
        deadlinePolicy: finding?.deadline,
        pack: { id: gas.pack.id, version: gas.pack.version },
        domain: 'gas',
        area: 'D1/G1',
        enterpriseId: 'E1',
        source: 'grid_patrol',
        reporterId: 'grid-g1',
      });
    }
    // The same key replays; nothing new is written.
    const before = h.store.unsafeLog.length;
    const again = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'visit-1' }, 'grid-g1');
    expect(again.ok && again.reports.every((x) => x.replayed)).toBe(true);
    expect(h.store.unsafeLog.length).toBe(before);
  });

  it('takes the source from the role: an enterprise self-checks, an officer enforces', async () => {
    const h = setup();
    const own = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'k' }, 'owner-e1');
    const officer = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'k' }, 'officer-gas-d1');
    if (!own.ok || !officer.ok) throw new Error('refused');
    expect((await h.state(own.reports[0]?.hazardId as string)).source).toBe('self_check');
    expect((await h.state(officer.reports[0]?.hazardId as string)).source).toBe('enforcement');
  });

  it('refuses another enterprise’s or district’s hazards and writes nothing', async () => {
    const h = setup();
    for (const [actor, enterpriseId] of [
      ['owner-e2', 'E1'],
      ['grid-g2', 'E1'],
      ['officer-gas-d2', 'E1'],
      ['officer-fire-d1', 'E1'],
    ] as const) {
      const r = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId, key: `k-${actor}` }, actor);
      expect(r.ok && r.reports.map((x) => x.rejection?.code)).toEqual(Array(gas.evaluate(inspection).hazards.length).fill('FORBIDDEN'));
    }
    expect(h.store.unsafeLog).toHaveLength(0);
  });

  it('answers issues for an unknown pack or enterprise, a pack mismatch, bad answers and ambiguous evidence', async () => {
    const h = setup();
    const codes = async (input: Partial<Parameters<typeof reportInspection>[1]>) => {
      const r = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'k', ...input }, 'grid-g1');
      return r.ok ? [] : r.issues.map((i) => [i.code, i.pointer]);
    };
    expect(await codes({ packId: 'no-such-pack' })).toEqual([['UNKNOWN_PACK', '/pack']]);
    expect(await codes({ enterpriseId: 'E-404' })).toEqual([['UNKNOWN_ENTERPRISE', '/enterpriseId']]);
    expect(await codes({ enterpriseId: '<img src=x>' })).toEqual([['PATTERN', '/enterpriseId']]);
    expect(await codes({ inspection: { ...inspection, pack: 'fire' } })).toEqual([['PACK_MISMATCH', '/pack']]);
    expect(await codes({ inspection: { ...inspection, pack: 'gas@0.0.0-nope' } })).toEqual([['PACK_MISMATCH', '/pack']]);
    expect((await codes({ inspection: { ...inspection, findings: { ...inspection.findings, hose_length_m: 'long' } } })).length).toBeGreaterThan(0);
    expect(await codes({ evidence: [{ id: 'ev-1', kind: 'photo_before' }] })).toEqual([['EVIDENCE_AMBIGUOUS', '/evidence']]);
    expect(await codes({ evidence: { 'NO-SUCH-RULE': [] } })).toEqual([['UNKNOWN_RULE', '/evidence/NO-SUCH-RULE']]);
    expect(await codes({ evidence: [{ id: 'ev-1', kind: 'photo_before', takenAt: 'x' } as EvidenceRef] })).toEqual([['UNKNOWN_KEY', '/evidence/0/takenAt']]);
    expect(await codes({ fixedOnSpot: ['NO-SUCH-RULE'] })).toEqual([['UNKNOWN_RULE', '/fixedOnSpot/0']]);
    expect(await codes({ key: '' })).toEqual([['INVALID_KEY', '/key']]);
    expect(h.store.unsafeLog).toHaveLength(0);
  });

  it('takes the idempotency key HTTP takes (one definition, isIdempotencyKey): 1–128 of A–Z a–z 0–9 . _ : -, the first a letter or digit', async () => {
    const h = setup();
    const issues = async (key: string) => {
      const r = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId: 'E1', key }, 'grid-g1');
      return r.ok ? [] : r.issues.map((i) => [i.code, i.pointer, i.message.en]);
    };
    const refused = [['INVALID_KEY', '/key', 'the idempotency key must be 1–128 letters, digits or . _ : -, starting with a letter or digit']];
    for (const key of ['k'.repeat(129), 'k'.repeat(200), 'device/item/1', '-k', 'k k', '键']) expect([key, await issues(key)]).toEqual([key, refused]);
    for (const key of ['k'.repeat(128), 'a.b_c:d-1']) expect([key, (await issues(key)).length]).toEqual([key, 0]);
    for (const key of ['k'.repeat(129), 'k'.repeat(128), 'device/item/1', 'a.b_c:d-1']) expect([key, isIdempotencyKey(key)]).toEqual([key, ID_PATTERN.test(key)]);
  });

  it('attaches each rule’s uploads to its hazard', async () => {
    const h = setup();
    const [first, second] = gas.evaluate(inspection).hazards;
    const put = async (label: string): Promise<EvidenceRef> => ({
      id: (await h.evidence.put({ bytes: new TextEncoder().encode(label), mime: 'image/jpeg', uploaderId: 'grid-g1', hazardId: null, receivedAt: h.clock.now().toISOString() })).id,
      kind: 'photo_before',
    });
    const a = await put('a');
    const b = await put('b');
    const r = await reportInspection(h.deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'k', evidence: { [first?.rule as string]: [a], [second?.rule as string]: [b] } }, 'grid-g1');
    if (!r.ok) throw new Error('refused');
    expect((await h.state(r.reports[0]?.hazardId as string)).reportEvidence.map((e) => e.id)).toEqual([a.id]);
    expect((await h.state(r.reports[1]?.hazardId as string)).reportEvidence.map((e) => e.id)).toEqual([b.id]);
    expect((await h.evidence.get(b.id))?.hazardId).toBe(r.reports[1]?.hazardId);
  });

  it('records the inspection once (a retry keeps the first record), also when nothing is reported; never for an actor who may not report', async () => {
    const h = setup();
    const inspections = createMemoryInspectionLog();
    const deps = { ...h.deps, inspections };
    const r = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'visit-9' }, 'grid-g1');
    if (!r.ok) throw new Error('refused');
    expect(r.inspectionId).toBe(inspectionRecordId('grid-g1', 'visit-9'));
    const record = await inspections.readInspection(r.inspectionId!);
    expect(record).toMatchObject({ enterpriseId: 'E1', area: 'D1/G1', domain: 'gas', source: 'grid_patrol', actorId: 'grid-g1', pack: { id: 'gas', version: gas.pack.version } });
    expect(record?.inspection.findings).toEqual(inspection.findings);
    expect(record?.hazards.map((x) => [x.rule, x.hazardId, x.reported])).toEqual(r.reports.map((x) => [x.rule, x.hazardId, true]));
    await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'visit-9' }, 'grid-g1');
    expect(await inspections.listInspections({ enterpriseId: 'E1', limit: 10 })).toHaveLength(1);
    const nothing = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'visit-10', only: [] }, 'grid-g1');
    expect(nothing.ok && (await inspections.readInspection(nothing.inspectionId!))?.hazards).toEqual([]);
    const refused = await reportInspection(deps, { inspection, packId: 'gas', enterpriseId: 'E1', key: 'visit-11' }, 'owner-e2');
    expect(refused.ok && refused.inspectionId).toBeUndefined();
    expect(await inspections.listInspections({ enterpriseId: 'E1', limit: 10 })).toHaveLength(2);
  });

  it('classifies as of the claimed inspection time, never a future one; without one, as of the server clock', async () => {
    const h = setup();
    const inspections = createMemoryInspectionLog();
    const deps = { ...h.deps, inspections };
    const now = h.clock.now().getTime();
    // Six minutes ahead: past the chain's 5-minute skew. $inspectedAt picks the standard in force and the deadlines passed.
    const ahead = { ...inspection, inspectedAt: new Date(now + 6 * 60_000).toISOString() };
    const future = await reportInspection(deps, { inspection: ahead, packId: 'gas', enterpriseId: 'E1', key: 'visit-f' }, 'grid-g1');
    expect(future.ok ? 'reported' : future.issues.map((i) => [i.code, i.pointer])).toEqual([['INSPECTED_AT_IN_FUTURE', '/inspectedAt']]);
    expect([h.store.unsafeLog.length, (await inspections.listInspections({ enterpriseId: 'E1', limit: 10 })).length]).toEqual([0, 0]);
    // Within the skew, as claimed.
    const skew = { ...inspection, inspectedAt: new Date(now + 4 * 60_000).toISOString() };
    const near = await reportInspection(deps, { inspection: skew, packId: 'gas', enterpriseId: 'E1', key: 'visit-n' }, 'grid-g1');
    expect(near.ok && (await inspections.readInspection(near.inspectionId!))?.inspectedAt).toBe(skew.inspectedAt);
    // None claimed: the server's time is the inspection time (before: recorded as null, every $inspectedAt condition false).
    const { inspectedAt: _at, ...untimed } = inspection;
    const none = await reportInspection(deps, { inspection: untimed, packId: 'gas', enterpriseId: 'E1', key: 'visit-u' }, 'grid-g1');
    if (!none.ok) throw new Error(JSON.stringify(none.issues));
    expect((await inspections.readInspection(none.inspectionId!))?.inspectedAt).toBe(h.clock.now().toISOString());
    expect(none.warnings.map((w) => w.code)).not.toContain('INSPECTED_AT_MISSING');
  });
});
