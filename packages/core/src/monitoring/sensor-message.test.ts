import { describe, expect, it } from 'vitest';
import { parseSensorMessage } from './sensor-message.js';

describe('parseSensorMessage', () => {
  it('accepts a message of the published schema', () => {
    expect(parseSensorMessage('{"v":1,"device":"D-1","id":"m-1","type":"reading","value":1.2,"at":"2026-12-06T09:00:00+08:00"}')).toEqual({
      ok: true,
      message: { v: 1, device: 'D-1', id: 'm-1', type: 'reading', value: 1.2, at: '2026-12-06T09:00:00+08:00' },
    });
  });
  it.each([
    ['x'.repeat(5000), 'oversized'],
    [new Uint8Array(5000), 'oversized'],
    ['{"v":1,', 'not_json'],
    [new Uint8Array([0xff, 0xfe, 0x7b]), 'not_json'],
    ['[]', 'invalid'],
    ['null', 'invalid'],
    ['{"v":2,"device":"D-1","id":"m","type":"alarm"}', 'invalid'],
    ['{"v":1,"device":"D 1","id":"m","type":"alarm"}', 'invalid'],
    ['{"v":1,"device":"D-1","id":"m","type":"explode"}', 'invalid'],
    ['{"v":1,"device":"D-1","id":"m","type":"reading"}', 'invalid'],
    ['{"v":1,"device":"D-1","id":"m","type":"reading","value":"9"}', 'invalid'],
    ['{"v":1,"device":"D-1","id":"m","type":"alarm","__proto__":{"x":1}}', 'invalid'],
  ])('drops %#: %s… as %s, never throws', (raw, reason) => {
    const r = parseSensorMessage(raw);
    expect(r.ok ? 'ok' : r.reason).toBe(reason);
  });
});
