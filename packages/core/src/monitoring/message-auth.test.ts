import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDevice } from '../testing/device-registry-conformance.js';
import { ingestSensorBatch, ingestSensorMessage } from './ingest-sensor-message.js';
import { checkMessageSignature, sensorMessageSigningInput, signSensorMessage } from './message-auth.js';
import { monitoringFixture } from './monitoring.test-util.js';
import type { SensorMessage } from './sensor-message.js';

// T32 (docs/security.md) for a broker that cannot restrict each device to its own topic: per-message
// HMAC-SHA-256, opt-in per device (Device.messageAuth), the key found by the host's resolver.
const KEY = new TextEncoder().encode('k'.repeat(32));
const OTHER_KEY = new TextEncoder().encode('x'.repeat(32));

async function fixture() {
  const f = await monitoringFixture();
  await f.registry.putDevice(testDevice('D-signed', { messageAuth: { scheme: 'hmac-sha256', keyId: 'kms/D-signed' } }));
  const lookups: string[] = [];
  f.deps.deviceKeys = (keyId) => (lookups.push(keyId), keyId === 'kms/D-signed' ? KEY : null);
  let n = 0;
  const body = (extra: Partial<SensorMessage> = {}): Omit<SensorMessage, 'sig'> => ({ v: 1, device: 'D-signed', id: `s-${++n}`, at: f.clock.now().toISOString(), type: 'heartbeat', ...extra });
  const signed = (extra: Partial<SensorMessage> = {}, key = KEY) => {
    const m = body(extra);
    return { ...m, sig: signSensorMessage(m, key) };
  };
  return { ...f, lookups, body, signed, ingest: (m: object) => ingestSensorMessage(f.deps, JSON.stringify(m), { topicDevice: 'D-signed' }) };
}

describe('per-message authentication (Device.messageAuth)', () => {
  it('the signing input is the RFC 8785 canonical JSON without sig', () => {
    const m = { v: 1, type: 'reading', value: 1.5, id: 'm1', device: 'PT-7', at: '2026-12-06T01:00:00Z', sig: 'ab' } as const;
    expect(new TextDecoder().decode(sensorMessageSigningInput(m as unknown as SensorMessage))).toBe('{"at":"2026-12-06T01:00:00Z","device":"PT-7","id":"m1","type":"reading","v":1,"value":1.5}');
    // The same HMAC as an independent implementation (node:crypto) over that text.
    const text = '{"at":"2026-12-06T01:00:00Z","device":"PT-7","id":"m1","type":"reading","v":1,"value":1.5}';
    expect(signSensorMessage({ v: 1, device: 'PT-7', id: 'm1', at: '2026-12-06T01:00:00Z', type: 'reading', value: 1.5 }, KEY)).toBe(createHmac('sha256', KEY).update(text).digest('hex'));
  });

  it('a good signature is accepted; missing, wrong-key, tampered, unparseable-time and stale or future messages are refused as unauthenticated', async () => {
    const f = await fixture();
    expect(await f.ingest(f.signed())).toMatchObject({ kind: 'processed', deviceId: 'D-signed' });
    const { sig: _sig, ...unsigned } = f.signed();
    const tampered = { ...f.signed({ type: 'heartbeat' }), type: 'alarm' };
    const { at: _at, ...noTime } = f.signed();
    const refused = [
      unsigned,
      f.signed({}, OTHER_KEY),
      tampered,
      { ...noTime, sig: signSensorMessage(noTime, KEY) },
      f.signed({ at: new Date(f.clock.now().getTime() - 6 * 60_000).toISOString() }),
      f.signed({ at: new Date(f.clock.now().getTime() + 6 * 60_000).toISOString() }),
    ];
    const results = [];
    for (const m of refused) results.push(await f.ingest(m));
    expect(results.map((r) => (r.kind === 'dropped' ? r.reason : r.kind))).toEqual(Array(refused.length).fill('unauthenticated'));
    expect(results.map((r) => (r.kind === 'dropped' ? r.detail : ''))).toEqual([
      expect.stringMatching(/^signature missing/),
      'signature does not match',
      'signature does not match',
      'a signed message needs its time (at)',
      `at ${refused[4]!.at} is more than 300 s from the server's clock (replayed, or the device's clock is off)`,
      `at ${refused[5]!.at} is more than 300 s from the server's clock (replayed, or the device's clock is off)`,
    ]);
    // The tampered message would have raised an alarm: no warning.
    expect(await f.registry.listWarnings({ deviceId: 'D-signed' })).toEqual([]);
  });

  it('a replay: inside the window the message id refuses it (duplicate); after the window its time does', async () => {
    const f = await fixture();
    const m = f.signed();
    expect((await f.ingest(m)).kind).toBe('processed');
    expect(await f.ingest(m)).toMatchObject({ kind: 'dropped', reason: 'duplicate' });
    f.clock.advance(5 * 60_000 + 1);
    expect(await f.ingest(m)).toMatchObject({ kind: 'dropped', reason: 'unauthenticated' });
  });

  it('fails closed without a key: no resolver, or a keyId it does not know', async () => {
    const f = await fixture();
    await f.registry.putDevice(testDevice('D-nokey', { messageAuth: { scheme: 'hmac-sha256', keyId: 'kms/lost' } }));
    const m = { v: 1, device: 'D-nokey', id: 'n1', at: f.clock.now().toISOString(), type: 'alarm' } as const;
    expect(await ingestSensorMessage(f.deps, JSON.stringify({ ...m, sig: signSensorMessage(m, KEY) }))).toMatchObject({
      kind: 'dropped',
      reason: 'unauthenticated',
      detail: 'no key for keyId kms/lost',
    });
    delete f.deps.deviceKeys;
    expect(await f.ingest(f.signed())).toMatchObject({ kind: 'dropped', reason: 'unauthenticated', detail: 'no key for keyId kms/D-signed' });
  });

  it('opt-in: a device without messageAuth is not asked for a signature (its topic speaks for it), and the batch path checks as the single one', async () => {
    const f = await fixture();
    const forged = { ...f.signed({ type: 'alarm' }), sig: '0'.repeat(64) };
    const results = await ingestSensorBatch(f.deps, [
      { raw: f.msg('D-plain', 'heartbeat'), topicDevice: 'D-plain' },
      { raw: JSON.stringify(forged), topicDevice: 'D-signed' },
      { raw: JSON.stringify(f.signed()), topicDevice: 'D-signed' },
    ]);
    expect(results.map((r) => (r.kind === 'dropped' ? r.reason : r.kind))).toEqual(['processed', 'unauthenticated', 'processed']);
    expect(f.lookups).toEqual(['kms/D-signed', 'kms/D-signed']);
  });

  it('checkMessageSignature compares the whole signature (a prefix or a longer one does not match)', async () => {
    const f = await fixture();
    const device = (await f.registry.getDevice('D-signed'))!;
    const m = f.signed();
    expect(await checkMessageSignature(device, m, f.clock.now(), f.deps.deviceKeys)).toBeNull();
    expect(await checkMessageSignature(device, { ...m, sig: m.sig.slice(0, 63) }, f.clock.now(), f.deps.deviceKeys)).toBe('signature does not match');
    expect(await checkMessageSignature(device, { ...m, sig: `${m.sig}0` }, f.clock.now(), f.deps.deviceKeys)).toBe('signature does not match');
  });
});
