import { describe, expect, it } from 'vitest';
import * as sqlite from '../src/index.js';

// A developer called createSqliteStore() and createSqliteStore({}): Node answered "Cannot read
// properties of undefined (reading 'path')" and 'The "path" argument must be of type string'. Every
// factory of the package names the missing option and what to pass, in both languages.
const FACTORIES = Object.entries(sqlite).filter(([name, value]) => name.startsWith('createSqlite') && typeof value === 'function') as [string, (options?: unknown) => unknown][];

describe('the SQLite factories check their options', () => {
  it('covers every factory', () => {
    expect(FACTORIES.map(([name]) => name)).toContain('createSqliteStore');
    expect(FACTORIES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FACTORIES)('%s refuses no options, no path, an empty or a non-text path, naming path', (name, create) => {
    expect(() => create()).toThrow(TypeError);
    expect(() => create()).toThrow(
      `${name}: ${name}() was called without options — pass the database file, ${name}({ path: '.data/anjian.db' }) (its folder is created if missing; ':memory:' for tests, not durable) / 调用 ${name}() 时未传入选项：请传入数据库文件路径，如 ${name}({ path: '.data/anjian.db' })`,
    );
    expect(() => create({})).toThrow(`${name}: options.path is missing — pass the database file, ${name}({ path: '.data/anjian.db' })`);
    expect(() => create({ filename: 'a.db' })).toThrow(`${name}: options.path is missing (the option is path, not filename) — pass the database file`);
    expect(() => create({ path: '' })).toThrow(`${name}: options.path is empty`);
    expect(() => create({ path: 7 })).toThrow(`${name}: options.path is a number, not a file name`);
  });

  it('opens with a path as before', () => {
    const store = sqlite.createSqliteStore({ path: ':memory:' });
    expect(typeof store.append).toBe('function');
    store.close();
  });
});
