import type { Store } from '../ports/store.js';
import type { StoredEvent } from './types.js';

/**
 * Reads a store's whole event log in `seq` order, page by page (for `verifyChain`,
 * `createCheckpoint` and `verifyAgainstCheckpoint`).
 */
export async function readFullLog(store: Store, pageSize = 5_000): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let from = 1;
  for (;;) {
    const page = await store.readLog(from, pageSize);
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return out;
    from = last.seq + 1;
  }
}
