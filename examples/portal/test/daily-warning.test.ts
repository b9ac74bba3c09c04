/**
 * The portal's daily early warning (core's runDailyWarning) covers the enterprises the store holds
 * something of, not a list of the demo's: with a generated city beside the demo (enterprises the
 * API's directory registers, none of them among the demo's), each city enterprise with an open
 * hazard to attend to (a notice not answered, a deadline passed or near) is warned (`daily-warning/<enterprise>/<date>` in the device
 * registry's outbox), named as the directory registers it; the demo has no phone numbers for the
 * city, so its warnings are not texted (as its hazards are not), and none is a dead letter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../src/create-portal.js';

let dataDir: string;
let portal: Portal;
const clock = { now: () => new Date('2026-11-30T01:00:00Z') }; // a Monday, 09:00 in China: the generated city is the same every run

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-daily-'));
  portal = await createPortal({ dataDir, clock, tickMs: 0, trustIdentityHeader: true, cityEnterprises: 4 });
}, 120_000);

afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const asAdmin = (path: string) => portal.fetch(new Request(`http://portal.test${path}`, { headers: { 'x-demo-user': 'admin-chen' } }));

describe('daily warning', () => {
  it('warns every enterprise with an open hazard to attend to, a city enterprise outside the demo’s list too', async () => {
    const open = 'reported,rectifying,submitted,verified,escalated,case_filed,accepted';
    const now = clock.now().getTime();
    const toWarn = new Map<string, string>();
    for (let n = 1; n <= 4; n++) {
      const id = `city-${n}`; // generateCity pads to the width of the count (4 → one digit)
      const fileRes = await asAdmin(`/api/enterprises/${id}/file`);
      expect(fileRes.status, id).toBe(200);
      const file = (await fileRes.json()) as { profile: { name: string } };
      const res = await asAdmin(`/api/hazards?enterprise=${id}&status=${open}&limit=100`);
      expect(res.status, id).toBe(200);
      const hazards = (await res.json()) as { items: Array<{ deadline: string | null; status: string }> };
      // something to say (core's countDailyWarning): a notice not answered, or a deadline passed or within 3 days
      if (hazards.items.some((h) => h.status === 'rectifying' || (h.deadline !== null && Date.parse(h.deadline) < now + 3 * 86_400_000))) toWarn.set(id, file.profile.name);
    }
    expect(toWarn.size).toBeGreaterThan(0); // the generated year leaves some of its hazards open (city-2: a notice not answered)
    await portal.monitoring.runOnce();
    await portal.notifications.runOnce();
    const notifications = await portal.monitoring.registry.readNotifications();
    for (const [id, name] of toWarn) {
      const warning = notifications.find((x) => x.id.startsWith(`daily-warning/${id}/`));
      expect(warning, `${id}: ${notifications.map((x) => x.id).join(', ')}`).toBeDefined();
      expect((warning!.payload as { enterprise: string }).enterprise).toBe(name);
      expect(warning!.status).toBe('done');
    }
    expect(notifications.filter((x) => x.status === 'dead').map((x) => x.id)).toEqual([]);
  });
});
