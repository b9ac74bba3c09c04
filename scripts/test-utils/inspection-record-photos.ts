/**
 * The case both store packages run (store-sqlite, store-postgres): the photos of the items an
 * inspection passed are bound to its record when the record is written to the store's
 * inspection log — never expired as unbound uploads — and a retry under the same key keeps the
 * first record (`recordInspection` answers false) and binds only the uploads that stored
 * record's answers name, read back from the log.
 */
import { compilePack, createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, reportInspection, type PackEvaluator } from '@anjian/core';
import type { InspectionLog } from '@anjian/core/ports';
import { loadPackFromPath } from '@anjian/core/node';
import { inspectionEvidenceBinding } from '@anjian/core/internal';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES, type ConformanceExpect } from '@anjian/core/testing';

// checklists/fire/tests/compliant.yaml's hotel: every item passes.
const HOTEL = {
  building_class: 'low_multi',
  fire_lane_state: 'clear',
  separation_occupied: false,
  separation_ratio_pct: 100,
  fire_door_propped_open: false,
  fire_door_damaged_pct: 0,
  exit_obstruction: 'clear',
  exits_too_few: false,
  exit_width_ratio_pct: 100,
  egress_lighting_defect_pct: 0,
  stair_door_defect_pct: 0,
  hydrant_obstructed: false,
  hydrant_status: 'normal',
  extinguishers_short: false,
  extinguishers_expired: false,
  smoking_or_open_flame: false,
  hot_work_in_progress: false,
  ebike_in_escape_routes: false,
  crowded_kind: 'hotel',
  has_sleeping_area: true,
  sleeping_area_panels: 'none',
  compartment_altered: false,
  window_bars_fixed: false,
  flammables_in_crowded: false,
  last_system_test_date: '2026-03-15',
  sprinkler_status: 'normal',
  fire_alarm_status: 'normal',
  smoke_control_status: 'normal',
  control_room_present: true,
  control_room_staffed: true,
};

/** The fire pack of this repository, compiled. */
export async function loadFirePack(): Promise<PackEvaluator> {
  const loaded = await loadPackFromPath(new URL('../../checklists/fire', import.meta.url).pathname);
  if (!loaded.ok) throw new Error('checklists/fire does not load');
  return compilePack(loaded.pack);
}

/** Binds, outlives the expiry, retries: the assertions of the case against `log`. */
export async function inspectionRecordPhotosCase(fire: PackEvaluator, log: InspectionLog, expect: ConformanceExpect): Promise<void> {
  const evidence = createMemoryEvidenceStore();
  const deps = {
    store: createMemoryStore(),
    directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-11-20T06:00:00Z'),
    packs: new Map([[fire.pack.id, fire]]),
    evidence,
    inspections: log,
  };
  const upload = async () =>
    (await evidence.put({ bytes: new TextEncoder().encode(`photo ${Math.random()}`), mime: 'image/png', uploaderId: 'owner-e1', hazardId: null, receivedAt: '2026-11-20T05:00:00.000Z' })).id;
  const inspection = (photos: string[]) => ({ pack: 'fire', premises: 'crowded_place', inspectedAt: '2026-11-20T10:00:00+08:00', findings: { ...HOTEL, site_photos: photos } });
  const first = await upload();
  const r = await reportInspection(deps, { inspection: inspection([first]), packId: 'fire', enterpriseId: 'E1', key: 'hotel-ok' }, 'owner-e1');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.reports).toEqual([]);
  expect((await evidence.get(first))?.hazardId).toBe(inspectionEvidenceBinding(r.inspectionId!));
  expect(await evidence.expireUnbound('2027-11-20T06:00:00Z')).toBe(0);
  expect(await evidence.read(first)).not.toBeNull();

  const later = await upload();
  const retry = await reportInspection(deps, { inspection: inspection([first, later]), packId: 'fire', enterpriseId: 'E1', key: 'hotel-ok' }, 'owner-e1');
  expect(retry.ok && retry.inspectionId).toBe(r.inspectionId);
  expect((await log.readInspection(r.inspectionId!))?.inspection.findings.site_photos).toEqual([first]);
  expect((await evidence.get(later))?.hazardId).toBeNull();
}
