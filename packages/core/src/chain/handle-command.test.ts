import { describe, expect, it } from 'vitest';
import type { Store } from '../ports/store.js';
import { createHarness } from './chain-harness.test-util.js';
import { handleCommand } from './handle-command.js';
import { readFullLog } from './read-full-log.js';
import { verifyChain } from './verify-chain.js';
import { reportCommand, TEST_CALENDAR_2026 } from '../testing/chain-fixtures.js';

const why = { 'zh-CN': '理由', en: 'reason' };

describe('handleCommand', () => {
  it('1 000 concurrent transitions at the same version: exactly one wins, 999 conflict, +1 event', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-C'));
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => handleCommand(h.deps, { type: 'escalate', commandId: `race-${i}`, hazardId: 'H-C', expectedVersion: 1, reason: why }, 'grid-g1')),
    );
    expect(results.filter((r) => 'events' in r)).toHaveLength(1);
    expect(results.filter((r) => 'rejection' in r && r.rejection.code === 'CONFLICT')).toHaveLength(999);
    expect(await h.store.readEvents('H-C')).toHaveLength(2);
    expect((await h.store.readDenials(1, 10_000)).filter((d) => d.code === 'CONFLICT')).toHaveLength(999);
  });

  it('two concurrent uses of one command id append once; the other gets the original result', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const command = reportCommand('H-K');
    const [a, b] = await Promise.all([handleCommand(h.deps, command, 'grid-g1'), handleCommand(h.deps, command, 'grid-g1')]);
    expect(await h.store.readEvents('H-K')).toHaveLength(1);
    const replayed = [a, b].filter((r) => r && 'events' in r && r.replayed);
    expect(replayed).toHaveLength(1);
    expect((a as { events: unknown }).events).toEqual((b as { events: unknown }).events);
  });

  it('a replay returns the original result even after the hazard moved on', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const first = await handleCommand(h.deps, reportCommand('H-P'), 'grid-g1');
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-P' });
    h.clock.advance(3_600_000);
    expect(await handleCommand(h.deps, reportCommand('H-P'), 'grid-g1')).toEqual({ ...first, replayed: true });
    // The same id by another actor is key reuse, not someone else's result.
    const other = await handleCommand(h.deps, reportCommand('H-P'), 'officer-gas-d1');
    expect('rejection' in other && other.rejection.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('without expectedVersion it re-decides when another writer won', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-W'));
    let interfered = false;
    const racing: Store = {
      ...h.store,
      append: async (input) => {
        if (!interfered) {
          interfered = true;
          await handleCommand(h.deps, { type: 'issue_notice', commandId: 'sneaky', hazardId: 'H-W' }, 'grid-g1');
        }
        return h.store.append(input);
      },
    };
    const result = await handleCommand({ ...h.deps, store: racing }, { type: 'escalate', commandId: 'x', hazardId: 'H-W', reason: why }, 'grid-g1');
    expect('events' in result).toBe(true);
    expect((await h.store.readEvents('H-W')).map((e) => e.type)).toEqual(['reported', 'notice_issued', 'escalated']);
  });

  it('a failing directory throws and records nothing; an unknown actor is denied and recorded', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const down = { resolve: async () => Promise.reject(new Error('IdP down')), enterprise: async () => null };
    await expect(handleCommand({ ...h.deps, directory: down }, reportCommand('H-D'), 'grid-g1')).rejects.toThrow('IdP down');
    expect(await h.store.readDenials(1, 10)).toEqual([]);
    const r = await handleCommand(h.deps, reportCommand('H-D'), 'ghost');
    expect('rejection' in r && r.rejection.code).toBe('UNKNOWN_ACTOR');
    expect((await h.store.readDenials(1, 10)).map((d) => [d.actorId, d.code])).toEqual([['ghost', 'UNKNOWN_ACTOR']]);
    expect(await h.store.load('H-D')).toBeNull();
  });

  it('a command that is not canonical JSON is refused, not thrown', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    await h.refused('grid-g1', { ...reportCommand('H-N'), findings: [{ bad: NaN } as never] }, 'INVALID_COMMAND');
  });

  it('readFullLog pages through the whole log', async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    for (let i = 0; i < 12; i++) await h.ok('grid-g1', reportCommand(`H-L${i}`));
    const log = await readFullLog(h.store, 5);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(verifyChain(log).ok).toBe(true);
  });

  it('re-checks every bound for direct callers: hostile deadlines are INVALID_COMMAND by the shape check, before any calendar day is looked at, and the hazard stays usable', async () => {
    // The work is counted, not timed: how many days the calendar is asked about.
    let asked = 0;
    const counting = {
      utcOffsetMinutes: TEST_CALENDAR_2026.utcOffsetMinutes,
      covers: (day: string) => TEST_CALENDAR_2026.covers(day),
      isWorkingDay: (day: string) => (asked++, TEST_CALENDAR_2026.isWorkingDay(day)),
    };
    const h = createHarness('2026-11-02T01:00:00Z', { calendar: counting });
    /** Sends a command that must be refused by the shape check at `pointer`, with no calendar use and no event. */
    const refusedAt = async (actorId: string, command: Parameters<typeof h.send>[1], pointer: string) => {
      asked = 0;
      const before = h.store.unsafeLog.length;
      const r = await h.send(actorId, command);
      expect('rejection' in r && r.rejection.code).toBe('INVALID_COMMAND');
      // the shape check's located issue, not a computed deadline's INVALID_POLICY
      expect('rejection' in r && r.rejection.message.en).toMatch(new RegExp(`^the command is invalid: ${pointer}: `));
      expect(asked).toBe(0);
      expect(h.store.unsafeLog.length).toBe(before);
    };
    const hostile: [Parameters<typeof h.send>[1], string][] = [
      [reportCommand('H-X1', { deadline: { hours: 1e300 } }), '/deadline/hours'],
      [reportCommand('H-X2', { deadline: { days: 1_000_000_000 } }), '/deadline/days'],
      [reportCommand('H-X3', { deadline: { workingDays: 2_000_000 } }), '/deadline/workingDays'],
      [reportCommand('H-X4', { area: 5 as never }), '/area'],
      [reportCommand('H-X5', { title: { 'zh-CN': '\u3000\u200b' } }), '/title/zh-CN'],
      [reportCommand('H-X6', { title: { 'zh-CN': 'abc\u202Efdp.exe' } }), '/title/zh-CN'],
      [reportCommand('H-X7', { occurredAt: '2026-11-02T08:00:00' }), '/occurredAt'],
    ];
    for (const [command, pointer] of hostile) await refusedAt('grid-g1', command, pointer);
    await h.ok('grid-g1', reportCommand('H-OK'));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-OK' });
    // the counter sees real work: issuing the notice computed its deadline from the calendar
    expect(asked).toBeGreaterThan(0);
    for (const [extension, pointer] of [
      [{ days: 1e9 }, '/extension/days'],
      [{ hours: 1e300 }, '/extension/hours'],
      [{ workingDays: 3651 }, '/extension/workingDays'],
      [{ days: '<img src=x>' }, '/extension/days'],
    ] as const) {
      await refusedAt('owner-e1', { type: 'request_extension', hazardId: 'H-OK', extension: extension as never, reason: { 'zh-CN': '延期' } }, pointer);
    }
    await h.refused('grid-g1', { type: 'verify', hazardId: 'H-OK', expectedVersion: '2' as never }, 'INVALID_COMMAND');
    await h.refused('grid-g1', { type: 'escalate', hazardId: 'H-OK', reason: { 'zh-CN': '升级' }, extra: 1 } as never, 'INVALID_COMMAND');
    // Every later command still works (no Invalid Date poisoned the hazard).
    await h.ok('owner-e1', { type: 'request_extension', hazardId: 'H-OK', extension: { days: 3650 }, reason: { 'zh-CN': '延期' } });
    await h.ok('grid-g1', { type: 'grant_extension', hazardId: 'H-OK' });
    expect((await h.state('H-OK')).deadline).toMatch(/^20\d\d-/);
  });
});
