/**
 * Versioned schema of the PostgreSQL store. Each migration runs once, in a transaction,
 * under an advisory lock so several instances starting together migrate once.
 * `{schema}` is replaced by the quoted schema name.
 *
 * @module
 */

/** Migrations in order; index + 1 is the version. Never edit a released one. */
export const PG_MIGRATIONS: readonly string[] = Object.freeze([
  `
  CREATE TABLE {schema}.log_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq      bigint  NOT NULL
  );
  INSERT INTO {schema}.log_head (seq) VALUES (0);

  CREATE TABLE {schema}.events (
    seq         bigint  PRIMARY KEY,
    hazard_id   text    NOT NULL,
    version     integer NOT NULL,
    id          text    NOT NULL UNIQUE,
    type        text    NOT NULL,
    command_id  text    NOT NULL,
    recorded_at text    NOT NULL,
    body        text    NOT NULL,
    UNIQUE (hazard_id, version)
  );
  CREATE INDEX events_command ON {schema}.events (command_id, seq);

  CREATE TABLE {schema}.commands (
    command_id  text PRIMARY KEY,
    fingerprint text NOT NULL,
    hazard_id   text NOT NULL
  );

  CREATE TABLE {schema}.hazards (
    hazard_id     text PRIMARY KEY,
    version       integer NOT NULL,
    status        text    NOT NULL,
    level         text    NOT NULL,
    provisional   boolean NOT NULL,
    domain        text    NOT NULL,
    area          text    NOT NULL,
    enterprise_id text    NOT NULL,
    deadline      text,
    created_at    text    NOT NULL,
    updated_at    text    NOT NULL
  );
  CREATE INDEX hazards_page       ON {schema}.hazards (updated_at, hazard_id);
  CREATE INDEX hazards_level      ON {schema}.hazards (level, updated_at, hazard_id);
  CREATE INDEX hazards_status     ON {schema}.hazards (status, updated_at, hazard_id);
  CREATE INDEX hazards_queue      ON {schema}.hazards (area COLLATE "C", status, updated_at, hazard_id);
  CREATE INDEX hazards_domain     ON {schema}.hazards (domain, updated_at, hazard_id);
  CREATE INDEX hazards_area       ON {schema}.hazards (area COLLATE "C", updated_at, hazard_id);
  CREATE INDEX hazards_enterprise ON {schema}.hazards (enterprise_id, updated_at, hazard_id);
  CREATE INDEX hazards_deadline   ON {schema}.hazards (deadline) WHERE deadline IS NOT NULL;

  CREATE TABLE {schema}.outbox (
    seq          bigserial PRIMARY KEY,
    id           text    NOT NULL UNIQUE,
    hazard_id    text    NOT NULL,
    event_id     text    NOT NULL,
    topic        text    NOT NULL,
    payload      text    NOT NULL,
    created_at   text    NOT NULL,
    status       text    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
    attempts     integer NOT NULL DEFAULT 0,
    available_at text    NOT NULL,
    lease_owner  text,
    lease_until  text,
    last_error   text    NOT NULL DEFAULT '',
    done_at      text
  );
  CREATE INDEX outbox_ready ON {schema}.outbox (available_at, seq) WHERE status = 'pending';

  CREATE TABLE {schema}.denials (
    seq          bigserial PRIMARY KEY,
    command_id   text NOT NULL,
    hazard_id    text NOT NULL,
    command_type text NOT NULL,
    actor_id     text NOT NULL,
    code         text NOT NULL,
    message      text NOT NULL,
    recorded_at  text NOT NULL
  );
  `,
  `
  -- 2: statistics by creation period (Store.stats), city-wide and per area. The INCLUDE
  -- columns are every column the aggregates read, so dashboards can use index-only scans.
  CREATE INDEX hazards_created      ON {schema}.hazards (created_at) INCLUDE (level, status, domain, deadline);
  CREATE INDEX hazards_area_created ON {schema}.hazards (area COLLATE "C", created_at) INCLUDE (level, status, domain, deadline);
  `,
  `
  -- 3: signed checkpoints of the log (Store.appendCheckpoint), for verifyAudit.
  CREATE TABLE {schema}.checkpoints (
    seq        bigserial PRIMARY KEY,
    size       bigint  NOT NULL,
    head       text    NOT NULL,
    text       text    NOT NULL,
    created_at text    NOT NULL
  );
  `,
]);
