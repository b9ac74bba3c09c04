import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt parameters of the demo's password hashes: N = 2^15, r = 8, p = 1 (about 32 MiB and
 * tens of milliseconds per hash), a 16-byte random salt per user, a 32-byte key.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** A stored password hash: scrypt's parameters, the user's salt and the derived key. */
export interface PasswordHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, keyLength: number): Promise<Buffer> {
  // maxmem: scrypt needs 128·N·r bytes; Node's default (32 MiB) is exactly at the edge for N = 2^15.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Hashes `password` with a fresh random salt (scrypt, {@link SCRYPT_PARAMS}). */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SCRYPT_PARAMS.saltLength);
  const key = await derive(password, salt, SCRYPT_PARAMS, SCRYPT_PARAMS.keyLength);
  return { N: SCRYPT_PARAMS.N, r: SCRYPT_PARAMS.r, p: SCRYPT_PARAMS.p, salt, key };
}

/**
 * True when `password` derives `hash.key` under `hash`'s salt and parameters. The keys are
 * compared with `timingSafeEqual`; the time does not depend on where they differ.
 */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  const key = await derive(password, hash.salt, hash, hash.key.length);
  return timingSafeEqual(key, hash.key);
}
