import { describe, expect, it } from 'vitest';
import * as postgres from '../src/index.js';

// createPostgresStore() failed with Node's "Cannot read properties of undefined (reading 'schema')",
// and createPostgresStore({}) in English only: every factory names the options to pass, in both languages.
const FACTORIES = Object.entries(postgres).filter(([name, value]) => name.startsWith('createPostgres') && typeof value === 'function') as [string, (options?: unknown) => unknown][];

describe('the PostgreSQL factories check their options', () => {
  it('covers every factory', () => {
    expect(FACTORIES.map(([name]) => name)).toContain('createPostgresStore');
    expect(FACTORIES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FACTORIES)('%s refuses no options and neither pool nor connectionString, in both languages', (name, create) => {
    const refused = (options?: unknown): postgres.PostgresStoreError => {
      try {
        create(options);
      } catch (error) {
        return error as postgres.PostgresStoreError;
      }
      throw new Error(`${name} accepted ${JSON.stringify(options)}`);
    };
    const none = refused();
    expect(none).toBeInstanceOf(postgres.PostgresStoreError);
    expect(none.code).toBe('CONFIG_INVALID');
    expect(none.message).toBe(
      `${name}: ${name}() was called without options — pass a pg.Pool you own, ${name}({ pool }), or a connection string for a pool it owns, ${name}({ connectionString: 'postgres://user:password@host:5432/db' })`,
    );
    expect(none.localized['zh-CN']).toContain(`调用 ${name}() 时未传入选项——请传入自有的 pg.Pool`);
    for (const options of [{}, { connectionString: '' }, { schema: 'anjian' }])
      expect(refused(options).message).toContain(`${name}: options.pool and options.connectionString are both missing — pass a pg.Pool`);
  });
});
