import { describe, expect, it } from 'vitest';
import { createReadBatcher } from '../src/read-batch.js';

describe('createReadBatcher', () => {
  it('answers the reads of one turn with one read, each caller with its own key', async () => {
    const reads: string[][] = [];
    const get = createReadBatcher<string>(async (keys) => {
      reads.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `value of ${k}`]));
    }, 'none');
    const answers = await Promise.all([get('a'), get('b'), get('a'), get('missing')]);
    expect(answers).toEqual(['value of a', 'value of b', 'value of a', 'none']);
    expect(reads).toEqual([['a', 'b', 'missing']]);
    // A later turn is a new read: nothing is cached between turns.
    expect(await get('a')).toBe('value of a');
    expect(reads).toHaveLength(2);
  });

  it('rejects every caller of a failed read, and the next turn reads again', async () => {
    let fail = true;
    const get = createReadBatcher<number>(async (keys) => {
      if (fail) throw new Error('connection lost');
      return new Map(keys.map((k) => [k, k.length]));
    }, 0);
    const results = await Promise.allSettled([get('x'), get('yy')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await Promise.all([get('x'), get('yy')])).toEqual([1, 2]);
  });
});
