/**
 * A working-day period into a year the calendar does not cover, through the portal: the demo covers
 * the years after its last notice up to next year Mon–Fri by its own declared choice; a host without
 * that assumption (strictCalendar, ANJIAN_HOLIDAYS_STRICT=1) gets the API's problem — 503
 * CALENDAR_NOT_COVERED naming the year, 中文 and English — on the API's routes and on the portal's own
 * (the worklist projects due dates with core's dueDate), never a 500. Clock fixed at Monday
 * 28 December 2026: ten working days reach January 2027.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../src/create-portal.js';

const clock = { now: () => new Date('2026-12-28T02:00:00Z') };
let dataDir: string;
let portal: Portal | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-calendar-'));
});

afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Row = { hazardId: string; status: string; level: string; due: string | null; dueSource: string };
let escalated: string;
let due: string;
let notified: string;
const command = (hazardId: string, user: string, key: string, body: unknown) =>
  portal!.fetch(
    new Request(`http://portal.test/api/hazards/${hazardId}/commands`, {
      method: 'POST',
      headers: { 'x-demo-user': user, 'content-type': 'application/json', 'idempotency-key': key, origin: 'http://portal.test' },
      body: JSON.stringify(body),
    }),
  );
const get = (path: string, user: string, lang = 'en') => portal!.fetch(new Request(`http://portal.test${path}`, { headers: { 'x-demo-user': user, 'accept-language': lang } }));

describe('a working-day period into 2027 on 28 December 2026', () => {
  it('the demo assumes 2027 Mon–Fri, says so, and works', async () => {
    portal = await createPortal({ dataDir, tickMs: 0, trustIdentityHeader: true, clock });
    expect(portal.holidays).toEqual({ loaded: [2026], assumed: [2027] });
    expect(portal.seeded).toBeGreaterThan(0);
    // The grid inspector escalates a general hazard reported today: no clock runs, the worklist projects its due date
    // from the report — ten working days, into January 2027.
    const before = (await (await get('/worklist?queue=all&size=100', 'grid-wang')).json()) as { items: Row[] };
    const reported = before.items.filter((r) => r.status === 'reported' && r.level === 'general' && r.due !== null && r.due >= '2027-01-01');
    expect(reported.length).toBeGreaterThan(1);
    escalated = reported[0]!.hazardId;
    due = reported[0]!.due!;
    notified = reported[1]!.hazardId;
    const escalate = await command(escalated, 'grid-wang', 'calendar-escalate-1', { type: 'escalate', reason: { 'zh-CN': '需执法处理', en: 'needs enforcement' } });
    expect(escalate.status, await escalate.clone().text()).toBe(200);
    const res = await get('/worklist?queue=all&size=100', 'officer-li');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Row[] };
    expect(items.find((r) => r.hazardId === escalated)).toMatchObject({ status: 'escalated', due, dueSource: 'report' });
    expect((await (await get('/demo/users', 'admin-chen')).json()).holidays).toEqual({ loaded: [2026], assumed: [2027] });
    await portal.close();
    portal = undefined;
  }, 180_000);

  it('a host without the assumption answers 503 CALENDAR_NOT_COVERED on the API and on the worklist, not a 500', async () => {
    // The same data folder, restarted as a host that loaded only the 2026 notice.
    portal = await createPortal({ dataDir, tickMs: 0, trustIdentityHeader: true, clock, seed: false, strictCalendar: true });
    expect(portal.holidays).toEqual({ loaded: [2026], assumed: [] });
    for (const path of ['/worklist?queue=all', '/worklist.xlsx?queue=all']) {
      const en = await get(path, 'officer-li');
      expect(en.status, path).toBe(503);
      const body = (await en.json()) as { code: string; detail: string };
      expect(body.code).toBe('CALENDAR_NOT_COVERED');
      expect(body.detail).toContain('2027 holiday arrangement');
      const zh = (await (await get(path, 'officer-li', 'zh-CN')).json()) as { detail: string };
      expect(zh.detail).toContain('国务院办公厅关于2027年部分节假日安排的通知');
    }
    // The API: a notice of ten working days on another general hazard reported that day, refused with nothing recorded.
    const hazard = notified;
    const notice = await command(hazard, 'grid-wang', 'calendar-strict-notice-1', { type: 'issue_notice' });
    expect(notice.status).toBe(503);
    expect(((await notice.json()) as { code: string }).code).toBe('CALENDAR_NOT_COVERED');
    expect(((await (await get(`/api/hazards/${hazard}`, 'grid-wang')).json()) as { state: { status: string } }).state.status).toBe('reported');
    // The home page still renders: its first screen carries the worklist's 503, no 500.
    const session = portal.auth.mint('officer-li');
    const home = await portal.fetch(new Request('http://portal.test/', { headers: { cookie: session.cookie } }));
    session.end();
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/"\/worklist[^"]*":\{"status":503,"body":\{[^}]*"code":"CALENDAR_NOT_COVERED"/);
  }, 180_000);

  it('a host without the assumption starting its demo data then is told the calendar is missing, not to delete its data folder', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'anjian-calendar-'));
    try {
      const started = createPortal({ dataDir: fresh, tickMs: 0, clock, strictCalendar: true });
      await expect(started).rejects.toThrow(/CALENDAR_NOT_COVERED/);
      const message = String(((await started.catch((e: unknown) => e)) as Error).message);
      expect(message).toContain('ANJIAN_HOLIDAYS_FILE');
      expect(message).toContain('2027');
      expect(message).not.toMatch(/Delete the folder|请删除该目录/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 180_000);
});
