import type { AnjianApi } from '@anjian/http';
import { DEMO_ENTERPRISES } from './demo-users.js';

/** Calls the API as a demo user; returns the parsed body and status. */
async function call(api: AnjianApi, user: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'x-demo-user': user, 'content-type': 'application/json' };
  if (key) headers['idempotency-key'] = key;
  const res = await api.fetch(new Request(`http://portal.local/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
  return { status: res.status, body: await res.json() };
}

/**
 * Seeds demo hazards through the API, with fixed Idempotency-Keys: a second start replays
 * the reports (same hazard ids) and skips follow-up steps whose hazard has moved on.
 */
export async function seedDemoData(api: AnjianApi): Promise<number> {
  const [lvyuan, hongxing, anping] = DEMO_ENTERPRISES;
  const inspections = [
    // 绿园: the alarm is broken → one general hazard, left reported.
    { user: 'owner-lvyuan', key: 'seed-lvyuan-1', e: lvyuan, findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 } },
    // 红星食堂: LPG below ground → a major, generals, a simple hazard.
    { user: 'owner-hongxing', key: 'seed-hongxing-1', e: hongxing, findings: { gas_type: 'lpg', below_ground: true, alarm_installed: false, hose_length_m: 3, cylinders_on_site: 4 } },
    // 安平: broken alarm again; its rectification is submitted below (waits for the grid).
    { user: 'owner-anping', key: 'seed-anping-1', e: anping, findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1.2 } },
  ];
  let reported = 0;
  const hazardOf: Record<string, string[]> = {};
  for (const i of inspections) {
    const res = await call(api, i.user, 'POST', '/inspections?report=true', {
      pack: 'demo-kitchen', premises: i.e.premises, source: 'self_check', findings: i.findings,
      subject: { id: i.e.id, enterpriseId: i.e.id, name: i.e.name['zh-CN'], area: i.e.area },
    }, i.key);
    if (res.status !== 200) throw new Error(`seed ${i.key}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    hazardOf[i.key] = (res.body.reports ?? []).map((r: { hazardId: string }) => r.hazardId);
    reported += hazardOf[i.key]!.length;
  }
  // 安平's hazard: rectification submitted (1 photo before, 2 after), waiting for verification.
  const anpingHazard = hazardOf['seed-anping-1']?.[0];
  if (anpingHazard) {
    const state = await call(api, 'owner-anping', 'GET', `/hazards/${anpingHazard}`);
    if (state.body?.state?.status === 'reported') {
      const takenAt = new Date(Date.now() - 60_000).toISOString();
      await call(api, 'owner-anping', 'POST', `/hazards/${anpingHazard}/commands`, {
        type: 'submit_rectification',
        evidence: [
          { id: 'seed-anping-before', kind: 'photo_before', takenAt },
          { id: 'seed-anping-after-1', kind: 'photo_after', takenAt },
          { id: 'seed-anping-after-2', kind: 'photo_after', takenAt },
        ],
        note: { 'zh-CN': '已更换报警器', en: 'alarm replaced' },
      }, 'seed-anping-rectify');
    }
  }
  return reported;
}
