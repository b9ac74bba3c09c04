import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Signer, Verifier } from '../ports/signer.js';

/** Default key name of checkpoint signatures (the name on the note's signature line). */
export const DEFAULT_CHECKPOINT_KEY_NAME = 'anjian-checkpoint';

/**
 * The C2SP signed-note key id of an Ed25519 key: the first 4 bytes of
 * `SHA-256(keyName ‖ 0x0A ‖ 0x01 ‖ rawPublicKey)`.
 */
function keyIdOf(keyName: string, publicKey: KeyObject): Uint8Array {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const hash = createHash('sha256')
    .update(keyName, 'utf8')
    .update(Buffer.from([0x0a, 0x01]))
    .update(raw)
    .digest();
  return new Uint8Array(hash.subarray(0, 4));
}

function checkName(keyName: string): void {
  if (keyName === '' || /\s/.test(keyName)) throw new TypeError('key name must be non-empty and without spaces');
}

/**
 * A checkpoint {@link Signer} from an Ed25519 private key (PEM, PKCS #8), with `node:crypto`.
 * Keep the private key outside the database host's reach where you can: whoever holds it
 * and the database can rewrite the log undetectably.
 *
 * @example
 * ```ts
 * const signer = createEd25519Signer(readFileSync('checkpoint.key', 'utf8'));
 * ```
 */
export function createEd25519Signer(privateKeyPem: string, keyName: string = DEFAULT_CHECKPOINT_KEY_NAME): Signer {
  checkName(keyName);
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError(`not an Ed25519 private key (${privateKey.asymmetricKeyType})`);
  const keyId = keyIdOf(keyName, createPublicKey(privateKey));
  return { keyName, keyId, sign: (message) => new Uint8Array(sign(null, message, privateKey)) };
}

/** A checkpoint {@link Verifier} from an Ed25519 public key (PEM, SPKI). */
export function createEd25519Verifier(publicKeyPem: string, keyName: string = DEFAULT_CHECKPOINT_KEY_NAME): Verifier {
  checkName(keyName);
  const publicKey = createPublicKey(publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError(`not an Ed25519 public key (${publicKey.asymmetricKeyType})`);
  const keyId = keyIdOf(keyName, publicKey);
  return {
    keyName,
    keyId,
    verify: (message, signature) => {
      try {
        return verify(null, message, publicKey, signature);
      } catch {
        return false;
      }
    },
  };
}

/** A fresh Ed25519 key pair as PEM strings (private: PKCS #8, public: SPKI). */
export function generateEd25519KeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
