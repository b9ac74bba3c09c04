import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../chain/canonical-json.js';
import type { Device } from './device.js';
import type { SensorMessage } from './sensor-message.js';

/**
 * Finds the secret of a device's message key by the `keyId` of its registration
 * (`Device.messageAuth`), e.g. from the host's secret store. `null`/`undefined`: no such key —
 * the device's messages are then refused, never accepted unsigned.
 */
export type DeviceKeyResolver = (keyId: string, device: Device) => Uint8Array | null | undefined | Promise<Uint8Array | null | undefined>;

/** How far a signed message's `at` may be from the server's clock. Default 5 minutes. */
export const DEFAULT_SIGNATURE_WINDOW_MS = 5 * 60_000;

/** The bytes a device signs: the RFC 8785 (JCS) canonical JSON of the message without `sig`, UTF-8. */
export function sensorMessageSigningInput(message: SensorMessage | Omit<SensorMessage, 'sig'>): Uint8Array {
  const { sig: _sig, ...body } = message as SensorMessage;
  return new TextEncoder().encode(canonicalJson(body));
}

/**
 * Signs a message as a device with per-message authentication does: `sig` = lowercase hex of
 * HMAC-SHA-256(key, {@link sensorMessageSigningInput}). For device simulators and tests; a
 * device computes the same in its firmware.
 *
 * @example
 * ```ts
 * const sig = signSensorMessage({ v: 1, device: 'GD-0001', id: 'm1', at: new Date().toISOString(), type: 'alarm' }, key);
 * ```
 */
export function signSensorMessage(message: Omit<SensorMessage, 'sig'>, key: Uint8Array): string {
  return bytesToHex(hmac(sha256, key, sensorMessageSigningInput(message)));
}

/**
 * Checks a message of a device registered with `messageAuth` (opt-in per device): a `sig`
 * and an `at` must be there, `at` within `windowMs` of the server's `now` (a captured message
 * replayed later is refused; within the window the message id, processed once, refuses it),
 * the key must resolve and the HMAC must match (compared in constant time). Returns what is
 * wrong, or `null`. A device without `messageAuth` is not checked here: its topic, which the
 * broker authorises, is what speaks for it (docs/monitoring.md, Device authentication).
 */
export async function checkMessageSignature(device: Device, message: SensorMessage, now: Date, keys: DeviceKeyResolver | undefined, windowMs = DEFAULT_SIGNATURE_WINDOW_MS): Promise<string | null> {
  const auth = device.messageAuth;
  if (!auth) return null;
  if (message.sig === undefined) return 'signature missing: the device is registered with messageAuth';
  if (message.at === undefined) return 'a signed message needs its time (at)';
  const at = Date.parse(message.at);
  if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > windowMs)
    return `at ${message.at.slice(0, 40)} is more than ${Math.round(windowMs / 1000)} s from the server's clock (replayed, or the device's clock is off)`;
  const key = keys ? await keys(auth.keyId, device) : undefined;
  if (!key || key.byteLength === 0) return `no key for keyId ${auth.keyId.slice(0, 64)}`;
  const expected = signSensorMessage(message, key);
  let diff = expected.length ^ message.sig.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (message.sig.charCodeAt(i) || 0);
  return diff === 0 ? null : 'signature does not match';
}
