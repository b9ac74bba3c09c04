import { quoteInput } from '@anjian/core/internal';
import { badRequest } from './bad-request.js';

/**
 * A count parameter (`limit`) of a query: `fallback` when absent, else decimal digits only, in
 * `[1, max]` — `1e1`, `+5`, `0x10`, ` 5` and `5.0` are refused, not read as numbers (`Number()`
 * reads every one of them). A 400 `BAD_REQUEST` in both languages otherwise.
 */
export function queryCount(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^[0-9]{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= max)) throw badRequest(`${name} 必须是 1–${max} 的整数，收到 ${quoteInput(raw)}`, `${name} must be an integer 1–${max}, got ${quoteInput(raw)}`);
  return value;
}
