// Opens the store a crash-harness process works on: a SQLite file, or a PostgreSQL schema.
import type { Store } from '@anjian/core';
import { createPostgresStore } from '@anjian/store-postgres';
import { createSqliteStore } from '@anjian/store-sqlite';

export type StoreKind = 'sqlite' | 'postgres';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
  integrityCheck(): string;
}

/** `target` is the SQLite file path, or the PostgreSQL schema name. */
export async function openStore(kind: StoreKind, target: string, pgUrl: string): Promise<OpenedStore> {
  if (kind === 'sqlite') {
    const store = createSqliteStore({ path: target, busyTimeoutMs: 60_000 });
    return { store, close: async () => store.close(), integrityCheck: () => store.integrityCheck() };
  }
  const store = createPostgresStore({ connectionString: pgUrl, schema: target });
  await store.migrate();
  // PostgreSQL checks its own pages; the harness's log checks are what matter there.
  return { store, close: () => store.close(), integrityCheck: () => 'ok' };
}
