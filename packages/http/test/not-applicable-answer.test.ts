/**
 * Fail closed at the trust boundary, on a real `node:http` server over SQLite files: an
 * inspection that answers a question its pack does not ask in it (the question's own `when`
 * does not hold — here the LPG storage question of a natural-gas kitchen) is a 422 whose issue
 * points at that answer, says which condition did not hold and what to do, in 中文 and English;
 * no hazard is reported and no inspection recorded. Before, the answer was a warning of a 200
 * and the hazard rules read it: a major hazard from a question that did not apply.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticDirectory, loadPack } from '@anjian/core';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '@anjian/core/testing';
import { createSqliteInspectionLog, createSqliteStore, type SqliteInspectionLog, type SqliteStore } from '../../store-sqlite/src/index.js';
import { createAnjianApi, toNodeHandler } from '../src/index.js';

// Its major rule reads the LPG question without repeating the question's `when` (the author relied on the form).
const PACK = `
format: anjian/pack@1
id: lpg-storage
version: 1.0.0
domain: gas
title: { zh-CN: 液化气存放（测试）, en: LPG storage (test) }
issuer: { zh-CN: 测试, en: Test }
premises:
  - { id: restaurant, label: { zh-CN: 餐饮场所, en: Restaurant } }
regulations:
  - { id: jcg, title: { zh-CN: 城镇燃气安全规定, en: Town gas safety rules }, number: 建城规〔2023〕4号, edition: '2023', status: current, confidence: verified, determination: true }
facts:
  - id: gas_kind
    type: enum
    required: true
    label: { zh-CN: 燃气种类, en: Gas kind }
    options:
      - { value: natural_gas, label: { zh-CN: 管道天然气, en: Piped natural gas } }
      - { value: lpg, label: { zh-CN: 瓶装液化气, en: Bottled LPG } }
  - id: cylinders_below_ground
    type: boolean
    label: { zh-CN: 钢瓶存放在地下室, en: Cylinders kept below ground }
    when: { fact: gas_kind, operator: equal, value: lpg }
sections:
  - id: storage
    title: { zh-CN: 存放, en: Storage }
    items:
      - id: LPG-1
        title: { zh-CN: 钢瓶存放位置, en: Where cylinders are kept }
        asks: [gas_kind, cylinders_below_ground]
        hazards:
          - id: LPG-1-H1
            level: major
            title: { zh-CN: 地下室存放液化气钢瓶, en: LPG cylinders kept below ground }
            when: { fact: cylinders_below_ground, operator: equal, value: true }
            basis: [{ regulation: jcg, clause: 第九条 }]
`;

const dir = mkdtempSync(join(tmpdir(), 'anjian-not-applicable-'));
let server: Server;
let base: string;
let store: SqliteStore;
let inspections: SqliteInspectionLog;

beforeAll(async () => {
  const loaded = loadPack({ files: { 'pack.yaml': PACK } });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  store = createSqliteStore({ path: join(dir, 'anjian.db') });
  inspections = createSqliteInspectionLog({ path: join(dir, 'inspections.db') });
  const api = createAnjianApi({
    store,
    inspections,
    directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
    calendar: TEST_CALENDAR_2026,
    clock: createFixedClock('2026-11-02T02:00:00Z'),
    packs: [loaded.pack],
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  store.close();
  inspections.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(path: string, body: unknown, key: string) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'x-actor': 'grid-g1', 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const kitchen = (findings: Record<string, unknown>) => ({
  pack: 'lpg-storage',
  premises: 'restaurant',
  inspectedAt: '2026-11-02T09:00:00+08:00',
  subject: { enterpriseId: 'E1' },
  findings,
});

describe('an answer to a question the pack does not ask in this inspection, over HTTP', () => {
  it('report=true: 422 at the answer, naming the condition and the answer that decides it; no hazard, no record', async () => {
    const reply = await post('/inspections?report=true', kitchen({ gas_kind: 'natural_gas', cylinders_below_ground: true }), 'natural-gas-1');
    expect(reply.status, JSON.stringify(reply.body)).toBe(422);
    expect(reply.body.code).toBe('INVALID_INSPECTION');
    const issues = reply.body.issues as { code: string; severity: string; pointer: string; message: { 'zh-CN': string; en: string }; hint?: { 'zh-CN': string; en: string } }[];
    expect(issues.map((i) => [i.code, i.severity, i.pointer])).toEqual([['NOT_APPLICABLE_ANSWER', 'error', '/findings/cylinders_below_ground']]);
    const [issue] = issues;
    expect(issue!.message['zh-CN']).toContain('其适用条件 gas_kind = "lpg" 不成立（燃气种类：管道天然气');
    expect(issue!.message.en).toContain('its when (gas_kind = "lpg") does not hold (Gas kind: Piped natural gas');
    expect(issue!.hint?.['zh-CN']).toBe('删去这一答案（表单在此不问它）；若这一问题确实适用，请改正决定它是否适用的答案：“燃气种类”（gas_kind）');
    expect(issue!.hint?.en).toBe('remove the answer (the form does not ask it here); if the question does apply, correct the answer that decides it: "Gas kind" (gas_kind)');
    expect(await store.readLog(0, 10)).toEqual([]);
    expect(await inspections.listInspections({ enterpriseId: 'E1', limit: 10 })).toEqual([]);
  });

  it('classified without report=true: the same 422 (one check for every path to a classification)', async () => {
    const reply = await post('/inspections', kitchen({ gas_kind: 'natural_gas', cylinders_below_ground: true }), 'natural-gas-2');
    expect(reply.status).toBe(422);
    expect((reply.body.issues as { code: string; pointer: string }[]).map((i) => [i.code, i.pointer])).toEqual([['NOT_APPLICABLE_ANSWER', '/findings/cylinders_below_ground']]);
  });

  it('the answer removed: 200, recorded, nothing found; the question asked (LPG): the major hazard is reported', async () => {
    const clean = await post('/inspections?report=true', kitchen({ gas_kind: 'natural_gas' }), 'natural-gas-3');
    expect(clean.status, JSON.stringify(clean.body)).toBe(200);
    expect(clean.body.reports).toEqual([]);
    expect(clean.body.warnings).toEqual([]);
    expect(await inspections.readInspection(clean.body.inspectionId as string)).not.toBeNull();
    const lpg = await post('/inspections?report=true', kitchen({ gas_kind: 'lpg', cylinders_below_ground: true }), 'lpg-1');
    expect(lpg.status, JSON.stringify(lpg.body)).toBe(200);
    expect((lpg.body.reports as { rule: string; ok: boolean }[]).map((r) => [r.rule, r.ok])).toEqual([['LPG-1-H1', true]]);
  });
});
