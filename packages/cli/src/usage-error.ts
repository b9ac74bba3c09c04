import type { LocalizedText } from '@anjian/core';

const BRAND = Symbol.for('anjian.UsageError');

/**
 * Thrown by a command when its arguments are wrong (unknown flag, bad value, missing path).
 * `main()` prints the message (in the language of `--lang` or the locale, in both when neither
 * names one) and exits with code 2.
 */
export class UsageError extends Error {
  /** Always `USAGE`. */
  readonly code = 'USAGE' as const;
  /** The message in both languages. */
  readonly text: LocalizedText & { en: string };
  /** Command whose `--help` the message points to, if any. */
  readonly command: string | undefined;
  /** Brand shared across copies of the package. */
  readonly [BRAND] = true;

  constructor(text: LocalizedText & { en: string }, command?: string) {
    super(text.en);
    this.name = 'UsageError';
    this.text = text;
    this.command = command;
  }

  /** True for any `UsageError`, even from another copy of the package. */
  static is(value: unknown): value is UsageError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
