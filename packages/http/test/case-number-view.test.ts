// The hazard view names the case's number (案号): GET /hazards/{id} answers `caseNumber`, the
// 文号 the document register gave the 立案审批表 issued with the case_filed event — the number
// every document of the case prints — read-only (derived, never sent), null before a case is
// filed. Over a real node:http server; every response checked against the served document.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@anjian/core';
import { DOCUMENT_KINDS, loadOverride } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import { toNodeHandler } from '../src/index.js';
import { caseNumberOf } from '../src/document-context.js';
import { createHarness, MISMATCHES, noAlarmInspection, type Transport } from './harness.js';

const OVERRIDE =
  'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n';

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The harness's requests go to the API through a real `node:http` server on 127.0.0.1. */
const overHttp: Transport = (api) => {
  const server = createServer(toNodeHandler(api));
  // Idle sockets stay open longer than fetch keeps them, so a busy machine never reuses one the server is closing (ECONNRESET).
  server.keepAliveTimeout = 60_000;
  servers.push(server);
  const base = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  return async (request) => {
    const url = new URL(request.url);
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    return fetch(`${await base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body ? { body } : {}), redirect: 'manual' });
  };
};

describe('the hazard view names the case number (案号), from the document register', () => {
  it('null before the case; after file_case the 立案审批表 文号 for every reader; a command cannot set it', async () => {
    const override = loadOverride(OVERRIDE, 'd1.yaml');
    if (!override.ok) throw new Error('override');
    const mismatches = MISMATCHES.length;
    const d = await createHarness('2026-11-02T01:00:00Z', createMemoryStore(), '/api', overHttp, {
      documents: { templates: DOCUMENT_KINDS.map((k) => loadBuiltinTemplate(k)), override: override.value },
    });
    let n = 0;
    const cmd = (actor: string, id: string, body: object) => d.call(actor, 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': `cn-${++n}` } });
    const view = async (actor: string, id: string) => {
      const r = await d.call(actor, 'GET', `/hazards/${id}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as { state: { status: string; caseNo: string | null; version: number }; caseNumber: string | null };
    };

    const inspection = await d.call('owner-e1', 'POST', '/inspections?report=true', { body: noAlarmInspection(), headers: { 'idempotency-key': 'cn-self' } });
    expect(inspection.status).toBe(200);
    const id: string = inspection.body.reports[0].hazardId;
    expect((await view('owner-e1', id)).caseNumber).toBeNull();
    // The demo pack's level rests on an unverified clause: an officer confirms it before a case is filed.
    expect((await cmd('officer-gas-d1', id, { type: 'confirm_level', level: 'general', reason: { 'zh-CN': '现场核实' } })).status).toBe(200);

    // Read-only: a command that carries a case number is refused and records nothing.
    const version = (await view('officer-gas-d1', id)).state.version;
    const declared = await cmd('officer-gas-d1', id, { type: 'file_case', caseNumber: '（东）应急立〔2026〕99号', coOfficerId: 'officer2-gas-d1' });
    expect(declared.status, JSON.stringify(declared.body)).toBe(422);
    expect(JSON.stringify(declared.body)).toContain('/caseNumber');
    expect((await view('officer-gas-d1', id)).state.version).toBe(version);

    const filed = await cmd('officer-gas-d1', id, { type: 'file_case', coOfficerId: 'officer2-gas-d1' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const documents = (await d.call('officer-gas-d1', 'GET', `/hazards/${id}/documents`)).body.items as { kind: string; number: string }[];
    const approval = documents.find((x) => x.kind === 'case_filing_approval');
    expect(approval?.number).toBe('（东）应急立〔2026〕1号');
    // The enterprise, the officer and the second officer read the same number; the typed field stays null.
    for (const actor of ['owner-e1', 'officer-gas-d1', 'officer2-gas-d1']) {
      const after = await view(actor, id);
      expect([after.state.status, after.state.caseNo, after.caseNumber], actor).toEqual(['case_filed', null, '（东）应急立〔2026〕1号']);
    }
    // A second case in the jurisdiction takes the next number; the first keeps its own.
    const second = await d.call('owner-e1', 'POST', '/inspections?report=true', { body: noAlarmInspection(), headers: { 'idempotency-key': 'cn-self-2' } });
    const id2: string = second.body.reports[0].hazardId;
    expect((await cmd('officer-gas-d1', id2, { type: 'confirm_level', level: 'general', reason: { 'zh-CN': '现场核实' } })).status).toBe(200);
    expect((await cmd('officer-gas-d1', id2, { type: 'file_case', coOfficerId: 'officer2-gas-d1' })).status).toBe(200);
    expect([(await view('owner-e1', id2)).caseNumber, (await view('owner-e1', id)).caseNumber]).toEqual(['（东）应急立〔2026〕2号', '（东）应急立〔2026〕1号']);
    expect(MISMATCHES.slice(mismatches)).toEqual([]);
  }, 60_000);

  it('without the register: a case filed before the server numbered cases shows the number typed then; otherwise none', () => {
    const filed = [{ id: 'ev-2', type: 'case_filed' as const }];
    expect(caseNumberOf(undefined, { caseNo: 'D1-2026-017' }, filed, [])).toBe('D1-2026-017');
    expect(caseNumberOf(undefined, { caseNo: null }, filed, [])).toBeNull();
  });
});
