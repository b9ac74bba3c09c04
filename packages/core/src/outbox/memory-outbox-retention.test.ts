import { describe, expect, it } from 'vitest';
import { isStoreError } from '../ports/store-error.js';
import { createMemoryOutboxRetention } from './memory-outbox-retention.js';

type Status = 'pending' | 'done' | 'dead';
const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T00:00:00.000Z`;

/** Rows m1 … m<n> created on days 1 … n with the given states. */
function rows(states: Status[]) {
  return new Map(states.map((status, i) => [`h${i + 1}/1`, { id: `h${i + 1}/1`, hazardId: `h${i + 1}`, eventId: `h${i + 1}/1`, createdAt: at(i + 1), status, order: i + 1 }]));
}

describe('createMemoryOutboxRetention (the memory store’s pruneOutbox)', () => {
  it('deletes delivered rows acknowledged before the cut-off, oldest acknowledgement first; never a pending one; dead letters only with deadBefore', () => {
    const r = createMemoryOutboxRetention();
    const outbox = rows(['done', 'done', 'pending', 'dead', 'done']);
    r.delivered('h5/1', at(6));
    r.delivered('h1/1', at(7));
    r.delivered('h2/1', at(20));
    expect(r.prune(outbox, { deliveredBefore: at(20), limit: 1 })).toEqual({ delivered: 1, dead: 0, more: true });
    expect([...outbox.keys()]).toEqual(['h1/1', 'h2/1', 'h3/1', 'h4/1']);
    expect(r.prune(outbox, { deliveredBefore: at(20), limit: 10 })).toEqual({ delivered: 1, dead: 0, more: false });
    expect(r.prune(outbox, { deliveredBefore: at(31), deadBefore: at(4), limit: 10 })).toEqual({ delivered: 1, dead: 0, more: false });
    expect(r.prune(outbox, { deliveredBefore: at(31), deadBefore: at(5), limit: 10 })).toEqual({ delivered: 0, dead: 1, more: false });
    expect([...outbox.keys()]).toEqual(['h3/1']);
    expect(r.readPruned(1, 10)).toEqual([
      { seq: 1, id: 'h5/1', hazardId: 'h5', eventId: 'h5/1', state: 'delivered' },
      { seq: 2, id: 'h1/1', hazardId: 'h1', eventId: 'h1/1', state: 'delivered' },
      { seq: 3, id: 'h2/1', hazardId: 'h2', eventId: 'h2/1', state: 'delivered' },
      { seq: 4, id: 'h4/1', hazardId: 'h4', eventId: 'h4/1', state: 'dead' },
    ]);
    expect(r.readPruned(3, 1).map((p) => p.id)).toEqual(['h2/1']);
  });

  it('refuses a malformed cut-off or limit with StoreError INVALID_PRUNE, deleting nothing', () => {
    const r = createMemoryOutboxRetention();
    const outbox = rows(['done']);
    for (const input of [
      { deliveredBefore: '2026-12-01', limit: 10 },
      { deliveredBefore: at(9), deadBefore: 'yesterday', limit: 10 },
      { deliveredBefore: at(9), limit: 0 },
      { deliveredBefore: at(9), limit: 10_001 },
    ]) {
      let caught: unknown;
      try {
        r.prune(outbox, input);
      } catch (error) {
        caught = error;
      }
      expect(isStoreError(caught) && caught.code).toBe('INVALID_PRUNE');
      expect(isStoreError(caught) && caught.localized['zh-CN']).toMatch(/^发件箱清理参数无效/);
    }
    expect(outbox.size).toBe(1);
  });
});
