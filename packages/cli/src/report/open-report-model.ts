import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportReadModel } from '@anjian/core/ports';
import { UsageError } from '../usage-error.js';

/** A report read model opened for `anjian report`, and how to close it. */
export interface OpenedReportModel {
  model: ReportReadModel;
  /** `sqlite:<path>` or `postgres:<schema>` (never the URL: it may hold a password). */
  label: string;
  close(): Promise<void>;
}

/**
 * Opens the report read model of the store named by `--store sqlite:<file>` or
 * `--store postgres:<url>` (with `--schema`, default `anjian`). A SQLite file must exist and a
 * PostgreSQL schema must hold a store: a report over nothing would read as a clean city.
 * The store packages are loaded only when asked for.
 */
export async function openReportModel(store: string | undefined, schemaOption: string | undefined, cwd: string, command: string): Promise<OpenedReportModel> {
  if (store === undefined)
    throw new UsageError({ 'zh-CN': '请用 --store sqlite:<文件> 或 --store postgres:<连接串> 指定数据', en: 'say where the data is: --store sqlite:<file> or --store postgres:<url>' }, command);
  if (store.startsWith('sqlite:')) {
    const file = store.slice('sqlite:'.length);
    const path = resolve(cwd, file);
    if (file === '' || !existsSync(path)) throw new UsageError({ 'zh-CN': `没有这个数据库文件：${file}`, en: `no such database file: ${file}` }, command);
    const { createSqliteReportReadModel } = await load(() => import('@anjian/store-sqlite'), '@anjian/store-sqlite', command);
    const model = createSqliteReportReadModel({ path });
    return { model, label: `sqlite:${file}`, close: async () => model.close() };
  }
  if (store.startsWith('postgres:') || store.startsWith('postgresql:')) {
    const schema = schemaOption ?? 'anjian';
    const url = store.startsWith('postgres:') && !store.startsWith('postgres://') ? store.slice('postgres:'.length) : store;
    const { createPostgresReportReadModel, createPostgresStore } = await load(() => import('@anjian/store-postgres'), '@anjian/store-postgres', command);
    // Probe before creating the projection tables: a mistyped schema must not become an empty one.
    const probe = createPostgresStore({ connectionString: url, schema });
    const exists = await probe.readLog(1, 1).then(
      () => true,
      () => false,
    );
    await probe.close();
    if (!exists) throw new UsageError({ 'zh-CN': `连不上数据库，或模式 ${schema} 中没有 anjian 的表`, en: `cannot connect, or schema ${schema} holds no anjian tables` }, command);
    const model = createPostgresReportReadModel({ connectionString: url, schema });
    return { model, label: `postgres:${schema}`, close: () => model.close() };
  }
  throw new UsageError(
    { 'zh-CN': `--store 应为 sqlite:<文件> 或 postgres:<连接串>，实际为 ${store.split(':')[0]}:…`, en: `--store must be sqlite:<file> or postgres:<url>, got ${store.split(':')[0]}:…` },
    command,
  );
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
