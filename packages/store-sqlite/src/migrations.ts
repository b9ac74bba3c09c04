/**
 * Versioned schema of the SQLite store. Each migration runs once, in its own transaction;
 * `PRAGMA user_version` records how far a database file has come.
 *
 * @module
 */

/** Migrations in order; index + 1 is the schema version. Never edit a released one. */
export const MIGRATIONS: readonly string[] = Object.freeze([
  `
  -- 1: the event log, command ids, hazard list, outbox and denial log.
  CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,            -- global log order, contiguous from 1
    hazard_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    id          TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    command_id  TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    body        TEXT    NOT NULL,               -- the event exactly as appended (JSON)
    UNIQUE (hazard_id, version)
  ) STRICT;
  CREATE INDEX events_command ON events (command_id, seq);

  CREATE TABLE commands (
    command_id  TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    hazard_id   TEXT NOT NULL
  ) STRICT;

  CREATE TABLE hazards (
    hazard_id     TEXT PRIMARY KEY,
    version       INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    level         TEXT    NOT NULL,
    provisional   INTEGER NOT NULL,
    domain        TEXT    NOT NULL,
    area          TEXT    NOT NULL,
    enterprise_id TEXT    NOT NULL,
    deadline      TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
  ) STRICT;
  CREATE INDEX hazards_page       ON hazards (updated_at, hazard_id);
  CREATE INDEX hazards_level      ON hazards (level, updated_at, hazard_id);
  CREATE INDEX hazards_status     ON hazards (status, updated_at, hazard_id);
  CREATE INDEX hazards_queue      ON hazards (area, status, updated_at, hazard_id);
  CREATE INDEX hazards_domain     ON hazards (domain, updated_at, hazard_id);
  CREATE INDEX hazards_area       ON hazards (area, updated_at, hazard_id);
  CREATE INDEX hazards_enterprise ON hazards (enterprise_id, updated_at, hazard_id);
  CREATE INDEX hazards_deadline   ON hazards (deadline) WHERE deadline IS NOT NULL;

  CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY,            -- delivery order
    id          TEXT    NOT NULL UNIQUE,
    hazard_id   TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    available_at TEXT   NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    last_error  TEXT    NOT NULL DEFAULT '',
    done_at     TEXT
  ) STRICT;
  CREATE INDEX outbox_ready ON outbox (status, available_at, seq);

  CREATE TABLE denials (
    seq          INTEGER PRIMARY KEY,
    command_id   TEXT NOT NULL,
    hazard_id    TEXT NOT NULL,
    command_type TEXT NOT NULL,
    actor_id     TEXT NOT NULL,
    code         TEXT NOT NULL,
    message      TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- 2: statistics by creation period (Store.stats), city-wide and per area. The indexes
  -- cover every column the aggregates read, so a dashboard never touches the table rows.
  CREATE INDEX hazards_created      ON hazards (created_at, level, status, domain, deadline);
  CREATE INDEX hazards_area_created ON hazards (area, created_at, level, status, domain, deadline);
  `,
  `
  -- 3: signed checkpoints of the log (Store.appendCheckpoint), for verifyAudit.
  CREATE TABLE checkpoints (
    seq        INTEGER PRIMARY KEY,             -- 1, 2, 3 … in signing order
    size       INTEGER NOT NULL,                -- events covered
    head       TEXT    NOT NULL,                -- log head after them (hex)
    text       TEXT    NOT NULL,                -- the signed note, as signed
    created_at TEXT    NOT NULL
  ) STRICT;
  `,
  `
  -- 4: fewer pages per commit, and overdue-in-area on plan. events_command put one more random b-tree page into every
  -- commit for a lookup made only when a command is replayed; the events of a command are
  -- found through its hazard instead (commands.hazard_id, then UNIQUE (hazard_id, version)).
  DROP INDEX events_command;
  -- "Overdue in an area": both bounds in one index, so the matches are found without
  -- reading the rows of the area's hazards that are not overdue.
  CREATE INDEX hazards_area_deadline ON hazards (area, deadline) WHERE deadline IS NOT NULL;
  `,
  `
  -- 5: the document register (Store.readDocuments): document numbers (文号) allocated by
  -- append in the transaction of the issuing event, 1, 2, 3 … per (jurisdiction, kind,
  -- year); the content hash and verification code recorded when the document is rendered.
  CREATE TABLE documents (
    jurisdiction      TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    seq               INTEGER NOT NULL,
    hazard_id         TEXT    NOT NULL,
    event_id          TEXT    NOT NULL,
    issued_at         TEXT    NOT NULL,
    content_hash      TEXT,
    verification_code TEXT UNIQUE,
    hashed_at         TEXT,
    PRIMARY KEY (jurisdiction, kind, year, seq),
    UNIQUE (event_id, kind)
  ) STRICT;
  CREATE INDEX documents_hazard ON documents (hazard_id);
  `,
  `
  -- 6: voided document numbers keep their number and say so (Store.voidDocument).
  ALTER TABLE documents ADD COLUMN voided_at TEXT;
  ALTER TABLE documents ADD COLUMN void_reason TEXT;
  ALTER TABLE documents ADD COLUMN voided_by TEXT;
  `,
  `
  -- 7: the premises a hazard was found at (HazardSummary.premisesId, issue 17): a landlord
  -- reads its tenants' hazards at its premises through this column. Null for hazards found
  -- at no named premises (every hazard written before this migration).
  ALTER TABLE hazards ADD COLUMN premises_id TEXT;
  CREATE INDEX hazards_premises ON hazards (premises_id, updated_at, hazard_id) WHERE premises_id IS NOT NULL;
  `,
  `
  -- 8: one b-tree page fewer per append. UNIQUE (id) on events duplicated UNIQUE (hazard_id,
  -- version): an event's id is <hazardId>/<version> (the store refuses any other), nothing
  -- looks an event up by id, and each append wrote one more random leaf of it (16 % of a
  -- group commit's pages). SQLite drops a UNIQUE constraint only by rebuilding the table:
  -- this copies the log once, in seq order, inside the migration's transaction (a crash
  -- leaves the version-7 table as it was). No trigger, view or foreign key names events.
  CREATE TABLE events_v8 (
    seq         INTEGER PRIMARY KEY,            -- global log order, contiguous from 1
    hazard_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    id          TEXT    NOT NULL,               -- <hazard_id>/<version>
    type        TEXT    NOT NULL,
    command_id  TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    body        TEXT    NOT NULL,               -- the event exactly as appended (JSON)
    UNIQUE (hazard_id, version)
  ) STRICT;
  INSERT INTO events_v8 (seq, hazard_id, version, id, type, command_id, recorded_at, body)
    SELECT seq, hazard_id, version, id, type, command_id, recorded_at, body FROM events ORDER BY seq;
  DROP TABLE events;
  ALTER TABLE events_v8 RENAME TO events;
  `,
  `
  -- 9: the content of each issued document (Store.readDocumentContent), written with its hash
  -- in recordDocumentHash's transaction and served byte for byte ever after: a reader no
  -- longer composes the document again from today's directory and templates. A table of
  -- its own, so the register's lists (SELECT * FROM documents) never read contents, and
  -- the migration only creates it: documents issued before have no row (their content is
  -- stored when they are issued again with the same hash).
  CREATE TABLE document_contents (
    jurisdiction TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    content      TEXT    NOT NULL,              -- exactly as recordDocumentHash got it
    PRIMARY KEY (jurisdiction, kind, year, seq)
  ) STRICT;
  `,
  `
  -- 10: the document trail (decision 009): one hash-chained entry per issued document,
  -- appended in recordDocumentHash's transaction and signed by checkpoints, so that a
  -- rewrite of a register row's hash and content together is caught by anjian audit verify.
  -- The migration only creates it: documents issued before have no entry (the audit reports
  -- them as issued before documents were chained; issuing one again with its hash chains it).
  CREATE TABLE document_trail (
    seq               INTEGER PRIMARY KEY,       -- 1, 2, 3 … (written by the store, never AUTOINCREMENT-skipped)
    prev_hash         TEXT    NOT NULL,
    hash              TEXT    NOT NULL,
    jurisdiction      TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    document_seq      INTEGER NOT NULL,
    hazard_id         TEXT    NOT NULL,
    event_id          TEXT    NOT NULL,
    content_hash      TEXT    NOT NULL,
    verification_code TEXT    NOT NULL,
    content_digest    TEXT    NOT NULL,
    issued_at         TEXT    NOT NULL,
    log_size          INTEGER NOT NULL,
    UNIQUE (jurisdiction, kind, year, document_seq)
  ) STRICT;
  `,
  `
  -- 11: voids join the document trail (decision 009): an entry of type 'voided' per voided
  -- number (when, why, by whom), appended in voidDocument's transaction, so that a database
  -- edit un-voiding or re-voiding a document is caught by anjian audit verify; chained_at
  -- (when the store wrote an entry) marks the entries written since. A number has at most one
  -- entry of each type. SQLite cannot change a table's UNIQUE: the table is rebuilt, its rows
  -- copied as they are (their hashes do not cover the new columns, which stay NULL). The
  -- migration invents no entry: voids written before have none (the audit reports them as
  -- voided before voids were chained; voiding one again chains it).
  CREATE TABLE document_trail_11 (
    seq               INTEGER PRIMARY KEY,
    prev_hash         TEXT    NOT NULL,
    hash              TEXT    NOT NULL,
    entry_type        TEXT    NOT NULL DEFAULT 'issued' CHECK (entry_type IN ('issued', 'voided')),
    jurisdiction      TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    document_seq      INTEGER NOT NULL,
    hazard_id         TEXT    NOT NULL,
    event_id          TEXT    NOT NULL,
    content_hash      TEXT,                      -- issued entries
    verification_code TEXT,
    content_digest    TEXT,
    issued_at         TEXT,
    voided_at         TEXT,                      -- voided entries
    void_reason       TEXT,
    voided_by         TEXT,
    chained_at        TEXT,                      -- NULL in entries written before schema 11
    log_size          INTEGER NOT NULL,
    UNIQUE (jurisdiction, kind, year, document_seq, entry_type)
  ) STRICT;
  INSERT INTO document_trail_11 (seq, prev_hash, hash, jurisdiction, kind, year, document_seq, hazard_id, event_id, content_hash, verification_code, content_digest, issued_at, log_size)
    SELECT seq, prev_hash, hash, jurisdiction, kind, year, document_seq, hazard_id, event_id, content_hash, verification_code, content_digest, issued_at, log_size FROM document_trail;
  DROP TABLE document_trail;
  ALTER TABLE document_trail_11 RENAME TO document_trail;
  `,
  `
  -- 12: co-sign codes of two-officer acts (decision 010), shared by every process on the file:
  -- a code as its salted SHA-256 only (never the code), at most one unused code per officer,
  -- subject and act (the partial unique index: issuing again replaces it in one statement),
  -- and the attempts to use codes (times in ms since the epoch), counted per officer within a
  -- window. Expired codes and attempts outside the window are deleted as new ones come in.
  CREATE TABLE co_sign_codes (
    id         TEXT PRIMARY KEY,
    officer_id TEXT NOT NULL,
    subject    TEXT NOT NULL,                  -- hazard:<id> | enterprise:<id>
    act        TEXT NOT NULL,
    salt       TEXT NOT NULL,
    hash       TEXT NOT NULL,                  -- hex SHA-256 of salt:code
    issued_at  TEXT NOT NULL,
    expires_at TEXT NOT NULL,                  -- toISOString() form: compared as text
    used_at    TEXT
  ) STRICT;
  CREATE UNIQUE INDEX co_sign_codes_unused ON co_sign_codes (officer_id, subject, act) WHERE used_at IS NULL;
  CREATE INDEX co_sign_codes_subject ON co_sign_codes (subject, act, expires_at);
  CREATE INDEX co_sign_codes_expiry ON co_sign_codes (expires_at);
  CREATE TABLE co_sign_attempts (
    seq   INTEGER PRIMARY KEY,
    key   TEXT    NOT NULL,
    at_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX co_sign_attempts_key ON co_sign_attempts (key, at_ms);
  CREATE INDEX co_sign_attempts_at ON co_sign_attempts (at_ms);
  `,
  `
  -- 13: what a co-sign code binds (decision 010, update): the canonical JSON of the content the
  -- second officer co-signs, and its SHA-256. Codes issued before keep '' in both: they confirm
  -- nothing (core refuses a code without a digest), and they expire within minutes anyway.
  ALTER TABLE co_sign_codes ADD COLUMN content TEXT NOT NULL DEFAULT '';
  ALTER TABLE co_sign_codes ADD COLUMN content_digest TEXT NOT NULL DEFAULT '';
  `,
  `
  -- 14: one hazard's document trail entries through an index (decision 009, per hazard; threat
  -- T48): GET /hazards/{id}/audit read and re-hashed the whole trail on each call. The index
  -- serves readHazardDocumentTrail (WHERE hazard_id = ? ORDER BY seq); the trail's rows are
  -- not touched.
  CREATE INDEX document_trail_hazard ON document_trail (hazard_id, seq);
  `,
  `
  -- 15: provisional hazards (a level awaiting confirmation) through an index of their own: GET
  -- /hazards?provisional=true and an officer's work queue (one query per district and domain)
  -- read every hazard of the area through the area or status index to find the few provisional
  -- ones. Partial: it holds the provisional hazards only, so an append that writes a confirmed
  -- hazard's list row writes no page of it. The store names it in the query (INDEXED BY).
  CREATE INDEX IF NOT EXISTS hazards_provisional ON hazards (updated_at, hazard_id) WHERE provisional = 1;
  `,
  `
  -- 16: dashboard counts without a sort and without the table rows (Store.stats). An officer's
  -- GET /stats asks one count per district and domain of its departments (40 for 8 districts
  -- and 5 domains): the planner took hazards_domain and read every hazard of the domain from
  -- the table, once per district. The whole city's counts read every row through hazards_level
  -- (its order helps the GROUP BY) and sorted them by status and domain. Led by the domain, then
  -- the three columns the counts are grouped by, this index gives a domain's (or the city's)
  -- hazards already in group order and holds every column a count reads: one ordered read of the
  -- index, no sort, no table row. An append that changes a hazard's status or deadline rewrites
  -- its entry here too.
  CREATE INDEX IF NOT EXISTS hazards_domain_counts ON hazards (domain, level, status, area, created_at, deadline);
  `,
  `
  -- 17: outbox retention (Store.pruneOutbox). Delivered messages, and dead letters when asked,
  -- are deleted in bounded batches; what the audit needs of each — its ids and the state it
  -- was deleted in, not its payload — stays here, so verifyAudit tells a message pruned after
  -- delivery from one deleted behind the store's back (a pending one: MISSING_MESSAGE).
  -- No new index on outbox: from this version ackOutbox sets available_at to the delivery
  -- instant too, so the delivered rows to prune are a range of outbox_ready (status,
  -- available_at, seq); rows delivered before keep an earlier available_at, and the query
  -- also checks done_at. Rows are not rewritten.
  CREATE TABLE IF NOT EXISTS outbox_pruned (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL,
    hazard_id TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    state     TEXT NOT NULL CHECK (state IN ('delivered', 'dead'))
  ) STRICT;
  `,
]);
