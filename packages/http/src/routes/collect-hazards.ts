import type { HazardSummary, Store } from '@anjian/core';
import type { HazardFilter } from '@anjian/core/ports';

/**
 * Walk every page of several queries and merge the rows (each hazard once), stopping at
 * `cap` rows. Ordered by deadline (none last), then `updatedAt`.
 */
export async function collectHazards(store: Store, filters: readonly HazardFilter[], cap: number): Promise<HazardSummary[]> {
  const byId = new Map<string, HazardSummary>();
  for (const filter of filters) {
    let after: string | null = null;
    do {
      const page = await store.query(filter, { limit: 100, after });
      for (const row of page.items) byId.set(row.hazardId, row);
      after = page.next;
    } while (after !== null && byId.size < cap);
    if (byId.size >= cap) break;
  }
  return [...byId.values()].sort((a, b) => (a.deadline ?? '\uffff').localeCompare(b.deadline ?? '\uffff') || a.updatedAt.localeCompare(b.updatedAt)).slice(0, cap);
}
