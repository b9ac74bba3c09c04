/**
 * Compiled conditions read each answer once per evaluation (the fact slots of
 * condition-nodes) and answer as a read per leaf would: own properties, inherited functions
 * missing, a throwing getter false for each leaf that reads it.
 */
import { describe, expect, it } from 'vitest';
import { compileCondition } from './compile-condition.js';

const ANY_A = {
  any: [{ fact: 'a', operator: 'equal', value: 1 }, { fact: 'a', operator: 'equal', value: 2 }, { fact: 'a', operator: 'greaterThan', value: 5 }, { condition: 'aIsSeven' }],
};
const NAMED = { aIsSeven: { fact: 'a', operator: 'equal', value: 7 } };

describe('fact slots', () => {
  it('reads an answer once per evaluation, however many leaves compare it', () => {
    const condition = compileCondition(ANY_A, { conditions: NAMED });
    let reads = 0;
    const facts = {
      get a() {
        reads += 1;
        return 3;
      },
    };
    expect(condition(facts)).toBe(false);
    expect(reads).toBe(1);
    expect(condition(facts)).toBe(false);
    expect(reads).toBe(2); // a new evaluation reads again
    expect(condition({ a: 7 })).toBe(true);
    expect(condition({ a: 6 })).toBe(true);
  });

  it('answers as a read per leaf: non-enumerable own values count, inherited functions do not, a throwing getter is false', () => {
    const notOne = compileCondition({ fact: 'a', operator: 'notEqual', value: 1 });
    const hidden = Object.defineProperty({}, 'a', { value: 1, enumerable: false });
    expect(notOne(hidden)).toBe(false);
    expect(notOne(Object.create({ a: 1 }))).toBe(false); // an inherited value is read, as json-rules-engine reads it
    const isMissing = compileCondition({ fact: 'a', operator: 'in', value: [null, 'x'] });
    expect(isMissing(Object.create({ a() {} }))).toBe(false);
    const throwing = {
      get a(): number {
        throw new Error('hostile');
      },
    };
    expect(compileCondition(ANY_A, { conditions: NAMED })(throwing)).toBe(false);
    expect(notOne(throwing)).toBe(false);
  });

  it('an evaluation started inside another (a getter evaluating the same condition) has slots of its own', () => {
    const condition = compileCondition({
      all: [
        { fact: 'a', operator: 'equal', value: 1 },
        { fact: 'b', operator: 'equal', value: 2 },
      ],
    });
    let inner: boolean | undefined;
    const outer = {
      get a() {
        inner = condition({ a: 1, b: 3 });
        return 1;
      },
      b: 2,
    };
    expect(condition(outer)).toBe(true);
    expect(inner).toBe(false);
  });
});
