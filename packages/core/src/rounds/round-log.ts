import { canonicalJson } from '../chain/canonical-json.js';
import { sha256Hex } from '../chain/hash-event.js';
import type { RoundEntryDataMap, RoundEntryType, RoundLogEntry, RoundRecord } from './types.js';

/** An entry before it is sealed: what happened, by whom, when. */
export interface RoundEntryDraft<T extends RoundEntryType = RoundEntryType> {
  type: T;
  roundId: string;
  actorId: string;
  recordedAt: string;
  data: RoundEntryDataMap[T];
}

/** The hash of an entry: SHA-256 hex of the canonical JSON of every field but `hash`. */
export function roundEntryHash(entry: Omit<RoundLogEntry, 'hash'>): string {
  const { seq, type, roundId, actorId, recordedAt, data, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, type, roundId, actorId, recordedAt, data, prevHash }));
}

/** Seals a draft after `prev` (the log's last entry, or `null` for the first): seq, prevHash and hash. */
export function sealRoundEntry<T extends RoundEntryType>(prev: RoundLogEntry | null, draft: RoundEntryDraft<T>): RoundLogEntry<T> {
  const body = { seq: (prev?.seq ?? 0) + 1, ...draft, prevHash: prev?.hash ?? '' };
  return { ...body, hash: roundEntryHash(body) };
}

/** The result of {@link verifyRoundLog}: intact, or the first broken entry and why (中文/English). */
export type RoundLogVerification = { ok: true; entries: number } | { ok: false; seq: number; message: { 'zh-CN': string; en: string } };

/**
 * Checks a whole round log read from a store: seqs 1, 2, 3 … without gap, each `prevHash`
 * the previous entry's hash and each `hash` recomputed from the entry. An entry edited
 * (a draw's seed or list changed afterwards), removed or inserted breaks the chain here.
 */
export function verifyRoundLog(entries: readonly RoundLogEntry[]): RoundLogVerification {
  let prev: RoundLogEntry | null = null;
  for (const e of entries) {
    const seq = (prev?.seq ?? 0) + 1;
    if (e.seq !== seq)
      return { ok: false, seq: e.seq, message: { 'zh-CN': `轮次日志第 ${seq} 条缺失或顺序错误（见到 ${e.seq}）`, en: `round log entry ${seq} is missing or out of order (found ${e.seq})` } };
    if (e.prevHash !== (prev?.hash ?? '')) return { ok: false, seq, message: { 'zh-CN': `轮次日志第 ${seq} 条与上一条不相连`, en: `round log entry ${seq} does not chain to the previous one` } };
    if (roundEntryHash(e) !== e.hash) return { ok: false, seq, message: { 'zh-CN': `轮次日志第 ${seq} 条在记录后被修改`, en: `round log entry ${seq} was changed after it was recorded` } };
    prev = e;
  }
  return { ok: true, entries: entries.length };
}

/** A draw as the log shows it. */
export interface RecordedDraw {
  seq: number;
  actorId: string;
  recordedAt: string;
  draw: RoundEntryDataMap['sample_drawn'];
  /** True when an earlier draw of the same round used another seed: a changed seed is visible, never silent. */
  seedChanged: boolean;
  /** The seeds of the round's earlier draws, oldest first. */
  earlierSeeds: string[];
  /**
   * `verified`: the seed was committed before the draw (SHA-256 of the seed is the round's
   * commitment, or the previous draw's `nextCommitment`) — the drawer could not choose it;
   * `mismatch`: it was not (the record or the server is not to be trusted);
   * `typed`: a draw recorded before commitments, with a seed a person typed (T33).
   */
  seedCheck: 'verified' | 'mismatch' | 'typed';
}

/** A round and its draws, folded from the log. */
export interface RoundState {
  round: RoundRecord;
  draws: RecordedDraw[];
}

/** Whether a draw's seed answers the commitment in force before it (see {@link RecordedDraw.seedCheck}). */
function seedCheck(state: RoundState, draw: RoundEntryDataMap['sample_drawn']): RecordedDraw['seedCheck'] {
  if (draw.commitment === undefined) return 'typed';
  const previous = state.draws[state.draws.length - 1]?.draw;
  const expected = previous === undefined ? state.round.seeds?.commitment : previous.nextCommitment;
  const drawNo = state.draws.length + 1;
  return expected !== undefined && draw.drawNo === drawNo && draw.commitment === expected && sha256Hex(draw.seed) === expected ? 'verified' : 'mismatch';
}

/** Folds a round log (any order of rounds) into rounds with their draws, sorted by round id. */
export function roundsFromLog(entries: readonly RoundLogEntry[]): RoundState[] {
  const rounds = new Map<string, RoundState>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.type === 'round_opened') rounds.set(e.roundId, { round: e.data as RoundRecord, draws: [] });
    else if (e.type === 'sample_drawn') {
      const state = rounds.get(e.roundId);
      if (!state) continue;
      const draw = e.data as RoundEntryDataMap['sample_drawn'];
      const earlierSeeds = state.draws.map((d) => d.draw.seed);
      state.draws.push({ seq: e.seq, actorId: e.actorId, recordedAt: e.recordedAt, draw, seedChanged: earlierSeeds.some((s) => s !== draw.seed), earlierSeeds, seedCheck: seedCheck(state, draw) });
    }
  }
  return [...rounds.values()].sort((a, b) => (a.round.id < b.round.id ? -1 : a.round.id > b.round.id ? 1 : 0));
}
