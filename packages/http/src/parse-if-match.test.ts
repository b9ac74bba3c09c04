import { describe, expect, it } from 'vitest';
import { parseIfMatch } from './parse-if-match.js';
import { HttpProblem } from './problem.js';

describe('parseIfMatch', () => {
  it.each([
    [null, undefined],
    ['*', undefined],
    ['"3"', 3],
    ['"0"', 0],
    ['"1000000000"', 1_000_000_000],
  ] as const)('%j → %s', (header, expected) => {
    expect(parseIfMatch(header)).toBe(expected);
  });

  it.each(['"1', '1"', '7', 'W/"12"', ' "0" ', '"abc"', '"3", "4"', '-1', '"-1"', '"1.5"', '"03"', '"1000000001"', '"12345678901"', '""', '', ' *'])('%j is a 400 BAD_REQUEST', (header) => {
    try {
      parseIfMatch(header);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
    }
  });
});
