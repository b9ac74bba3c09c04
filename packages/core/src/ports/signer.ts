/**
 * Signing and verifying checkpoints of the audit log.
 *
 * @module
 */

/**
 * Signs checkpoint bodies (C2SP signed-note style). Tests use Ed25519 from `node:crypto`;
 * browsers can use WebCrypto's Ed25519.
 *
 * - `keyName` MUST NOT contain spaces or newlines (it is written on the signature line).
 * - `keyId` is a short public identifier of the key (4 bytes in C2SP notes); it is
 *   prepended to the signature so a verifier can pick the right key.
 * - `sign(message)` MUST sign exactly the bytes given; it MAY be async (a KMS).
 */
export interface Signer {
  readonly keyName: string;
  readonly keyId: Uint8Array;
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/**
 * Verifies signatures made by a {@link Signer}.
 *
 * - `verify` MUST return `false` (not throw) for a signature that does not verify,
 *   including malformed ones.
 */
export interface Verifier {
  readonly keyName: string;
  readonly keyId: Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>;
}
