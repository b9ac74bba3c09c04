/**
 * Walking the portal as the officer (task: each role with the demo data): the seed's major
 * hazard of 红星 (case filed, no plan yet) said its deadline ran "from the report (no notice yet)"
 * — but the major path has no rectification notice: its deadline is the treatment plan's once an
 * officer approves it. The due line of a major hazard says so; a general one keeps its words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

describe('where a deadline comes from, on the hazard page', () => {
  it('a major hazard before its plan is approved names the plan, not a notice; a general one the notice', async () => {
    const list = await portal.api('officer-li', 'GET', '/hazards?limit=100');
    const items = list.body.items as Array<{ hazardId: string; level: string; status: string; enterpriseId: string }>;
    const major = items.find((h) => h.level === 'major' && h.status === 'case_filed')!.hazardId;
    const general = items.find((h) => h.level === 'general' && h.status === 'reported')!.hazardId;
    const li = await portal.signIn('officer-li', 'enforcement');
    for (const [id, says, never] of [
      [major, '治理方案', '整改通知'],
      [general, '尚未下达整改通知', '治理方案'],
    ] as const) {
      await goTo(li, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
      await li.waitForSelector('#hazard-state');
      expect(await li.getAttribute('#hazard-deadline', 'data-source')).toBe('report');
      const source = (await li.textContent('#deadline-source')) ?? '';
      expect(source, id).toContain(says);
      expect(source, id).not.toContain(never);
    }
    await li.context().close();
  });
});
