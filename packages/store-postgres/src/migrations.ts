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
  `
  -- 4: one round trip per group commit. append_group checks and writes a whole group of
  -- appends in one statement (run outside an explicit transaction, so the statement's own
  -- transaction commits before the client hears back). Per append, in order: the duplicate
  -- command id, the trail (list row version = newest logged version, else 'mismatch'), the
  -- compare-and-set on the list row (else 'conflict'); only then the command row and the
  -- outbox rows. Last, once for the group, log positions from the counter row and the
  -- events. A command id taken meanwhile by another instance fails the statement with
  -- 23505 and the client retries the group, which then sees it as a duplicate.
  CREATE FUNCTION {schema}.append_group(
    a_hazard text[], a_expected integer[], a_command text[], a_fingerprint text[],
    s_version integer[], s_status text[], s_level text[], s_provisional boolean[], s_domain text[], s_area text[],
    s_enterprise text[], s_deadline text[], s_created text[], s_updated text[],
    a_events integer[], e_hazard text[], e_version integer[], e_id text[], e_type text[], e_command text[], e_recorded text[], e_body text[],
    a_outbox integer[], o_id text[], o_hazard text[], o_event text[], o_topic text[], o_payload text[], o_created text[])
  RETURNS TABLE (r_verdict text, r_actual integer, r_logged integer, r_first bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    n integer := coalesce(array_length(a_hazard, 1), 0);
    verdicts text[] := array_fill(''::text, ARRAY[n]);
    actuals integer[] := array_fill(0, ARRAY[n]);
    loggeds integer[] := array_fill(0, ARRAY[n]);
    firsts bigint[] := array_fill(0::bigint, ARRAY[n]);
    keep integer[] := '{}';
    written jsonb := '{}';
    e_off integer := 0;
    o_off integer := 0;
    dup boolean;
    cur integer;
    lv integer;
    changed integer;
    base bigint;
  BEGIN
    FOR i IN 1 .. n LOOP
      -- One statement, so one snapshot: the duplicate, the list row and the log agree in time
      -- even while another group (of this instance or another) commits.
      SELECT EXISTS (SELECT 1 FROM {schema}.commands c WHERE c.command_id = a_command[i]),
             coalesce((SELECT h.version FROM {schema}.hazards h WHERE h.hazard_id = a_hazard[i]), 0),
             greatest(coalesce((SELECT max(e.version) FROM {schema}.events e WHERE e.hazard_id = a_hazard[i]), 0),
                      coalesce((written ->> a_hazard[i])::integer, 0))
        INTO dup, cur, lv;
      IF dup THEN
        verdicts[i] := 'duplicate';
      ELSE
        actuals[i] := cur;
        loggeds[i] := lv;
        IF cur <> lv THEN
          verdicts[i] := 'mismatch';
        ELSIF cur <> a_expected[i] THEN
          verdicts[i] := 'conflict';
        ELSE
          IF a_expected[i] = 0 THEN
            INSERT INTO {schema}.hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
            VALUES (a_hazard[i], s_version[i], s_status[i], s_level[i], s_provisional[i], s_domain[i], s_area[i], s_enterprise[i], s_deadline[i], s_created[i], s_updated[i])
            ON CONFLICT (hazard_id) DO NOTHING;
          ELSE
            UPDATE {schema}.hazards SET version = s_version[i], status = s_status[i], level = s_level[i], provisional = s_provisional[i],
              domain = s_domain[i], area = s_area[i], enterprise_id = s_enterprise[i], deadline = s_deadline[i],
              created_at = s_created[i], updated_at = s_updated[i]
            WHERE hazard_id = a_hazard[i] AND version = a_expected[i];
          END IF;
          GET DIAGNOSTICS changed = ROW_COUNT;
          IF changed <> 1 THEN
            -- Another group moved the hazard between the read and the write (the write waited
            -- for its COMMIT): a fresh snapshot tells a twin command from a conflict.
            SELECT EXISTS (SELECT 1 FROM {schema}.commands c WHERE c.command_id = a_command[i]),
                   coalesce((SELECT h.version FROM {schema}.hazards h WHERE h.hazard_id = a_hazard[i]), 0)
              INTO dup, cur;
            actuals[i] := cur;
            verdicts[i] := CASE WHEN dup THEN 'duplicate' ELSE 'conflict' END;
          ELSE
            INSERT INTO {schema}.commands (command_id, fingerprint, hazard_id) VALUES (a_command[i], a_fingerprint[i], a_hazard[i]);
            INSERT INTO {schema}.outbox (id, hazard_id, event_id, topic, payload, created_at, available_at)
              SELECT o_id[j], o_hazard[j], o_event[j], o_topic[j], o_payload[j], o_created[j], o_created[j]
              FROM generate_series(o_off + 1, o_off + a_outbox[i]) AS j ORDER BY j;
            verdicts[i] := 'ok';
            firsts[i] := coalesce(array_length(keep, 1), 0) + 1;
            keep := keep || ARRAY(SELECT generate_series(e_off + 1, e_off + a_events[i]));
            written := written || jsonb_build_object(a_hazard[i], s_version[i]);
          END IF;
        END IF;
      END IF;
      e_off := e_off + a_events[i];
      o_off := o_off + a_outbox[i];
    END LOOP;
    IF coalesce(array_length(keep, 1), 0) > 0 THEN
      UPDATE {schema}.log_head SET seq = seq + array_length(keep, 1) RETURNING seq - array_length(keep, 1) INTO base;
      INSERT INTO {schema}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body)
        SELECT base + k.ord, e_hazard[k.ix], e_version[k.ix], e_id[k.ix], e_type[k.ix], e_command[k.ix], e_recorded[k.ix], e_body[k.ix]
        FROM unnest(keep) WITH ORDINALITY AS k(ix, ord) ORDER BY k.ord;
      FOR i IN 1 .. n LOOP
        IF verdicts[i] = 'ok' THEN firsts[i] := base + firsts[i]; END IF;
      END LOOP;
    END IF;
    RETURN QUERY SELECT * FROM unnest(verdicts, actuals, loggeds, firsts);
  END
  $fn$;
  `,
  `
  -- 5: the document register (Store.readDocuments): document numbers (文号) allocated by
  -- append in the transaction of the issuing event. The series row is the counter: its
  -- upsert locks it until COMMIT, so concurrent issuers of one series queue, and a rolled
  -- back transaction gives its number back (1, 2, 3 … without gap or duplicate).
  CREATE TABLE {schema}.document_series (
    jurisdiction text    NOT NULL,
    kind         text    NOT NULL,
    year         integer NOT NULL,
    last         integer NOT NULL,
    PRIMARY KEY (jurisdiction, kind, year)
  );
  CREATE TABLE {schema}.documents (
    ord               bigserial,
    jurisdiction      text    NOT NULL,
    kind              text    NOT NULL,
    year              integer NOT NULL,
    seq               integer NOT NULL,
    hazard_id         text    NOT NULL,
    event_id          text    NOT NULL,
    issued_at         text    NOT NULL,
    content_hash      text,
    verification_code text UNIQUE,
    hashed_at         text,
    PRIMARY KEY (jurisdiction, kind, year, seq),
    UNIQUE (event_id, kind)
  );
  CREATE INDEX documents_hazard ON {schema}.documents (hazard_id, ord);
  `,
  `
  -- 6: voided document numbers keep their number and say so (Store.voidDocument).
  ALTER TABLE {schema}.documents ADD COLUMN voided_at text, ADD COLUMN void_reason text, ADD COLUMN voided_by text;
  `,
  `
  -- 7: the premises a hazard was found at (HazardSummary.premisesId, issue 17): a landlord
  -- reads its tenants' hazards at its premises through this column. It is set once, from
  -- the hazard's 'reported' event, by a trigger in the transaction of append_group (which
  -- inserts the events after the list row), so append_group itself is unchanged; a
  -- premises never changes afterwards. Null for hazards found at no named premises. The
  -- trigger's WHEN skips, without parsing JSON, every event that names no premises (bulk loads).
  ALTER TABLE {schema}.hazards ADD COLUMN premises_id text;
  CREATE INDEX hazards_premises ON {schema}.hazards (premises_id, updated_at, hazard_id) WHERE premises_id IS NOT NULL;
  CREATE FUNCTION {schema}.hazard_premises_from_report() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    premises text := NEW.body::jsonb #>> '{data,premisesId}';
  BEGIN
    IF premises IS NOT NULL THEN
      UPDATE {schema}.hazards SET premises_id = premises WHERE hazard_id = NEW.hazard_id;
    END IF;
    RETURN NULL;
  END
  $fn$;
  CREATE TRIGGER events_reported_premises AFTER INSERT ON {schema}.events
    FOR EACH ROW WHEN (NEW.type = 'reported' AND strpos(NEW.body, '"premisesId"') > 0) EXECUTE FUNCTION {schema}.hazard_premises_from_report();
  `,
  `
  -- 8: one index entry fewer per event written (issue 21). events_command served only the
  -- replay of a command (findCommand of a command id already taken); the events of a
  -- command are found through its hazard instead (commands.hazard_id, then
  -- UNIQUE (hazard_id, version)), as on SQLite since its migration 4.
  DROP INDEX {schema}.events_command;
  `,
]);
