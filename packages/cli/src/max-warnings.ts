import { UsageError } from './usage-error.js';

/**
 * The value of `--max-warnings` (`anjian validate`, `anjian test`): a whole number N ≥ 0, or
 * `undefined` when the flag is not given (warnings never change the exit code). More than N
 * warnings make the command exit 1, as ESLint's flag of the same name.
 *
 * @throws {UsageError} when the value is not a non-negative integer.
 */
export function parseMaxWarnings(value: string | boolean | undefined, command: 'validate' | 'test'): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    throw new UsageError({ 'zh-CN': `--max-warnings 需要一个非负整数，得到“${value}”`, en: `--max-warnings needs a non-negative integer, got "${value}"` }, command);
  }
  return Number(value);
}
