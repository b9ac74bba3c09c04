// A command whose working-day deadline runs into a year the host's calendar does not cover (the
// 2027 holiday arrangement not loaded in December 2026) is a 503 CALENDAR_NOT_COVERED naming the
// year and the notice to load — not a 500, not a deadline a day early — and records nothing.
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, handleCommand } from '@anjian/core';
import { createFixedClock, reportCommand, TEST_ACTORS } from '@anjian/core/testing';
import type { ApiLogEntry } from '../src/api-logger.js';
import { createAnjianApi } from '../src/create-anjian-api.js';
import { documentValidator } from './openapi-validator.js';
import { documentsHarness, GAS_BASIS, ONLY_2026 } from './documents-harness.js';
import { LOGS } from './harness.js';

describe('a deadline into a year the calendar does not cover, over HTTP', () => {
  it('is a 503 CALENDAR_NOT_COVERED in both languages, documented, logged for the host, and nothing is recorded', async () => {
    const store = createMemoryStore();
    const directory = createStaticDirectory(Object.values(TEST_ACTORS));
    const clock = createFixedClock('2026-12-10T02:00:00Z');
    // Reported on Thu Dec 10: 7 working days end on Mon Dec 21 (inside 2026).
    const seeded = await handleCommand({ store, directory, calendar: ONLY_2026, clock }, reportCommand('H-1'), 'grid-g1');
    expect('events' in seeded).toBe(true);
    const logs: ApiLogEntry[] = [];
    const api = createAnjianApi({ store, directory, calendar: ONLY_2026, clock, packs: [], basePath: '/api', logger: (e) => logs.push(e), authenticate: async (r) => r.headers.get('x-actor') });
    // Mon Dec 28: the notice's 7 working days run into 2027, whose 元旦 the calendar cannot tell.
    clock.set('2026-12-28T02:00:00Z');
    const send = (lang: string) =>
      api.fetch(
        new Request('http://x/api/hazards/H-1/commands', {
          method: 'POST',
          headers: { 'x-actor': 'grid-g1', 'idempotency-key': `k-${lang}`, 'content-type': 'application/json', 'accept-language': lang },
          body: JSON.stringify({ type: 'issue_notice' }),
        }),
      );
    const en = await send('en');
    const body = await en.json();
    expect([en.status, body.code]).toEqual([503, 'CALENDAR_NOT_COVERED']);
    expect(body.detail).toBe(
      'the 2027 holiday arrangement (国务院办公厅关于2027年部分节假日安排的通知) is not loaded in the working-day calendar, so a period through 2027-01-01 cannot be computed; the host must load it',
    );
    expect(documentValidator(api.openapi).check('post', '/api/hazards/{id}/commands', 503, 'application/problem+json', body)).toBeNull();
    const zh = await (await send('zh-CN')).json();
    expect(zh.detail).toContain('工作日日历未载入 2027 年的节假日安排');
    // The host is told (logged as a server-side failure), and the hazard is as it was.
    expect(logs.filter((l) => l.status === 503)).toHaveLength(2);
    expect((await store.load('H-1'))?.map((e) => e.type)).toEqual(['reported']);
    const read = await api.fetch(new Request('http://x/api/hazards/H-1', { headers: { 'x-actor': 'grid-g1' } }));
    expect([read.status, (await read.json()).state.status]).toEqual([200, 'reported']);
    // The OpenAPI document lists the code under 503 for the operations that count working days.
    const doc = api.openapi as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, method] of [
      ['/api/hazards/{id}/commands', 'post'],
      ['/api/inspections', 'post'],
    ] as const) {
      expect(JSON.stringify(doc.paths[path]?.[method]?.responses['503'] ?? null), `${method} ${path}`).toContain('Problem503');
    }
    expect(JSON.stringify((api.openapi as { components: { schemas: Record<string, unknown> } }).components.schemas.Problem503)).toContain('CALENDAR_NOT_COVERED');
  });

  it('GET /hazards/{id} of a penalty whose reply period reaches 2027 is a 200: every known field, the period null and said unavailable (why, both languages); the host told once per read', async () => {
    const reported: { error: unknown; requestId: string }[] = [];
    const d = await documentsHarness('2026-12-10T02:00:00Z', { calendar: ONLY_2026, onError: (error, { requestId }) => void reported.push({ error, requestId }) });
    await d.seed('H-GAP', 'officer-gas-d1', { source: 'enforcement', basis: GAS_BASIS });
    const act = (key: string, body: object) => d.call('officer-gas-d1', 'POST', '/hazards/H-GAP/commands', { body: { ...body, coOfficerId: 'officer2-gas-d1' }, headers: { 'idempotency-key': key } });
    expect((await act('gap-case', { type: 'file_case' })).status).toBe(200);
    expect((await act('gap-notice', { type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 } })).status).toBe(200);
    // Read before the service: nothing is unavailable.
    const before = await d.call('owner-e1', 'GET', '/hazards/H-GAP');
    expect([before.status, before.body.penaltyReplyPeriod, before.body.penaltyReplyPeriodUnavailable]).toEqual([200, null, null]);
    // Served (直接送达) on Tue 29 December: the party's 3 working days reach 1 January 2027, whose 元旦 the calendar cannot tell.
    d.clock.set('2026-12-29T02:00:00Z');
    expect((await d.call('officer-gas-d1', 'POST', '/hazards/H-GAP/documents/penalty_notice/2026-1/service', { body: { method: 'direct', recipient: '王建国' } })).status).toBe(201);
    const errorsBefore = LOGS.filter((l) => l.level === 'error').length;
    for (const reader of ['owner-e1', 'officer-gas-d1', 'grid-g1']) {
      const r = await d.call(reader, 'GET', '/hazards/H-GAP', { headers: { 'accept-language': 'en' } });
      expect([reader, r.status], JSON.stringify(r.body)).toEqual([reader, 200]);
      // Every known field as ever: the state with its proceeding, the whole history, the case number, the view.
      expect([r.body.state.penalty?.notified.fineAmount, r.body.history.map((e: { type: string }) => e.type), r.body.caseNumber, r.body.access]).toEqual([
        20_000,
        ['reported', 'case_filed', 'penalty_notified'],
        '（东）应急立〔2026〕1号',
        'full',
      ]);
      expect(r.headers.get('etag')).toBe(`"${r.body.state.version}"`);
      // The period: not a date, not "not served" — unavailable, and why, in both languages.
      expect(r.body.penaltyReplyPeriod).toBeNull();
      expect(r.body.penaltyReplyPeriodUnavailable).toEqual({
        code: 'CALENDAR_NOT_COVERED',
        message: {
          'zh-CN': expect.stringContaining('工作日日历未载入 2027 年的节假日安排（国务院办公厅关于2027年部分节假日安排的通知）'),
          en: 'the 2027 holiday arrangement (国务院办公厅关于2027年部分节假日安排的通知) is not loaded in the working-day calendar, so a period through 2027-01-01 cannot be computed; the host must load it',
        },
      });
      expect(documentValidator(d.api.openapi).check('get', '/api/hazards/{id}', 200, 'application/json', r.body)).toBeNull();
    }
    // The host learns it must load 2027: one error record and one onError call per read, each the ChainError.
    const records = LOGS.filter((l) => l.level === 'error').slice(errorsBefore);
    expect(records.map((l) => [l.event, l.status, l.path, l.error?.code])).toEqual(Array(3).fill(['derived_value_unavailable', 200, '/api/hazards/H-GAP', 'CALENDAR_NOT_COVERED']));
    expect(reported.map((x) => [(x.error as { code?: string }).code, x.requestId])).toEqual(records.map((l) => ['CALENDAR_NOT_COVERED', l.requestId]));
    // A command still records no wrong legal date: a 503 naming the year.
    const decide = await act('gap-decide', { type: 'decide_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 } });
    expect([decide.status, decide.body.code]).toEqual([503, 'CALENDAR_NOT_COVERED']);
    // The GET documents no 503 now that no path answers it; the command and the inspection still do.
    const doc = d.api.openapi as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.paths['/api/hazards/{id}']?.get?.responses['503']).toBeUndefined();
  }, 60_000);
});
