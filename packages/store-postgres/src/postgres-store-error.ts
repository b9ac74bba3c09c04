import { StoreError } from '@anjian/core/ports';
import type pg from 'pg';

type PostgresStoreErrorCode = 'CONFIG_INVALID' | 'INVALID_APPEND' | 'SCHEMA_TOO_NEW' | 'TRAIL_MISMATCH' | 'NOT_MIGRATED';

/**
 * Thrown for bad options, malformed input to `append`, a schema newer than this release,
 * (`TRAIL_MISMATCH`) a hazard whose list row and event log disagree, or (`NOT_MIGRATED`) a
 * store or read model used before its `migrate()` created its tables: a {@link StoreError}
 * (same codes as every store).
 */
export class PostgresStoreError extends StoreError {
  override readonly name: string = 'PostgresStoreError';
  declare readonly code: PostgresStoreErrorCode;
  constructor(code: PostgresStoreErrorCode, message: string | { 'zh-CN': string; en: string }, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/**
 * Refuses options a factory cannot connect with, before anything is read from them: without it
 * `createPostgresStore()` failed with Node's "Cannot read properties of undefined (reading
 * 'schema')". A `CONFIG_INVALID` error in both languages naming the options to pass.
 */
export function checkPostgresOptions(options: unknown, factory: string): void {
  const given = typeof options === 'object' && options !== null ? (options as { pool?: unknown; connectionString?: unknown }) : undefined;
  if (given?.pool || (typeof given?.connectionString === 'string' && given.connectionString !== '')) return;
  const what =
    given === undefined
      ? { en: `${factory}() was called without options`, zh: `调用 ${factory}() 时未传入选项` }
      : { en: 'options.pool and options.connectionString are both missing', zh: '缺少 options.pool 或 options.connectionString' };
  throw new PostgresStoreError('CONFIG_INVALID', {
    en: `${factory}: ${what.en} — pass a pg.Pool you own, ${factory}({ pool }), or a connection string for a pool it owns, ${factory}({ connectionString: 'postgres://user:password@host:5432/db' })`,
    'zh-CN': `${factory}：${what.zh}——请传入自有的 pg.Pool（${factory}({ pool })），或连接字符串（${factory}({ connectionString: 'postgres://user:password@host:5432/db' })）`,
  });
}

/**
 * PostgreSQL's "relation does not exist" (42P01), "schema does not exist" (3F000), and
 * "function does not exist" (42883) for a function of the store's own schema (migrations create
 * functions too).
 */
const MISSING = new Set(['42P01', '3F000']);

/** A PostgreSQL missing-table/schema error as `NOT_MIGRATED`; any other error unchanged. */
export function notMigratedError(error: unknown, schema: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const raw = error instanceof Error ? error.message : String(error);
  if (!MISSING.has(code) && !(code === '42883' && raw.includes(`${schema}.`))) return error;
  return new PostgresStoreError(
    'NOT_MIGRATED',
    {
      'zh-CN': `数据库结构 "${schema}" 中的表尚未创建（${raw}）：请在使用前运行 await store.migrate()（以及所用每个 PostgreSQL 存储/读模型的 migrate()）`,
      en: `the tables of schema "${schema}" are not there yet (${raw}): run \`await store.migrate()\` (and migrate() of every PostgreSQL store/read model you use) before using it`,
    },
    { cause: error },
  );
}

function guardQuery<T extends { query: (...args: never[]) => unknown }>(target: T, schema: string): T['query'] {
  const query = target.query.bind(target) as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) => {
    const result = query(...args);
    // Streams (pg-copy-streams) and callback calls pass through; promises are mapped.
    return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(notMigratedError(error, schema))) : result;
  }) as T['query'];
}

/**
 * The package's one place for "used before migrate()": every store and read model queries
 * through this view of its pool, so a missing table or schema is a `NOT_MIGRATED`
 * {@link PostgresStoreError} saying to run `migrate()`, not PostgreSQL's raw 42P01.
 */
export function guardPool(pool: pg.Pool, schema: string): pg.Pool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'query') return guardQuery(target, schema);
      if (prop === 'connect') {
        return async (...args: unknown[]) => {
          if (args.length > 0) return (target.connect as (...a: unknown[]) => unknown)(...args);
          const client = await target.connect();
          return new Proxy(client, {
            get(c, p) {
              if (p === 'query') return guardQuery(c, schema);
              const v = Reflect.get(c, p, c) as unknown;
              return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(c) : v;
            },
          });
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
