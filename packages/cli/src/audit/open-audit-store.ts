import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '@anjian/core';
import { UsageError } from '../usage-error.js';

/** A store opened for `anjian audit`, and how to close it. */
export interface OpenedStore {
  store: Store;
  /** `sqlite:<path>` or `postgres:<schema>` (never the URL: it may hold a password). */
  label: string;
  close(): Promise<void>;
}

/**
 * Opens the store named by `--sqlite <file>` or `--postgres <url>` (exactly one). A SQLite
 * file must exist (the audit never creates an empty database and calls it clean). The store
 * packages are loaded only when asked for, so the CLI runs without them for pack work.
 */
export async function openAuditStore(values: Record<string, string | boolean | undefined>, cwd: string, command: string): Promise<OpenedStore> {
  const sqlite = typeof values.sqlite === 'string' ? values.sqlite : undefined;
  const postgres = typeof values.postgres === 'string' ? values.postgres : undefined;
  if ((sqlite === undefined) === (postgres === undefined)) {
    throw new UsageError({ 'zh-CN': '请给出 --sqlite <文件> 或 --postgres <连接串> 之一', en: 'give exactly one of --sqlite <file> and --postgres <url>' }, command);
  }
  if (sqlite !== undefined) {
    const path = resolve(cwd, sqlite);
    if (!existsSync(path)) throw new UsageError({ 'zh-CN': `没有这个数据库文件：${sqlite}`, en: `no such database file: ${sqlite}` }, command);
    const { createSqliteStore } = await load(() => import('@anjian/store-sqlite'), '@anjian/store-sqlite', command);
    const store = createSqliteStore({ path });
    return { store, label: `sqlite:${sqlite}`, close: async () => store.close() };
  }
  const schema = typeof values.schema === 'string' ? values.schema : 'anjian';
  const { createPostgresStore } = await load(() => import('@anjian/store-postgres'), '@anjian/store-postgres', command);
  const store = createPostgresStore({ connectionString: postgres as string, schema });
  // Probe before migrating: a mistyped schema must not become an empty one that "verifies".
  const exists = await store.readLog(1, 1).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await store.close();
    throw new UsageError({ 'zh-CN': `连不上数据库，或模式 ${schema} 中没有 anjian 的表`, en: `cannot connect, or schema ${schema} holds no anjian tables` }, command);
  }
  await store.migrate();
  return { store, label: `postgres:${schema}`, close: () => store.close() };
}

/** The store package, or a usage error saying to install it (it is an optional peer dependency). */
async function load<T>(importer: () => Promise<T>, name: string, command: string): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError({ 'zh-CN': `需要安装 ${name}（与 @anjian/cli 并列安装）`, en: `${name} is not installed (install it next to @anjian/cli)` }, command);
  }
}
