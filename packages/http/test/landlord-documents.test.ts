// A landlord (出租方) reads its tenant's hazard at the premises it rents to it — the hazard,
// its rectification and deadline, the rectification order concerning the premises — but not
// the tenant's penalty proceeding (docs/security.md T52): over a real server (http.createServer
// on 127.0.0.1, fetch), the landlord's session asks for the tenant's 行政处罚决定书 by kind, by
// number and by its issuing event, lists the documents, reads the hazard and its audit, and
// verifies the decision's PDF: 403 with a bilingual reason or nothing,
// never the document, its number, the fine or the statement. The tenant reads all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryDocumentServiceLog, LANDLORD_DOCUMENT_KINDS, type MemoryStore } from '@anjian/core/internal';
import { DOCUMENT_KINDS, loadOverride } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { createHarness, MISMATCHES, type Harness } from './harness.js';
import { closeNodeServers, overNodeServer } from './node-server.js';

const OVERRIDE =
  'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n';
const co = { coOfficerId: 'officer2-gas-d1' };
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount });
const ID = 'H-LL-1';
const GAS = {
  regulation: 'gas-regulation',
  clause: '第十八条',
  number: '国务院令第583号',
  edition: '2016',
  title: { 'zh-CN': '城镇燃气管理条例', en: 'Regulation on Urban Gas' },
  status: 'current' as const,
  confidence: 'verified' as const,
};
const STATEMENT = '法定代表人王建国陈述：软管已更换';

let d: Harness;
let decisionEvent: string;
beforeAll(async () => {
  const override = loadOverride(OVERRIDE, 'd1.yaml');
  if (!override.ok) throw new Error('override');
  d = await createHarness('2026-11-02T01:00:00Z', undefined, undefined, overNodeServer, {
    documents: { templates: DOCUMENT_KINDS.map((k) => loadBuiltinTemplate(k)), override: override.value, service: createMemoryDocumentServiceLog() },
  });
  for (const [id, name] of [
    ['officer-gas-d1', '张明'],
    ['officer2-gas-d1', '李华'],
  ] as const)
    d.directory.set({ ...(await d.directory.resolve(id))!, name });
  d.directory.setEnterprise({ ...(await d.directory.enterprise('E1'))!, address: '东城区和平里北街18号', legalRepresentative: '王建国' });
  // E2 rents premises PA to E1 (the host's directory adds the tenancy to the landlord's profile).
  const tenancy = { premisesId: 'PA', landlordEnterpriseId: 'E2', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 1, startedAt: '2026-01-01T00:00:00.000Z' };
  d.directory.set({ ...(await d.directory.resolve('owner-e2'))!, tenancies: [tenancy] });
  await d.seed(ID, 'grid-g1', { enterpriseId: 'E1', area: 'D1/G1', domain: 'gas', level: 'general', premisesId: 'PA', basis: [GAS] });
  let n = 0;
  const cmd = async (actor: string, body: object) => {
    const r = await d.call(actor, 'POST', `/hazards/${ID}/commands`, { body, headers: { 'idempotency-key': `ll-${++n}` } });
    if (r.status !== 200) throw new Error(`${JSON.stringify(body)}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await cmd('officer-gas-d1', { type: 'issue_notice', ...co }); // 责令限期整改指令书
  await cmd('grid-g1', { type: 'escalate', reason: { 'zh-CN': '拒不整改' } });
  await cmd('officer-gas-d1', { type: 'file_case', ...co }); // 立案审批表
  const notified = await cmd('officer-gas-d1', { type: 'notify_penalty', penalty: fine(20_000), ...co }); // 行政处罚告知书
  if (notified.documents[0].issued !== true) throw new Error(JSON.stringify(notified.documents));
  const served = await d.call('officer-gas-d1', 'POST', `/hazards/${ID}/documents/penalty_notice/2026-1/service`, { body: { method: 'direct', recipient: '王建国' } });
  if (served.status !== 201) throw new Error(JSON.stringify(served.body));
  d.clock.set('2026-11-03T02:00:00Z');
  await cmd('owner-e1', { type: 'record_statement', statement: { 'zh-CN': STATEMENT }, hearingRequested: false });
  decisionEvent = ((await cmd('officer-gas-d1', { type: 'decide_penalty', penalty: fine(15_000), ...co })).events as Array<{ id: string }>)[0]!.id;
}, 60_000);
afterAll(closeNodeServers);

const LEAKS = ['15000', '20000', '王建国', 'penalty_decision', 'penalty_notice', 'case_filing_approval', '罚', 'work-safety-law-2021/102'];
const noLeak = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const s of LEAKS) expect(text, s).not.toContain(s);
};

describe("a landlord and its tenant's penalty proceeding, over a real server", () => {
  it('the tenant reads the decision; the landlord asking for it by kind, number or event gets a bilingual 403 decided by the kind alone', async () => {
    expect((await d.call('owner-e1', 'GET', `/hazards/${ID}/documents/penalty_decision`)).status).toBe(200);
    for (const path of [
      `/hazards/${ID}/documents/penalty_decision`,
      `/hazards/${ID}/documents/penalty_decision?event=${encodeURIComponent(decisionEvent)}&format=pdf`,
      `/hazards/${ID}/documents/penalty_notice`,
    ]) {
      const r = await d.call('owner-e2', 'GET', path);
      expect([r.status, r.body.code], path).toEqual([403, 'DOCUMENT_NOT_FOR_LANDLORD']);
      expect(r.body.detail).toContain('出租方只能查阅承租方在其出租场所隐患的整改类文书');
      const en = await d.call('owner-e2', 'GET', path, { headers: { 'accept-language': 'en' } });
      expect([en.status, en.body.title]).toEqual([403, 'Not a document for the landlord']);
      expect(en.body.detail).toContain("a landlord reads only the rectification documents of its tenant's hazard");
    }
    // The same answer for a kind the hazard has no document of: nothing says whether there is one.
    const none = await d.call('owner-e2', 'GET', `/hazards/${ID}/documents/major_hazard_writeoff_approval`);
    expect([none.status, none.body.code]).toEqual([403, 'DOCUMENT_NOT_FOR_LANDLORD']);
    // By number, on the officers' routes: the kind is refused before the register is read.
    for (const action of ['service', 'receipt', 'void', 'issue']) {
      const r = await d.call('owner-e2', 'POST', `/hazards/${ID}/documents/penalty_decision/2026-1/${action}`, { body: action === 'void' ? { reason: 'x' } : {} });
      expect([r.status, r.body.code], action).toEqual([403, 'DOCUMENT_NOT_FOR_LANDLORD']);
    }
    // The rectification order concerning the premises is the landlord's to read.
    const order = await d.call('owner-e2', 'GET', `/hazards/${ID}/documents/rectification_order`);
    expect(order.status).toBe(200);
  });

  it('lists, the hazard and its audit show the landlord the rectification, never the proceeding — not even as a count', async () => {
    const all = await d.call('owner-e1', 'GET', `/hazards/${ID}/documents`);
    expect(all.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['case_filing_approval', 'penalty_decision', 'penalty_notice', 'rectification_order']);
    const listed = await d.call('owner-e2', 'GET', `/hazards/${ID}/documents`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { kind: string }) => i.kind)).toEqual(['rectification_order']);
    noLeak(listed.body);

    const own = await d.call('owner-e1', 'GET', `/hazards/${ID}`);
    expect(own.body.state.penalty.decided).toEqual(fine(15_000));
    expect(JSON.stringify(own.body)).toContain(STATEMENT);
    const hazard = await d.call('owner-e2', 'GET', `/hazards/${ID}`);
    expect(hazard.status).toBe(200);
    expect([hazard.body.state.hazardId, hazard.body.state.status, hazard.body.state.deadline]).toEqual([ID, own.body.state.status, own.body.state.deadline]);
    expect(hazard.body.state.penalty).toBeUndefined();
    expect(hazard.body.caseNumber).toBeNull();
    // The reply period the server derives is the tenant's (served at once on 11-02: three working days to 11-05), not the landlord's.
    expect(own.body.penaltyReplyPeriod).toEqual({ servedAt: '2026-11-02T01:00:00.000Z', deemed: null, statementDeadline: '2026-11-05T15:59:59.999Z', hearingDeadline: null });
    expect(hazard.body.penaltyReplyPeriod).toBeNull();
    // the view is named, so a page can say the proceeding is left out (whether or not there is one)
    expect([own.body.access, hazard.body.access]).toEqual(['full', 'premises']);
    expect(hazard.body.history.map((e: { type: string }) => e.type)).toEqual(['reported', 'notice_issued', 'escalated']);
    noLeak(hazard.body);
    expect(JSON.stringify(hazard.body)).not.toContain(STATEMENT);

    const audit = await d.call('owner-e2', 'GET', `/hazards/${ID}/audit`);
    expect(audit.status).toBe(200);
    noLeak(audit.body.documents);
  });

  it("verifying the decision's PDF by its code tells the landlord nothing", async () => {
    const code = (await d.call('owner-e1', 'GET', `/hazards/${ID}/documents`)).body.items.find((i: { kind: string }) => i.kind === 'penalty_decision').verificationCode as string;
    const r = await d.call('owner-e2', 'POST', `/documents/verify/${code}/pdf`, { body: new Uint8Array([37, 80, 68, 70]), headers: { 'content-type': 'application/pdf' } });
    expect([r.status, r.body]).toEqual([200, { status: 'unknown' }]);
  });

  it("the hazard's audit names a changed penalty decision to the tenant and the admin, not to the landlord — nor does its last full audit", async () => {
    const store = d.store as MemoryStore;
    const key = [...store.unsafeDocumentContents.keys()].find((k) => k.includes('penalty_decision'))!;
    store.unsafeDocumentContents.set(key, `${store.unsafeDocumentContents.get(key)!} `); // the decision's stored content changed outside the store
    const kinds = (body: { documents: Array<{ document: { kind: string } }> }) => body.documents.map((f) => f.document.kind);
    expect(kinds((await d.call('owner-e1', 'GET', `/hazards/${ID}/audit`)).body)).toContain('penalty_decision');
    const landlord = await d.call('owner-e2', 'GET', `/hazards/${ID}/audit`);
    expect([landlord.status, kinds(landlord.body)]).toEqual([200, []]);
    // The admin's full audit finds it; the hazard's line of the last full audit names it to the tenant only.
    expect((await d.call('admin-gas', 'GET', '/audit/verify')).body.ok).toBe(false);
    const problemKinds = (body: { lastFullAudit: { problems: Array<{ position: { document?: { kind: string } } }> } }) => body.lastFullAudit.problems.map((p) => p.position.document?.kind);
    expect(problemKinds((await d.call('owner-e1', 'GET', `/hazards/${ID}/audit`)).body)).toContain('penalty_decision');
    const again = await d.call('owner-e2', 'GET', `/hazards/${ID}/audit`);
    expect(problemKinds(again.body)).not.toContain('penalty_decision');
    noLeak(again.body.documents);
    noLeak(again.body.lastFullAudit.problems);
  });

  it("core's landlord kinds are document kinds of the templates (a renamed kind would silently withhold it)", () => {
    for (const kind of LANDLORD_DOCUMENT_KINDS) expect(DOCUMENT_KINDS, kind).toContain(kind);
  });

  it('every answer matches the OpenAPI document', () => {
    expect(MISMATCHES.filter((m) => m.includes('documents') || m.includes('/hazards/{id}'))).toEqual([]);
  });
});
