import type { RoundStore } from '../ports/round-store.js';
import type { RoundLogEntry } from './types.js';

/** A {@link RoundStore} in memory (tests, the in-memory demo): entries deep-copied in and out. */
export function createMemoryRoundStore(): RoundStore {
  const log: RoundLogEntry[] = [];
  const copy = (e: RoundLogEntry): RoundLogEntry => structuredClone(e);
  return {
    async appendRoundEntry(entry) {
      const last = log[log.length - 1];
      if (entry.seq !== log.length + 1 || entry.prevHash !== (last?.hash ?? '')) return false;
      log.push(copy(entry));
      return true;
    },
    async readRoundLog(from, limit) {
      return log
        .filter((e) => e.seq >= from)
        .slice(0, Math.max(0, limit))
        .map(copy);
    },
    async roundEntries(roundId) {
      return log.filter((e) => e.roundId === roundId).map(copy);
    },
    async lastRoundEntry() {
      const last = log[log.length - 1];
      return last ? copy(last) : null;
    },
  };
}
