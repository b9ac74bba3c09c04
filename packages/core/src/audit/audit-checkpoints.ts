import { openCheckpoint, readCheckpointUnverified, type Checkpoint } from '../chain/checkpoint.js';
import type { Verifier } from '../ports/signer.js';
import type { Store, StoredCheckpoint } from '../ports/store.js';
import { where, type ProblemSink } from './audit-problem.js';
import { readDenialsExtension } from './denial-head.js';

/** A checkpoint to compare with the log: parsed, and where it came from. @internal */
export interface CheckpointToCheck {
  checkpoint: Checkpoint;
  /** Stored checkpoint number, or undefined for one given as text. */
  stored?: number;
}

/**
 * Reads every stored checkpoint and the given texts, checks signatures (with a verifier),
 * origin, and that a stored row says what its note says. Returns the parsed checkpoints
 * (bad ones are reported and left out). @internal
 */
export async function readCheckpointsToCheck(
  store: Store,
  texts: readonly string[],
  options: { verifier?: Verifier; origin?: string; pageSize: number },
  sink: ProblemSink,
): Promise<CheckpointToCheck[]> {
  const rows: Array<StoredCheckpoint | { text: string; seq?: undefined }> = [];
  for (let from = 1; ;) {
    const page = await store.readCheckpoints(from, options.pageSize);
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < options.pageSize || !last) break;
    from = last.seq + 1;
  }
  rows.push(...texts.map((text) => ({ text })));
  const out: CheckpointToCheck[] = [];
  for (const row of rows) {
    const at = row.seq === undefined ? {} : { checkpoint: row.seq };
    const name = row.seq === undefined ? '外部检查点 / external checkpoint' : `#${row.seq}`;
    const cp = options.verifier ? await openCheckpoint(row.text, options.verifier) : readCheckpointUnverified(row.text);
    if (!cp) {
      sink.add(
        'checkpoint',
        options.verifier ? 'BAD_SIGNATURE' : 'MALFORMED',
        at,
        options.verifier ? `检查点 ${name} 的签名不是该公钥签的（伪造或被改）` : `检查点 ${name} 格式不对`,
        options.verifier ? `checkpoint ${name} is not signed by this key (forged or altered)` : `checkpoint ${name} is malformed`,
      );
      continue;
    }
    if (options.origin !== undefined && cp.origin !== options.origin) {
      sink.add('checkpoint', 'ORIGIN_MISMATCH', at, `检查点 ${name} 属于另一个日志（${cp.origin}）`, `checkpoint ${name} is of another log (${cp.origin})`);
      continue;
    }
    if (row.seq !== undefined && ((row as StoredCheckpoint).size !== cp.size || (row as StoredCheckpoint).head !== cp.head)) {
      sink.add('checkpoint', 'ROW_MISMATCH', at, `检查点 ${name} 的 size/head 列与签名内容不符`, `checkpoint ${name}: its size/head columns differ from what was signed`);
    }
    out.push(row.seq === undefined ? { checkpoint: cp } : { checkpoint: cp, stored: row.seq });
  }
  return out;
}

/**
 * Compares checkpoints with the log heads and denial heads computed by the audit: a
 * checkpoint larger than the log means the tail was cut; a different head means something
 * in its range changed (the range starts after the largest smaller checkpoint that still
 * matches). @internal
 */
export function compareCheckpoints(
  checkpoints: readonly CheckpointToCheck[],
  log: { events: number; lastSeq: number; headAt: ReadonlyMap<number, string> },
  denials: { count: number; headAt: ReadonlyMap<number, string>; lastSeqAt: ReadonlyMap<number, number> },
  sink: ProblemSink,
): void {
  const sorted = [...checkpoints].sort((a, b) => a.checkpoint.size - b.checkpoint.size);
  let goodSize = 0;
  for (const { checkpoint: cp, stored } of sorted) {
    const base = stored === undefined ? {} : { checkpoint: stored };
    const name = stored === undefined ? '外部检查点 / external checkpoint' : `#${stored}`;
    if (cp.size > log.events && log.lastSeq >= cp.size) {
      // Events are missing inside the range (the log-order check names the first gap).
      const at = { ...base, seq: goodSize + 1, toSeq: cp.size };
      sink.add(
        'checkpoint',
        'EVENTS_MISSING',
        at,
        `检查点 ${name} 签了 ${cp.size} 个事件，${where(at)} 之间现在只剩 ${log.events - goodSize} 个（有事件被删除）`,
        `checkpoint ${name} signed ${cp.size} events; fewer remain in ${where(at)} (events deleted)`,
      );
    } else if (cp.size > log.events) {
      const at = { ...base, seq: log.lastSeq + 1, toSeq: cp.size };
      sink.add(
        'checkpoint',
        'TRUNCATED',
        at,
        `检查点 ${name} 签了 ${cp.size} 个事件，日志只到 seq ${log.lastSeq}：${where(at)} 被删除（截尾）`,
        `checkpoint ${name} signed ${cp.size} events, the log ends at seq ${log.lastSeq}: ${where(at)} removed (tail cut)`,
      );
    } else if (log.headAt.get(cp.size) !== cp.head) {
      const at = { ...base, seq: goodSize + 1, toSeq: cp.size };
      sink.add(
        'checkpoint',
        'HEAD_MISMATCH',
        at,
        `日志前 ${cp.size} 个事件与检查点 ${name} 签的不同：${where(at)} 之间有事件被改动、替换或调换顺序`,
        `the first ${cp.size} events differ from what checkpoint ${name} signed: an event in ${where(at)} was edited, replaced or reordered`,
      );
    } else goodSize = Math.max(goodSize, cp.size);

    const signed = readDenialsExtension(cp.extensions);
    if (!signed) continue;
    if (signed.count > denials.count) {
      sink.add(
        'denials',
        'DENIALS_TRUNCATED',
        { ...base },
        `检查点 ${name} 签了 ${signed.count} 条拒绝记录，现在只有 ${denials.count} 条（被删除）`,
        `checkpoint ${name} signed ${signed.count} denials, the denial log holds ${denials.count} (deleted)`,
      );
    } else if (denials.headAt.get(signed.count) !== signed.head) {
      const lastSeq = denials.lastSeqAt.get(signed.count);
      const at = { ...base, ...(lastSeq === undefined ? {} : { seq: 1, toSeq: lastSeq }) };
      sink.add(
        'denials',
        'DENIALS_CHANGED',
        at,
        `拒绝记录前 ${signed.count} 条与检查点 ${name} 签的不同（被改动或删除）`,
        `the first ${signed.count} denials differ from what checkpoint ${name} signed (edited or deleted)`,
      );
    }
  }
}
