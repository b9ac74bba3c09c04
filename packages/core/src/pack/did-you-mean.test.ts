import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from './did-you-mean.js';

describe('didYouMean', () => {
  it('finds close ids and ignores far ones', () => {
    expect(didYouMean('alarm_instaled', ['alarm_installed', 'gas_type'])).toBe('alarm_installed');
    expect(didYouMean('lgp', ['lpg', 'ng'])).toBe('lpg');
    expect(didYouMean('GAS_TYPE', ['gas_type'])).toBe('gas_type');
    expect(didYouMean('hose', ['alarm_installed', 'below_ground'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('levenshtein counts edits and adjacent transpositions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('ab', 'ba')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });
});
