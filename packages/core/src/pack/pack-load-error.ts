import type { Issue } from './types.js';

const BRAND = Symbol.for('anjian.PackLoadError');

/**
 * Thrown by {@link loadPackOrThrow} when a pack has errors. Carries every issue.
 *
 * @example
 * ```ts
 * try { loadPackOrThrow(source); }
 * catch (error) { if (PackLoadError.is(error)) console.error(error.issues); }
 * ```
 */
export class PackLoadError extends Error {
  /** Always `PACK_INVALID`. */
  readonly code = 'PACK_INVALID' as const;
  /** All issues found (errors first as found, then warnings). */
  readonly issues: readonly Issue[];
  /** Brand shared across copies of the package. */
  readonly [BRAND] = true;

  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    const errors = issues.filter((i) => i.severity === 'error');
    const first = errors[0];
    const where = first ? `${first.file ?? ''}${first.line !== undefined ? `:${first.line}:${first.column ?? 1}` : ''}` : '';
    super(`pack invalid: ${errors.length} error(s)${first ? `; first at ${where}: ${first.code} ${first.message.en}` : ''}`, options);
    this.name = 'PackLoadError';
    this.issues = issues;
  }

  /** True for any `PackLoadError`, even from another copy of the package. */
  static is(value: unknown): value is PackLoadError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

const SOURCE_BRAND = Symbol.for('anjian.PackSourceError');

/**
 * Thrown when `loadPack` is called with something that is not a pack source (a misuse of
 * the API, not bad pack data). Code `INVALID_PACK_SOURCE`.
 */
export class PackSourceError extends TypeError {
  /** Always `INVALID_PACK_SOURCE`. */
  readonly code = 'INVALID_PACK_SOURCE' as const;
  /** Brand shared across copies of the package. */
  readonly [SOURCE_BRAND] = true;

  constructor(message: string) {
    super(message);
    this.name = 'PackSourceError';
  }

  /** True for any `PackSourceError`. */
  static is(value: unknown): value is PackSourceError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SOURCE_BRAND] === true;
  }
}
