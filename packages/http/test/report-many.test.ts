import { describe, expect, it } from 'vitest';
import { createHarness, noAlarmInspection } from './harness.js';

describe('POST /inspections?report=true with several hazards', () => {
  it('reports one hazard per classified finding (rules and composites), each with its own level and deadline policy', async () => {
    const h = await createHarness();
    const inspection = noAlarmInspection({
      source: 'grid_patrol',
      findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 },
    });
    const r = await h.call('grid-g1', 'POST', '/inspections?report=true', { body: inspection, headers: { 'idempotency-key': 'patrol-7' } });
    expect(r.status).toBe(200);
    const reports = r.body.reports as { rule: string; hazardId: string; ok: boolean; rejection?: { code: string } }[];
    expect(reports.map((x) => [x.rule, x.ok, x.rejection?.code])).toEqual(r.body.classification.hazards.map((f: { rule: string }) => [f.rule, true, undefined]));
    expect(new Set(reports.map((x) => x.hazardId)).size).toBe(reports.length);
    const levels: Record<string, string> = {};
    for (const report of reports) {
      const detail = await h.call('grid-g1', 'GET', `/hazards/${report.hazardId}`);
      levels[report.rule] = detail.body.state.level;
      expect(detail.body.state).toMatchObject({ source: 'grid_patrol', reporterId: 'grid-g1', pack: { id: 'demo-kitchen', version: '0.1.0' } });
    }
    expect(levels).toEqual({ 'DEMO-001-H1': 'major', 'DEMO-002-H1': 'general', 'DEMO-003-H1': 'simple', 'DEMO-004-H1': 'general', 'DEMO-C1': 'general' });
  });
});
