import { describe, expect, it } from 'vitest';
import { parseIfMatch } from './parse-if-match.js';
import { HttpProblem } from './problem.js';

describe('parseIfMatch', () => {
  it.each([
    [null, undefined],
    ['*', undefined],
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [' "0" ', 0],
  ] as const)('%j → %s', (header, expected) => {
    expect(parseIfMatch(header)).toBe(expected);
  });

  it.each(['"abc"', '"3", "4"', '-1', '"1.5"', '"1234567890"'])('%j is a 400 BAD_REQUEST', (header) => {
    try {
      parseIfMatch(header);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
    }
  });
});
