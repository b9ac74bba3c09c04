/**
 * Hostile requests against the real demo portal (a server process on a free port, its SQLite
 * file and uploads folder, no browser) aimed at what was added last and had no attacker pass:
 * the penalty path of a filed case, the documents it issues, and photos uploaded to a hazard.
 * Each case replays an attack tried by hand against a running portal (docs/security.md T38,
 * T40, T41) and checks the answer and that a refusal wrote nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPng } from '../src/demo-png.js';
import { startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
/** The seeded major hazard of 红星机械厂食堂 whose case is filed (seed step seed-hongxing-case). */
let caseId: string;

beforeAll(async () => {
  portal = await startPortal({ browser: false });
  const filed = await portal.api('officer-li', 'GET', '/hazards?status=case_filed');
  expect(filed.status).toBe(200);
  caseId = (filed.body.items as { hazardId: string; enterpriseId: string }[]).find((h) => h.enterpriseId === 'ent-hongxing')!.hazardId;
});
afterAll(async () => {
  await portal?.stop();
});

let keys = 0;
const key = () => `attack-penalty-${keys++}`;
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount });
const command = (user: string, body: Record<string, unknown>, idempotencyKey = key()) => portal.api(user, 'POST', `/hazards/${caseId}/commands`, body, idempotencyKey);
/** The case's events and documents: what a refused request must leave as it was. */
async function recorded(): Promise<string> {
  const [hazard, documents] = await Promise.all([portal.api('officer-li', 'GET', `/hazards/${caseId}`), portal.api('officer-li', 'GET', `/hazards/${caseId}/documents`)]);
  return JSON.stringify([hazard.body.history.length, hazard.body.state.penalty ?? null, documents.body.items.length]);
}

describe('the penalty path across enterprises and roles, and what the server decides (T40)', () => {
  it('another enterprise, the grid inspector, the owner presiding a hearing, a declared deadline or hearing right, an article off the law table, a fraction of a yuan: refused, nothing written', async () => {
    const before = await recorded();
    const statement = { type: 'record_statement', statement: { 'zh-CN': '无异议' }, hearingRequested: false };
    // Another enterprise's owner: the case is not his to read (404, as a read); the grid inspector has no part in it.
    expect((await command('owner-lvyuan', statement)).status).toBe(404);
    expect((await command('grid-wang', statement)).status).toBe(403);
    expect((await command('owner-hongxing', { type: 'record_hearing', report: { 'zh-CN': '听证' } })).status).toBe(403);
    for (const [body, pointer] of [
      [{ type: 'notify_penalty', penalty: fine(1000), statementDeadline: '2030-01-01T00:00:00Z', coOfficerId: 'officer-zhao' }, '/statementDeadline'],
      [{ type: 'notify_penalty', penalty: { ...fine(1000), hearingRight: true }, coOfficerId: 'officer-zhao' }, '/penalty/hearingRight'],
      [{ type: 'notify_penalty', penalty: { ...fine(1000), article: '__proto__' }, coOfficerId: 'officer-zhao' }, '/penalty/article'],
      [{ type: 'notify_penalty', penalty: { ...fine(1000), article: 'toString' }, coOfficerId: 'officer-zhao' }, '/penalty/article'],
      [{ type: 'notify_penalty', penalty: fine(0.5), coOfficerId: 'officer-zhao' }, '/penalty/fineAmount'],
    ] as const) {
      const r = await command('officer-li', body);
      expect([r.status, r.body.code, r.body.issues?.[0]?.pointer], JSON.stringify(body)).toEqual([422, 'INVALID_COMMAND', pointer]);
      expect(r.body.issues[0].message['zh-CN']).not.toBe('');
      expect(r.body.issues[0].message.en).not.toBe('');
    }
    expect(await recorded()).toBe(before);
  });

  it('after the notice: no early decision; eight decisions at once under different keys are one decision and one 行政处罚决定书', async () => {
    const notice = await command('officer-li', { type: 'notify_penalty', penalty: fine(1000), coOfficerId: 'officer-zhao' });
    expect(notice.status, JSON.stringify(notice.body).slice(0, 300)).toBe(200);
    // Handed over when issued (直接送达): the periods run from the service.
    const docs = `/hazards/${caseId}/documents`;
    const issued = (await portal.api('officer-li', 'GET', docs)).body.items.find((d: { kind: string }) => d.kind === 'penalty_notice');
    const service = { method: 'direct', recipient: '王建国', servedAt: notice.body.events[0].recordedAt };
    expect((await portal.api('officer-li', 'POST', `${docs}/penalty_notice/${issued.year}-${issued.seq}/service`, service)).status).toBe(201);
    const early = await command('officer-li', { type: 'decide_penalty', penalty: fine(1000), coOfficerId: 'officer-zhao' });
    expect([early.status, early.body.code]).toEqual([422, 'NOT_DUE']);
    // The party states its defence: the decision may follow.
    expect((await command('owner-hongxing', { type: 'record_statement', statement: { 'zh-CN': '<img src=x onerror=alert(1)>请求从轻' }, hearingRequested: false })).status).toBe(200);
    const decisions = await Promise.all(
      Array.from({ length: 8 }, (_, i) => command(i % 2 ? 'officer-zhao' : 'officer-li', { type: 'decide_penalty', penalty: fine(800), coOfficerId: i % 2 ? 'officer-li' : 'officer-zhao' })),
    );
    expect(decisions.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      decisions.every((r) => r.status === 200 || (r.status >= 400 && r.status < 500)),
      JSON.stringify(decisions.map((r) => r.status)),
    ).toBe(true);
    const documents = (await portal.api('officer-li', 'GET', `/hazards/${caseId}/documents`)).body.items as { kind: string }[];
    expect(documents.filter((d) => d.kind === 'penalty_decision')).toHaveLength(1);
    // The party's statement is printed as text in the decision, which no script may run in.
    const html = await portal.fetchAs('owner-hongxing', `/api/hazards/${caseId}/documents/penalty_decision`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    const text = await html.text();
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('&lt;img src=x');
  });
});

describe('documents read across hazards (T41)', () => {
  it("another enterprise's owner cannot read the case's documents, not even through a hazard of his own naming the case's event", async () => {
    expect((await portal.api('owner-lvyuan', 'GET', `/hazards/${caseId}/documents`)).status).toBe(404);
    expect((await portal.fetchAs('owner-lvyuan', `/api/hazards/${caseId}/documents/penalty_decision`)).status).toBe(404);
    // His own enterprise's hazard (the list also holds his tenants' hazards at his premises, whose penalty documents a landlord may not read at all: T52).
    const own = ((await portal.api('owner-lvyuan', 'GET', '/hazards')).body.items as { hazardId: string; enterpriseId: string }[]).filter((h) => h.enterpriseId === 'ent-lvyuan');
    const decision = (await portal.api('officer-li', 'GET', `/hazards/${caseId}/documents`)).body.items.find((d: { kind: string }) => d.kind === 'penalty_decision') as { eventId: string };
    for (const event of [decision.eventId, `../${decision.eventId}`]) {
      const r = await portal.fetchAs('owner-lvyuan', `/api/hazards/${own[0]!.hazardId}/documents/penalty_decision?event=${encodeURIComponent(event)}`);
      expect([r.status, ((await r.json()) as { code: string }).code]).toEqual([404, 'DOCUMENT_NOT_ISSUED']);
    }
  });
});

describe('photos uploaded to a hazard (T38)', () => {
  it("count against the uploader's budget: the 21st is 429 in both languages, and the uploads folder does not grow", async () => {
    const folder = () => readdirSync(join(portal.dataDir, 'uploads')).filter((n) => n.endsWith('.bin')).length;
    // Its case-filed hazard takes no evidence from it now (403, T54): a reported one it may still rectify.
    expect((await portal.fetchAs('owner-hongxing', `/api/hazards/${caseId}/evidence`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng('case') })).status).toBe(403);
    const own = await portal.api('owner-hongxing', 'GET', '/hazards?status=reported');
    const target = (own.body.items as { hazardId: string; enterpriseId: string; level: string }[]).find((h) => h.enterpriseId === 'ent-hongxing' && h.level !== 'major')!.hazardId;
    const upload = (lang: string) =>
      portal.fetchAs('owner-hongxing', `/api/hazards/${target}/evidence`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'accept-language': lang },
        body: demoPng(`attack ${Math.random()}`),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 25 && !statuses.includes(429); i++) statuses.push((await upload('en')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    const held = folder();
    const refused = await Promise.all(Array.from({ length: 10 }, () => upload('zh-CN')));
    expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 429));
    const body = (await refused[0]!.json()) as { code: string; detail: string };
    expect(body.code).toBe('UNBOUND_EVIDENCE_FILES');
    expect(body.detail).toContain('上传到隐患的文件在上传后 24 小时内计入');
    expect(folder()).toBe(held);
  });
});
