import type { LocalizedText } from '../pack/types.js';

/**
 * Codes of {@link StoreError}, the same in every store:
 *
 * - `INVALID_APPEND` — `append` got no events, or versions not following `expectedVersion`;
 * - `INVALID_PRUNE` — `pruneOutbox` got a cut-off not in `toISOString()` form or a `limit`
 *   outside 1 … 10 000 (`checkPruneOutboxInput`); nothing was deleted;
 * - `INVALID_DOCUMENT` — `recordDocumentHash` got a content no store could keep as given (empty,
 *   over 1 MiB characters, U+0000, a lone surrogate), or `voidDocument` a reason or actor that is not
 *   one well-formed text (`checkVoidDocumentInput`: a lone surrogate, a control or bidi character, blank);
 *   nothing was written;
 * - `TRAIL_MISMATCH` — a hazard's list row and event log disagree (the database was changed
 *   outside the store; run `anjian audit verify`);
 * - `CONFIG_INVALID`, `SCHEMA_TOO_NEW`, `DURABILITY_UNAVAILABLE` — the store cannot be
 *   opened as configured (bad options, a schema from a newer release, a database that
 *   cannot promise durable commits);
 * - `NOT_MIGRATED` — the store's tables are not there yet: run `await store.migrate()` first.
 */
export type StoreErrorCode = 'INVALID_APPEND' | 'INVALID_PRUNE' | 'INVALID_DOCUMENT' | 'TRAIL_MISMATCH' | 'CONFIG_INVALID' | 'SCHEMA_TOO_NEW' | 'DURABILITY_UNAVAILABLE' | 'NOT_MIGRATED';

const BRAND = Symbol.for('anjian.StoreError');

/**
 * The one error type a `Store` throws for misuse and broken data, whatever the
 * backend: adapters throw it or a subclass (`SqliteStoreError`, `PostgresStoreError`), and the
 * conformance suite checks the `code`. Refused commands and version conflicts are not
 * errors (they are results).
 *
 * @example
 * ```ts
 * try { await store.append(input); } catch (e) { if (isStoreError(e) && e.code === 'TRAIL_MISMATCH') alarm(e.localized['zh-CN']); }
 * ```
 */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  /** Stable machine code. */
  readonly code: StoreErrorCode;
  /** The message in both languages (`message` is the English one). */
  readonly localized: LocalizedText & { en: string };
  readonly [BRAND] = true;

  constructor(code: StoreErrorCode, message: string | (LocalizedText & { en: string }), options?: { cause?: unknown }) {
    const localized = typeof message === 'string' ? { 'zh-CN': `${ZH[code]}：${message}`, en: message } : message;
    super(localized.en, options);
    this.code = code;
    this.localized = localized;
  }
}

const ZH: Record<StoreErrorCode, string> = {
  INVALID_APPEND: '写入的事件无效',
  INVALID_PRUNE: '发件箱清理参数无效',
  INVALID_DOCUMENT: '登记的文书无效',
  TRAIL_MISMATCH: '隐患列表与事件日志不一致，数据库曾被绕过存储修改（请运行 anjian audit verify）',
  CONFIG_INVALID: '存储配置无效',
  SCHEMA_TOO_NEW: '数据库结构版本高于当前版本所知，请升级',
  DURABILITY_UNAVAILABLE: '数据库无法保证提交持久',
  NOT_MIGRATED: '数据库表尚未创建，请先运行 await store.migrate()',
};

/** True when `error` is a {@link StoreError} (across realms and bundled copies). */
export function isStoreError(error: unknown): error is StoreError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
