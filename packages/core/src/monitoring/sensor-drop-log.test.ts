import { describe, expect, it } from 'vitest';
import { createSensorDropLog } from './sensor-drop-log.js';

// Anyone who can publish to the broker can send junk: one log line per dropped message let
// them fill the host's logs (and, with a device id per message, its memory). The drop log
// writes the first drop of each device and reason per interval in full and counts the rest;
// the counts come out as one line per key when the interval ends. Lines are counted, never timed.
function harness(options: { maxKeys?: number } = {}) {
  let now = 0;
  const lines: Array<{ message: string; details: Record<string, unknown> }> = [];
  const log = createSensorDropLog({ warn: (message, details) => lines.push({ message, details }), intervalMs: 60_000, now: () => now, ...options });
  return { log, lines, advance: (ms: number) => (now += ms) };
}
const counted = (lines: Array<{ details: Record<string, unknown> }>) =>
  lines.reduce((n, l) => n + (typeof l.details.count === 'number' ? l.details.count : 1), 0) - lines.filter((l) => l.details.overflow === true).length;

describe('createSensorDropLog', () => {
  it('10 000 junk messages from one device and 5 000 device ids: a bounded number of lines, every drop counted', () => {
    const h = harness({ maxKeys: 64 });
    for (let i = 0; i < 10_000; i++) h.log.record({ reason: 'not_json', deviceId: 'D-1', detail: 'not JSON', topic: 'anjian/v1/devices/D-1/messages', bytes: 3 });
    for (let i = 0; i < 5_000; i++) h.log.record({ reason: 'unknown_device', deviceId: `junk-${i}-${'x'.repeat(500)}`, detail: 'no registered device' });
    // one full line for D-1, one per device until the key budget is spent, one line saying the rest are counted
    expect(h.lines.length).toBe(1 + 63 + 1);
    expect(h.lines[0]!.details).toMatchObject({ reason: 'not_json', device: 'D-1', detail: 'not JSON', bytes: 3 });
    expect(String(h.lines[1]!.details.device).length).toBeLessThanOrEqual(64);
    h.log.flush();
    const summaries = h.lines.slice(65);
    expect(summaries.map((l) => [l.details.reason, l.details.device ?? '(other devices)', l.details.count])).toEqual([
      ['not_json', 'D-1', 9_999],
      ['unknown_device', '(other devices)', 5_000 - 63],
    ]);
    expect(counted(h.lines)).toBe(15_000);
    expect(h.lines.every((l) => /丢弃/.test(l.message) && /dropped|drops/.test(l.message))).toBe(true);
    h.log.flush(); // nothing held back: nothing written
    expect(h.lines.length).toBe(67);
  });

  it('a new interval writes the first drop again; an interval that ends is summed up by the next drop', () => {
    const h = harness();
    for (let i = 0; i < 5; i++) h.log.record({ reason: 'duplicate', deviceId: 'D-2', detail: 'replayed' });
    expect(h.lines.length).toBe(1);
    h.advance(60_000);
    h.log.record({ reason: 'duplicate', deviceId: 'D-2', detail: 'replayed' });
    expect(h.lines.map((l) => [l.details.reason, l.details.count ?? 'first'])).toEqual([
      ['duplicate', 'first'],
      ['duplicate', 4],
      ['duplicate', 'first'],
    ]);
  });

  it('refuses a nonsensical interval or key budget (misuse throws)', () => {
    expect(() => createSensorDropLog({ warn: () => {}, intervalMs: 0 })).toThrow(RangeError);
    expect(() => createSensorDropLog({ warn: () => {}, maxKeys: 0 })).toThrow(RangeError);
  });
});
