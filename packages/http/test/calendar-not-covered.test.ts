// A command whose working-day deadline runs into a year the host's calendar does not cover (the
// 2027 holiday arrangement not loaded in December 2026) is a 503 CALENDAR_NOT_COVERED naming the
// year and the notice to load — not a 500, not a deadline a day early — and records nothing.
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, createWorkingDayCalendar, handleCommand } from '@anjian/core';
import { createFixedClock, reportCommand, TEST_ACTORS } from '@anjian/core/testing';
import type { ApiLogEntry } from '../src/api-logger.js';
import { createAnjianApi } from '../src/create-anjian-api.js';
import { documentValidator } from './openapi-validator.js';

/** What a host has in December 2026: the 2026 notice only. */
const ONLY_2026 = createWorkingDayCalendar({ years: [2026], holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'], workdays: ['2026-10-10'] });

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
      ['/api/hazards/{id}', 'get'],
      ['/api/inspections', 'post'],
    ] as const) {
      expect(JSON.stringify(doc.paths[path]?.[method]?.responses['503'] ?? null), `${method} ${path}`).toContain('Problem503');
    }
    expect(JSON.stringify((api.openapi as { components: { schemas: Record<string, unknown> } }).components.schemas.Problem503)).toContain('CALENDAR_NOT_COVERED');
  });
});
