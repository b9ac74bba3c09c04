import { describe, expect, it } from 'vitest';
import { cutInput, ECHO_MAX_CHARACTERS, quoteInput } from './quote-input.js';

describe('cutInput / quoteInput', () => {
  it('echoes a short value whole and cuts a long one to 64 characters and an ellipsis', () => {
    expect(cutInput('D1/G1')).toBe('D1/G1');
    expect(cutInput('x'.repeat(ECHO_MAX_CHARACTERS))).toBe('x'.repeat(64));
    expect(cutInput('x'.repeat(65))).toBe(`${'x'.repeat(64)}…`);
    expect(cutInput('x'.repeat(100_000))).toBe(`${'x'.repeat(64)}…`);
  });

  it('counts characters, never splitting a surrogate pair', () => {
    const emoji = '😀'.repeat(64);
    expect(cutInput(emoji)).toBe(emoji);
    expect(cutInput('😀'.repeat(65))).toBe(`${'😀'.repeat(64)}…`);
    expect(cutInput('中'.repeat(65))).toBe(`${'中'.repeat(64)}…`);
  });

  it('quotes JSON-escaped: a quote or control character shows as its escape', () => {
    expect(quoteInput('a"b\n')).toBe('"a\\"b\\n"');
    expect(quoteInput('y'.repeat(70))).toBe(`"${'y'.repeat(64)}…"`);
  });
});
