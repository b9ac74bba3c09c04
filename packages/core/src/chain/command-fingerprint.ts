import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './hash-event.js';
import type { ChainCommand } from './types.js';

/**
 * The fingerprint of a command for idempotency: SHA-256 of the canonical JSON of the
 * command without its `commandId`, plus the acting actor id (so the same key used by
 * another actor never returns someone else's result).
 */
export function commandFingerprint(command: ChainCommand, actorId: string): string {
  const { commandId: _id, ...rest } = command;
  return sha256Hex(canonicalJson({ actorId, command: rest }));
}
