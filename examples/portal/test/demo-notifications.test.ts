/**
 * The portal's early-warning loop on a real SQLite file: the seed's rectification notice
 * becomes an SMS to the enterprise; once the deadline has passed, the scheduler records the
 * overdue notice and the escalation, and their SMS reach the enterprise and the enforcement
 * desk — each once, through the outbox relay and the demo gateway's log.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createPortal, type Portal } from '../src/create-portal.js';
import type { DemoSms } from '../src/demo-notifications.js';

/**
 * Registered beside the demo's own (a host's register): one with a mobile number in its record, one without —
 * which also rents a shopfront out, to a third that has a number.
 */
const MORE_ENTERPRISES = [
  { id: 'ent-xinfa', name: '鑫发小吃店', area: 'D1/G1', phone: '139 0000 0006' },
  { id: 'ent-wuhao', name: '无号面馆', area: 'D1/G2' },
  { id: 'ent-zuhu', name: '租户粥铺', area: 'D1/G2', phone: '13900000007' },
];
const MORE_PREMISES = {
  premises: [{ id: 'p-wuhao-2', enterpriseId: 'ent-wuhao', address: 'D1区面馆街2号', area: 'D1/G2', kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: false }],
  tenancies: [{ premisesId: 'p-wuhao-2', tenantEnterpriseId: 'ent-zuhu' }],
};
let dataDir: string;
let portal: Portal;
let now = new Date('2026-11-30T01:00:00Z'); // a Monday, 09:00 in China
const clock = { now: () => new Date(now) };

const asAdmin = { headers: { 'x-demo-user': 'admin-chen' } };
const sms = async (): Promise<DemoSms[]> => ((await (await portal.fetch(new Request('http://portal.test/demo/sms', asAdmin))).json()) as { messages: DemoSms[] }).messages;
/**
 * The grid inspector's gas patrol of `subject` (the basement hot-pot example's findings, reported), then
 * a rectification notice on its general hazard; returns that hazard's id. `key` prefixes the two idempotency keys.
 */
async function patrolThenNotice(subject: { enterpriseId: string; premisesId?: string }, key: string): Promise<string> {
  const headers = { 'x-demo-user': 'grid-wang', 'content-type': 'application/json', 'idempotency-key': `${key}-1`, origin: 'http://portal.test' };
  const example = parse(readFileSync(new URL('../../inspections/gas-basement-hotpot-lpg.yaml', import.meta.url), 'utf8')) as { findings: Record<string, unknown> };
  const body = { pack: 'gas', premises: 'restaurant', subject, findings: example.findings };
  const res = await portal.fetch(new Request('http://portal.test/api/inspections?report=true', { method: 'POST', headers, body: JSON.stringify(body) }));
  expect(res.status, await res.clone().text()).toBe(200);
  const result = (await res.json()) as { classification: { hazards: Array<{ rule: string; level: string }> }; reports: Array<{ rule: string; hazardId: string; ok: boolean }> };
  const general = result.classification.hazards.find((h) => h.level === 'general')!.rule;
  const hazardId = result.reports.find((r) => r.ok && r.rule === general)!.hazardId;
  const notice = await portal.fetch(
    new Request(`http://portal.test/api/hazards/${hazardId}/commands`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': `${key}-2` },
      body: JSON.stringify({ type: 'issue_notice' }),
    }),
  );
  expect(notice.status).toBeLessThan(300);
  return hazardId;
}
const hazard = async (id: string) =>
  ((await (await portal.fetch(new Request(`http://portal.test/api/hazards/${id}`, { headers: { 'x-demo-user': 'grid-wang' } }))).json()) as { state: { status: string; deadline: string } }).state;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-sms-'));
  portal = await createPortal({ dataDir, clock, tickMs: 0, trustIdentityHeader: true, moreEnterprises: MORE_ENTERPRISES, morePremises: MORE_PREMISES });
}, 60_000);

afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo notifications', () => {
  it('sends the rectification notice of the seed as an SMS to the enterprise, with the deadline', async () => {
    const messages = await sms();
    const notice = messages.find((m) => m.kind === 'hazard.notice_issued');
    expect(notice).toBeDefined();
    expect(notice!.to).toBe('139****0001'); // 绿园餐厅, masked
    expect(notice!.text).toMatch(/^【D1区应急管理局】绿园餐厅：/);
    const { deadline } = await hazard(notice!.hazardId);
    const due = new Date(new Date(deadline).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(notice!.text).toContain(`须于${due}前整改完毕`);
    // Reports, rectifications and case filings send no SMS in this portal; the daily early warning (core's runDailyWarning) does.
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(['hazard.notice_issued', 'monitoring.daily_warning', 'monitoring.area_digest']));
    const daily = messages.find((m) => m.kind === 'monitoring.daily_warning' && m.to === '139****0001')!;
    expect(daily.text).toMatch(/^【D1区应急管理局】绿园餐厅今日安全提醒：.+。请及时处理。$/);
    expect(messages.filter((m) => m.kind === 'monitoring.area_digest').map((m) => m.to)).toEqual(['139****0020']);
  });

  it('seeds the permits through the permit commands: 绿园餐厅’s confined-space job awaiting approval, 东方化工仓储’s 一级 hot work in progress (passing gas test)', async () => {
    const of = async (enterpriseId: string, user: string) =>
      (
        (await (await portal.fetch(new Request(`http://portal.test/api/permits?enterpriseId=${enterpriseId}`, { headers: { 'x-demo-user': user } }))).json()) as {
          items: Array<{ permitId: string; status: string; rule: { kind: string; grade: string; premises: string }; lastTest: { pass: boolean } | null; attendantPresent: boolean }>;
        }
      ).items;
    // The regime is the directory's: the restaurant's job follows the general rules, the chemical depot's hot work GB 30871.
    const lvyuan = await of('ent-lvyuan', 'owner-lvyuan');
    expect(lvyuan.map((p) => [p.rule.kind, p.rule.grade, p.rule.premises, p.status])).toEqual([['confined_space', 'none', 'general', 'applied']]);
    const dongfang = await of('ent-dongfang', 'owner-dongfang');
    expect(dongfang.map((p) => [p.rule.kind, p.rule.grade, p.rule.premises, p.status])).toEqual([['hot_work', 'first', 'hazchem', 'in_progress']]);
    const hot = dongfang[0]!;
    expect(hot).toMatchObject({ lastTest: { pass: true }, attendantPresent: true });
    const events = (
      (await (await portal.fetch(new Request(`http://portal.test/api/permits/${hot.permitId}`, { headers: { 'x-demo-user': 'owner-dongfang' } }))).json()) as {
        events: Array<{ type: string; actorId: string }>;
      }
    ).events;
    expect(events.map((e) => `${e.type}:${e.actorId}`)).toEqual([
      'applied:owner-dongfang',
      'approved:safety-dongfang',
      'gas_tested:owner-dongfang',
      'attendant_present:attendant-dongfang',
      'started:owner-dongfang',
    ]);
  });

  it('relays a permit’s text (the job suspended) from the permit store’s outbox to the enterprise, once', async () => {
    const list = await portal.fetch(new Request('http://portal.test/api/permits?area=D1/G1', { headers: { 'x-demo-user': 'grid-wang' } }));
    const hot = ((await list.json()) as { items: Array<{ permitId: string; rule: { kind: string } }> }).items.find((p) => p.rule.kind === 'hot_work')!;
    // The grid inspector's spot check: the attendant is not on site → core suspends the job and queues the text.
    const headers = { 'x-demo-user': 'grid-wang', 'content-type': 'application/json', 'idempotency-key': 'permit-sms-1', origin: 'http://portal.test' };
    const left = await portal.fetch(new Request(`http://portal.test/api/permits/${hot.permitId}/attendant-left`, { method: 'POST', headers, body: '{}' }));
    expect(left.status).toBe(200);
    await portal.notifications.runOnce();
    await portal.notifications.runOnce();
    const texts = (await sms()).filter((m) => m.permitId === hot.permitId);
    expect(texts).toHaveLength(1);
    const [text] = texts;
    expect(text).toMatchObject({ kind: 'permit.suspended', to: '139****0005', hazardId: '', permitNo: expect.stringMatching(/^XK-[0-9A-F]{6}$/) });
    expect(text!.text).toBe(`【D1区应急管理局】东方化工仓储：一级动火作业（${text!.permitNo}）已暂停：监护人离开现场。须复测合格、监护人到位方可恢复。`);
  });

  it('texts a permit still waiting for approval near its start to the holder of the approver role core names, once', async () => {
    // The seed's confined-space job (隔油池清掏) was applied for at 09:00 for a 10:00 start; core warns from 15 minutes after the application.
    const list = await portal.fetch(new Request('http://portal.test/api/permits?enterpriseId=ent-lvyuan', { headers: { 'x-demo-user': 'owner-lvyuan' } }));
    const waiting = ((await list.json()) as { items: Array<{ permitId: string; status: string; rule: { kind: string; approverRole: string } }> }).items.find((p) => p.rule.kind === 'confined_space')!;
    expect([waiting.status, waiting.rule.approverRole]).toEqual(['applied', 'unit']);
    const before = now;
    now = new Date(before.getTime() + 20 * 60_000);
    try {
      await portal.permits.runOnce();
      await portal.notifications.runOnce();
      await portal.permits.runOnce();
      await portal.notifications.runOnce();
    } finally {
      now = before;
    }
    const texts = (await sms()).filter((m) => m.permitId === waiting.permitId);
    // 所在基层单位 (unit) at 绿园餐厅 is its safety officer (demo-permits.ts), not the owner who applied nor the enterprise's number
    expect(texts.map((m) => [m.kind, m.to])).toEqual([['permit.approval_due', '139****0032']]);
    expect(texts[0]!.text).toBe(`【D1区应急管理局】绿园餐厅：有限空间作业（${texts[0]!.permitNo}）计划2026-11-30 10:00开始，尚未审批，请审批或取消作业票。`);
  });

  it('records overdue and escalation once the deadline has passed, and texts the enterprise and the enforcement desk once each', async () => {
    const [notice] = (await sms()).filter((m) => m.kind === 'hazard.notice_issued');
    const { deadline } = await hazard(notice!.hazardId);
    now = new Date(new Date(deadline).getTime() + 2 * 86_400_000);

    const first = await portal.notifications.runOnce();
    expect(first.recorded).toBeGreaterThanOrEqual(2);
    expect((await hazard(notice!.hazardId)).status).toBe('escalated');
    const again = await portal.notifications.runOnce();
    expect(again).toEqual({ recorded: 0, delivered: 0 });

    const forHazard = (await sms()).filter((m) => m.hazardId === notice!.hazardId);
    expect(forHazard.map((m) => m.kind).sort()).toEqual(['hazard.escalated', 'hazard.notice_issued', 'hazard.overdue']);
    const escalated = forHazard.find((m) => m.kind === 'hazard.escalated')!;
    expect(escalated.to).toBe('139****0010');
    expect(escalated.text).toContain('已升级至D1区应急管理局处理');
    // the text names the hazard by its short reference (core's hazardRef), never by its 27-character id
    for (const m of forHazard) {
      expect(m.hazardNo).toMatch(/^YH-\d{4,}$/);
      expect(m.text).toContain(`编号${m.hazardNo}`);
      expect(m.text).not.toContain(m.hazardId);
    }
    // The gateway log has one line per outbox message id.
    const ids = readFileSync(join(dataDir, 'sms.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as DemoSms).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the SMS log only to department admins (401 without a login, 403 for others)', async () => {
    expect((await portal.fetch(new Request('http://portal.test/demo/sms'))).status).toBe(401);
    const owner = await portal.fetch(new Request('http://portal.test/demo/sms', { headers: { 'x-demo-user': 'owner-lvyuan' } }));
    expect(owner.status).toBe(403);
    expect(((await owner.json()) as { code: string }).code).toBe('FORBIDDEN');
  });

  it('copies a tenant’s notice to its landlord (a hazard at a rented premises names the landlord)', async () => {
    // 安平火锅店 rents p-lvyuan-2 from 绿园餐厅 (demo-relations.ts): the grid inspector's patrol there, then a notice.
    const hazardId = await patrolThenNotice({ enterpriseId: 'ent-anping', premisesId: 'p-lvyuan-2' }, 'landlord-copy');
    await portal.notifications.runOnce();
    const texts = (await sms()).filter((m) => m.hazardId === hazardId && m.kind === 'hazard.notice_issued');
    expect(texts.map((m) => m.to).sort()).toEqual(['139****0001', '139****0003']); // 绿园餐厅 (the landlord), 安平火锅店
    expect(texts.every((m) => m.text.startsWith('【D1区应急管理局】安平火锅店：'))).toBe(true);
  });

  it('texts a notice of a registered enterprise outside the demo’s four (东方化工仓储) to its number, named as the directory registers it', async () => {
    const hazardId = await patrolThenNotice({ enterpriseId: 'ent-dongfang' }, 'dongfang-notice');
    await portal.notifications.runOnce();
    const texts = (await sms()).filter((m) => m.hazardId === hazardId && m.kind === 'hazard.notice_issued');
    expect(texts.map((m) => m.to)).toEqual(['139****0005']);
    expect(texts[0]!.text).toMatch(/^【D1区应急管理局】东方化工仓储：/);
    const outbox = (await (await portal.fetch(new Request('http://portal.test/api/outbox', asAdmin))).json()) as { deadLetters: Array<{ hazardId: string; lastError: string }> };
    expect(outbox.deadLetters.filter((m) => m.hazardId === hazardId)).toEqual([]);
  });

  it('texts a notice of an enterprise registered outside the demo to the number its directory record carries', async () => {
    const hazardId = await patrolThenNotice({ enterpriseId: 'ent-xinfa' }, 'xinfa-notice');
    await portal.notifications.runOnce();
    const texts = (await sms()).filter((m) => m.hazardId === hazardId && m.kind === 'hazard.notice_issued');
    expect(texts.map((m) => m.to)).toEqual(['139****0006']);
    expect(texts[0]!.text).toMatch(/^【D1区应急管理局】鑫发小吃店：/);
    const outbox = (await (await portal.fetch(new Request('http://portal.test/api/outbox', asAdmin))).json()) as { deadLetters: Array<{ hazardId: string; lastError: string }> };
    expect(outbox.deadLetters.filter((m) => m.hazardId === hazardId)).toEqual([]);
  });

  it('an enterprise whose record has no number is a dead letter naming it, not a silent drop', async () => {
    const hazardId = await patrolThenNotice({ enterpriseId: 'ent-wuhao' }, 'wuhao-notice');
    await portal.notifications.runOnce();
    expect((await sms()).filter((m) => m.hazardId === hazardId)).toEqual([]);
    const outbox = (await (await portal.fetch(new Request('http://portal.test/api/outbox', asAdmin))).json()) as { deadLetters: Array<{ hazardId: string; lastError: string }> };
    const dead = outbox.deadLetters.filter((m) => m.hazardId === hazardId);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.lastError).toContain('ent-wuhao');
    expect(dead[0]!.lastError).toContain('无号面馆');
  });

  it('a landlord whose record has no number is a dead letter naming it, after its tenant is texted — not a copy dropped in silence', async () => {
    const hazardId = await patrolThenNotice({ enterpriseId: 'ent-zuhu', premisesId: 'p-wuhao-2' }, 'zuhu-notice');
    await portal.notifications.runOnce();
    expect((await sms()).filter((m) => m.hazardId === hazardId).map((m) => m.to)).toEqual(['139****0007']);
    const outbox = (await (await portal.fetch(new Request('http://portal.test/api/outbox', asAdmin))).json()) as { deadLetters: Array<{ hazardId: string; lastError: string }> };
    const dead = outbox.deadLetters.filter((m) => m.hazardId === hazardId);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.lastError).toContain('landlord ent-wuhao (无号面馆)');
  });

  it("texts a penalty notice to the enterprise with its 陈述申辩 deadline and, for a 50 000 yuan fine, the hearing right (core's deadlines)", async () => {
    // 红星's major hazard has a case (seed); two officers notify a penalty, the second confirming with a co-sign code from his own session.
    const list = (await (await portal.fetch(new Request('http://portal.test/api/hazards?enterprise=ent-hongxing', { headers: { 'x-demo-user': 'officer-li' } }))).json()) as {
      items: Array<{ hazardId: string; status: string }>;
    };
    const hazardId = list.items.find((h) => h.status === 'case_filed')!.hazardId;
    const issued = await portal.fetch(
      new Request(`http://portal.test/api/hazards/${hazardId}/co-sign-codes`, {
        method: 'POST',
        headers: { 'x-demo-user': 'officer-zhao', 'content-type': 'application/json', origin: 'http://portal.test' },
        // He confirms the fine he co-signs (decision 010, update): the notice below must carry it.
        body: JSON.stringify({ act: 'notify_penalty', content: { penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 50_000 } } }),
      }),
    );
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    const res = await portal.fetch(
      new Request(`http://portal.test/api/hazards/${hazardId}/commands`, {
        method: 'POST',
        headers: { 'x-demo-user': 'officer-li', 'content-type': 'application/json', 'idempotency-key': 'penalty-sms-1', origin: 'http://portal.test', 'co-sign-code': code },
        body: JSON.stringify({ type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 50_000 } }),
      }),
    );
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    await portal.notifications.runOnce();
    const state = (
      (await (await portal.fetch(new Request(`http://portal.test/api/hazards/${hazardId}`, { headers: { 'x-demo-user': 'officer-li' } }))).json()) as {
        state: { penalty: { statementDeadline: string; hearingDeadline: string } };
      }
    ).state;
    const china = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const texts = (await sms()).filter((m) => m.hazardId === hazardId && m.kind === 'hazard.penalty_notified_hearing');
    expect(texts.map((m) => m.to)).toEqual(['139****0002']); // 红星机械厂食堂
    expect(texts[0]!.text).toContain('拟依据《中华人民共和国安全生产法》第一百零二条作出行政处罚');
    // Sent before the notice is served: the periods from receipt, in working days — no date counted from the record.
    expect(texts[0]!.text).toContain('可自收到告知书之日起三个工作日内提出陈述、申辩');
    expect(texts[0]!.text).toContain('有权要求听证，须自收到告知书之日起五个工作日内提出');
    for (const recorded of [state.penalty.statementDeadline, state.penalty.hearingDeadline]) expect(texts[0]!.text).not.toContain(china(recorded));
  });

  it('lists the newest SMS first and honours limit', async () => {
    const all = await sms();
    expect(all.length).toBeGreaterThan(1);
    expect([...all].sort((a, b) => b.at.localeCompare(a.at)).map((m) => m.at)).toEqual(all.map((m) => m.at));
    const one = ((await (await portal.fetch(new Request('http://portal.test/demo/sms?limit=1', asAdmin))).json()) as { messages: DemoSms[] }).messages;
    expect(one).toEqual(all.slice(0, 1));
  });

  // Last: it moves the clock 91 days on.
  it('a scheduler pass deletes the outbox messages delivered more than 90 days ago by its clock, never a pending one (docs/outbox.md Retention)', async () => {
    // the passes are driven here: the relay's own loop would deliver the pending messages below at its time
    await portal.notifications.stop();
    await portal.notifications.runOnce();
    const outbox = createSqliteStore({ path: join(dataDir, 'anjian.db') });
    try {
      const dead = new Set((await outbox.readDeadLetters(10_000)).map((m) => m.id));
      const delivered = (await outbox.readOutbox(0, 10_000)).filter((m) => !dead.has(m.id)).map((m) => m.id);
      expect((await outbox.outboxStatus(now.toISOString())).pending).toBe(0);
      expect(delivered.length).toBeGreaterThan(0);
      // a notice now: its messages are pending until the next relay pass, which comes after the scheduler's
      await patrolThenNotice({ enterpriseId: 'ent-xinfa' }, 'retention');
      const pending = (await outbox.readOutbox(0, 10_000)).filter((m) => !dead.has(m.id) && !delivered.includes(m.id)).map((m) => m.id);
      expect(pending.length).toBeGreaterThan(0);
      expect((await outbox.outboxStatus(now.toISOString())).pending).toBe(pending.length);

      now = new Date(now.getTime() + 91 * 86_400_000);
      await portal.notifications.runOnce();
      const kept = new Set((await outbox.readOutbox(0, 100_000)).map((m) => m.id));
      for (const id of pending) expect(kept.has(id), id).toBe(true); // pending at the pass, delivered after it
      for (const id of delivered) expect(kept.has(id), id).toBe(false);
      for (const id of dead) expect(kept.has(id), id).toBe(true); // dead letters stay (no deadBefore)
      const pruned = await outbox.readPrunedOutbox(0, 100_000);
      expect(pruned.filter((m) => delivered.includes(m.id)).map((m) => m.state)).toEqual(delivered.map(() => 'delivered'));
      // the next pass, 1 day later, keeps what was delivered 1 day ago
      now = new Date(now.getTime() + 86_400_000);
      await portal.notifications.runOnce();
      for (const id of pending) expect((await outbox.readOutbox(0, 100_000)).some((m) => m.id === id)).toBe(true);
    } finally {
      outbox.close();
    }
  });
});
