import type { Store } from '../ports/store.js';
import type { ProblemSink } from './audit-problem.js';
import { EMPTY_DENIAL_HEAD, nextDenialHead } from './denial-head.js';

/** The denial log's heads after the first `n` rows, for each `n` asked for. @internal */
export interface DenialAudit {
  count: number;
  head: string;
  headAt: Map<number, string>;
  lastSeqAt: Map<number, number>;
}

/** Reads the whole denial log, checks its `seq` increases, and folds its heads. @internal */
export async function auditDenials(store: Store, sink: ProblemSink, counts: ReadonlySet<number>, pageSize: number): Promise<DenialAudit> {
  const headAt = new Map<number, string>();
  const lastSeqAt = new Map<number, number>();
  let head = EMPTY_DENIAL_HEAD;
  let count = 0;
  let lastSeq = 0;
  if (counts.has(0)) headAt.set(0, head);
  for (let from = 1; ;) {
    const page = await store.readDenials(from, pageSize);
    for (const d of page) {
      if (d.seq <= lastSeq) {
        sink.add('denials', 'SEQ_REVERSED', { seq: d.seq }, `拒绝记录 seq ${d.seq} 不递增`, `denial seq ${d.seq} does not increase`);
      }
      lastSeq = Math.max(lastSeq, d.seq);
      head = nextDenialHead(head, d);
      count += 1;
      if (counts.has(count)) {
        headAt.set(count, head);
        lastSeqAt.set(count, d.seq);
      }
    }
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) break;
    from = last.seq + 1;
  }
  return { count, head, headAt, lastSeqAt };
}
