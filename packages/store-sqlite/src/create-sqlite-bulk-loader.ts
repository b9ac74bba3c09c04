import type { ChainEvent, HazardSummary } from '@anjian/core';
import type { InspectionRecord, OutboxMessage } from '@anjian/core/ports';
import type Database from 'better-sqlite3';
import { createSqliteInspectionLog } from './create-sqlite-inspection-log.js';
import { openDatabase, sqlitePath, SqliteStoreError } from './open-database.js';

/** One hazard's whole history, as a bulk loader writes it. */
export interface BulkHazard {
  /** Versions 1, 2, 3 … of one hazard, hash-chained. */
  events: readonly ChainEvent[];
  /** The list row after the last event (`summarize` of the folded events). */
  summary: HazardSummary;
  /** The outbox messages of the events; written as delivered (this is history). */
  outbox: readonly OutboxMessage[];
}

/** Options of {@link createSqliteBulkLoader}. */
export interface SqliteBulkLoaderOptions {
  /** The store's database file (migrated first if new). */
  path: string;
}

/** Writes histories and inspections in large transactions. */
export interface SqliteBulkLoader {
  /** Writes the hazards in one transaction (all or nothing); a hazard that already exists fails the batch. */
  writeHazards(hazards: readonly BulkHazard[]): void;
  /** Records inspections in one transaction; ids already recorded are kept (as `recordInspection` does). */
  writeInspections(records: readonly InspectionRecord[]): void;
  close(): void;
}

/**
 * The SQLite store's bulk path, for importing history (a city-year of demo data, a migration
 * from another system): whole hazard histories — events, list row, outbox — and inspections
 * in one transaction per batch, with prepared statements, instead of one `append` per
 * command. The list row is written as given, premises included (`summary.premisesId`), so a
 * landlord finds a bulk-loaded tenant's hazard as it finds an appended one. It checks what
 * `append` would: versions contiguous from 1, one hazard per history, the list row at the
 * last version; it does not run the chain's decisions (the caller's
 * events must already be what the chain would have written — `verifyAudit` tells).
 *
 * @example
 * ```ts
 * const loader = createSqliteBulkLoader({ path: 'city.db' });
 * for (const chunk of city.chunks()) { loader.writeHazards(chunk.hazards); loader.writeInspections(chunk.inspections); }
 * loader.close();
 * ```
 */
export function createSqliteBulkLoader(options: SqliteBulkLoaderOptions): SqliteBulkLoader {
  // The inspection log's table (created if missing) shares the file.
  const path = sqlitePath(options, 'createSqliteBulkLoader');
  createSqliteInspectionLog({ path }).close();
  const db: Database.Database = openDatabase(path);
  const st = {
    event: db.prepare('INSERT INTO events (hazard_id, version, id, type, command_id, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    hazard: db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at, premises_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    outbox: db.prepare(`INSERT INTO outbox (id, hazard_id, event_id, topic, payload, created_at, available_at, status, done_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'done', ?)`),
    inspection: db.prepare('INSERT INTO inspection_log (id, enterprise_id, recorded_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
  };
  const writeHazards = db.transaction((hazards: readonly BulkHazard[]) => {
    for (const h of hazards) {
      const id = h.summary.hazardId;
      h.events.forEach((e, i) => {
        if (e.hazardId !== id || e.version !== i + 1 || e.id !== `${id}/${i + 1}`) {
          throw new SqliteStoreError('INVALID_APPEND', `bulk load: hazard ${id}: event ${i + 1} must be version ${i + 1} of ${id} with id ${id}/${i + 1}, got ${e.hazardId} v${e.version} (${e.id})`);
        }
        st.event.run(e.hazardId, e.version, e.id, e.type, e.commandId, e.recordedAt, JSON.stringify(e));
      });
      if (h.events.length === 0 || h.summary.version !== h.events.length) {
        throw new SqliteStoreError('INVALID_APPEND', `bulk load: hazard ${id}: the list row must be at the last version (${h.events.length}), got ${h.summary.version}`);
      }
      const s = h.summary;
      // The list row carries the premises the hazard was found at (a landlord reads its tenants' hazards through it).
      st.hazard.run(id, s.version, s.status, s.level, s.provisional ? 1 : 0, s.domain, s.area, s.enterpriseId, s.deadline, s.createdAt, s.updatedAt, s.premisesId ?? null);
      for (const m of h.outbox) st.outbox.run(m.id, m.hazardId, m.eventId, m.topic, JSON.stringify(m.payload), m.createdAt, m.createdAt, m.createdAt);
    }
  });
  const writeInspections = db.transaction((records: readonly InspectionRecord[]) => {
    for (const r of records) st.inspection.run(r.id, r.enterpriseId, r.recordedAt, JSON.stringify(r));
  });
  return {
    writeHazards: (hazards) => writeHazards.immediate(hazards),
    writeInspections: (records) => writeInspections.immediate(records),
    close: () => db.close(),
  };
}
