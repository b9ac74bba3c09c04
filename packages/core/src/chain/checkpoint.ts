import type { Signer, Verifier } from '../ports/signer.js';
import { ChainError } from './chain-error.js';
import { GENESIS_HASH } from './hash-event.js';
import { nextLogHead, verifyChain, type ChainBreakReason } from './verify-chain.js';
import type { ChainEvent } from './types.js';

/** The content of a checkpoint: which log, how many events, the log head after them. */
export interface Checkpoint {
  origin: string;
  size: number;
  /** Log head (hex SHA-256) after `size` events. */
  head: string;
  /** Extension lines after the head (C2SP allows them), signed with the rest; absent when none. */
  extensions?: string[];
}

const enc = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const s = atob(text);
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function bytesToHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function body(cp: Checkpoint): string {
  const extensions = (cp.extensions ?? []).map((line) => `${line}\n`).join('');
  return `${cp.origin}\n${cp.size}\n${toBase64(hexToBytes(cp.head))}\n${extensions}`;
}

/**
 * Creates a signed checkpoint of a log in the C2SP tlog-checkpoint note layout:
 * `origin`, `size`, base64 head, a blank line, then `— <keyName> <base64(keyId ‖ signature)>`.
 * The log must verify (`verifyChain`); otherwise `ChainError` `INVALID_CHECKPOINT` is thrown
 * (never sign a broken log). Export the text to a witness outside the database (the
 * supervising authority's system): tail truncation is detectable only against it.
 *
 * @example
 * ```ts
 * const { text } = await createCheckpoint('city.example/anjian', await store.readLog(1, 1e6), signer);
 * ```
 */
export async function createCheckpoint(
  origin: string,
  log: readonly (ChainEvent & { seq?: number })[],
  signer: Signer,
  options: { extensions?: readonly string[] } = {},
): Promise<{ checkpoint: Checkpoint; text: string }> {
  const extensions = options.extensions ?? [];
  if (origin === '' || /[\n\r]/.test(origin) || /\s/.test(signer.keyName) || extensions.some((l) => l === '' || /[\n\r]/.test(l))) {
    throw new ChainError('INVALID_CHECKPOINT', { 'zh-CN': '检查点来源或密钥名无效', en: 'invalid checkpoint origin or key name' });
  }
  const verified = verifyChain(log);
  if (!verified.ok) {
    throw new ChainError('INVALID_CHECKPOINT', {
      'zh-CN': `日志在第 ${verified.brokenAt} 条处断裂，不能签发检查点`,
      en: `the log is broken at index ${verified.brokenAt} (${verified.reason}); refusing to sign`,
    });
  }
  const checkpoint: Checkpoint = { origin, size: verified.size, head: verified.head, ...(extensions.length > 0 ? { extensions: [...extensions] } : {}) };
  const text = body(checkpoint);
  const sig = await signer.sign(enc.encode(text));
  const blob = new Uint8Array(signer.keyId.length + sig.length);
  blob.set(signer.keyId, 0);
  blob.set(sig, signer.keyId.length);
  return { checkpoint, text: `${text}\n\u2014 ${signer.keyName} ${toBase64(blob)}\n` };
}

/**
 * Parses a checkpoint note and checks its signature by `verifier` (matched by key name and
 * key id). Returns the checkpoint, or `null` when it is malformed or no valid signature by
 * that key is present.
 */
export async function openCheckpoint(text: string, verifier: Verifier): Promise<Checkpoint | null> {
  const note = parseCheckpointNote(text);
  if (!note) return null;
  const { noteBody, checkpoint, split } = note;
  for (const line of text.slice(split + 2).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== verifier.keyName) continue;
    const blob = fromBase64(m[2] ?? '');
    if (!blob || blob.length <= verifier.keyId.length) continue;
    if (!verifier.keyId.every((b, i) => blob[i] === b)) continue;
    if (await verifier.verify(enc.encode(noteBody), blob.slice(verifier.keyId.length))) return checkpoint;
  }
  return null;
}

/**
 * Reads a checkpoint note's body WITHOUT checking any signature (so anyone who can write
 * the text can make it say anything): for consistency checks when no public key is at
 * hand. Returns `null` when the note is malformed. Prefer {@link openCheckpoint}.
 */
export function readCheckpointUnverified(text: string): Checkpoint | null {
  return parseCheckpointNote(text)?.checkpoint ?? null;
}

function parseCheckpointNote(text: string): { noteBody: string; checkpoint: Checkpoint; split: number } | null {
  const split = text.indexOf('\n\n');
  if (split < 0) return null;
  const noteBody = text.slice(0, split + 1);
  const lines = noteBody.split('\n');
  const [origin, sizeText, headB64] = lines;
  if (lines.length < 4 || !origin || !sizeText || !headB64 || !/^\d+$/.test(sizeText)) return null;
  const headBytes = fromBase64(headB64);
  if (!headBytes || headBytes.length !== 32) return null;
  const extensions = lines.slice(3, -1);
  if (extensions.some((l) => l === '')) return null;
  const checkpoint: Checkpoint = { origin, size: Number(sizeText), head: bytesToHex(headBytes), ...(extensions.length > 0 ? { extensions } : {}) };
  return { noteBody, checkpoint, split };
}

/** Result of {@link verifyAgainstCheckpoint}. */
export type CheckpointVerification =
  | { ok: true; checkpoint: Checkpoint }
  | {
      ok: false;
      reason: 'BAD_SIGNATURE' | 'ORIGIN_MISMATCH' | 'TRUNCATED' | 'HEAD_MISMATCH' | ChainBreakReason;
      brokenAt?: number;
    };

/**
 * Verifies a whole log (from seq 1) against a signed checkpoint: the signature, the chain,
 * that the log still holds at least `size` events, and that the head after the first
 * `size` events equals the signed head (so nothing before the checkpoint was rewritten).
 */
export async function verifyAgainstCheckpoint(log: readonly (ChainEvent & { seq?: number })[], checkpointText: string, verifier: Verifier, origin?: string): Promise<CheckpointVerification> {
  const cp = await openCheckpoint(checkpointText, verifier);
  if (!cp) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (origin !== undefined && cp.origin !== origin) return { ok: false, reason: 'ORIGIN_MISMATCH' };
  const chain = verifyChain(log);
  if (!chain.ok) return { ok: false, reason: chain.reason, brokenAt: chain.brokenAt };
  if (log.length < cp.size) return { ok: false, reason: 'TRUNCATED', brokenAt: log.length };
  let head = GENESIS_HASH;
  for (let i = 0; i < cp.size; i++) head = nextLogHead(head, (log[i] as ChainEvent).hash);
  if (head !== cp.head) return { ok: false, reason: 'HEAD_MISMATCH' };
  return { ok: true, checkpoint: cp };
}
