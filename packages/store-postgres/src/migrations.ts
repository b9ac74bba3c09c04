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
  `
  -- 9: a group's writes set-based (issue 21). append_group (migration 4) ran four statements
  -- per append (the checks, the list row, the command, the outbox) and the premises trigger
  -- (migration 7) rewrote the list row of every reported event that names premises, so
  -- each of those hazards got two row versions and two sets of index entries.
  -- append_group_v2 reads the whole group's state in one statement (one snapshot), decides
  -- every verdict in memory, in order (an append sees the earlier appends of its group),
  -- and then writes each table once: the list rows (premises from the summary), the
  -- commands, the outbox rows, and last, once for the group, the counter row and the events.
  -- A list row that another transaction moved between the read and the write (the write
  -- waited for its COMMIT) turns that hazard's appends into conflicts or duplicates from a
  -- fresh read, as before. A command id committed meanwhile by another instance fails the
  -- statement with 23505; the client retries the group, which then sees it as a duplicate.
  -- Event hazard ids and versions are not sent: the store checks that they are the append's
  -- hazard and expectedVersion + 1, + 2, … before sending.
  --
  -- "Overdue in an area" reads each stored area of the area in page order: through
  -- hazards_area it fetched every hazard of the area, closed ones included, to keep those
  -- with a deadline (≈ 400 heap rows and 422 buffers for a page of 50 at 200 000 hazards);
  -- hazards_area_open holds only hazards with a running deadline (64 buffers).
  CREATE INDEX hazards_area_open ON {schema}.hazards (area COLLATE "C", updated_at, hazard_id) WHERE deadline IS NOT NULL;
  DROP TRIGGER events_reported_premises ON {schema}.events;
  DROP FUNCTION {schema}.hazard_premises_from_report();
  CREATE FUNCTION {schema}.append_group_v2(
    a_hazard text[], a_expected integer[], a_command text[], a_fingerprint text[],
    s_version integer[], s_status text[], s_level text[], s_provisional boolean[], s_domain text[], s_area text[],
    s_enterprise text[], s_premises text[], s_deadline text[], s_created text[], s_updated text[],
    a_events integer[], e_id text[], e_type text[], e_command text[], e_recorded text[], e_body text[],
    a_outbox integer[], o_id text[], o_hazard text[], o_event text[], o_topic text[], o_payload text[], o_created text[])
  RETURNS TABLE (r_verdict text, r_actual integer, r_logged integer, r_first bigint)
  LANGUAGE plpgsql
  -- Every statement here is a handful of point reads and writes: planned once per
  -- connection (with custom plans a small group was planned again on every call), and on
  -- the indexes even when the plan is made while the tables are still small (a plan cached
  -- then scanned or hashed the whole table on every call until the next ANALYZE). The
  -- duplicate check is a scalar subquery, not EXISTS, which the planner may hash over the
  -- whole commands table. No JIT: the disabled plan types' costs would trigger it on every call.
  SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off
  AS $fn$
  DECLARE
    n integer := coalesce(array_length(a_hazard, 1), 0);
    verdicts text[] := array_fill(''::text, ARRAY[n]);
    actuals integer[];
    loggeds integer[];
    firsts bigint[] := array_fill(0::bigint, ARRAY[n]);
    taken boolean[];
    prev_h integer[];          -- the group's previous append to the same hazard
    prev_c integer[];          -- the group's previous append with the same command id
    chain integer[] := array_fill(0, ARRAY[n]);  -- the first accepted append of the hazard's chain in the group
    is_last boolean[] := array_fill(false, ARRAY[n]); -- the last accepted append of its hazard in the group
    e_at integer[] := array_fill(0, ARRAY[n]);   -- offset of the append's events in e_*
    o_at integer[] := array_fill(0, ARRAY[n]);   -- offset of the append's outbox rows in o_*
    keep integer[] := '{}';
    lasts integer[] := '{}';
    done text[];
    ev_ix integer[] := '{}';
    ev_app integer[] := '{}';
    ev_ver integer[] := '{}';
    dup boolean;
    cur integer;
    i integer;
    j integer;
    base bigint;
  BEGIN
    IF n = 0 THEN RETURN; END IF;
    -- One statement, so one snapshot: duplicates, list rows and the log agree in time
    -- even while another group (of this instance or another) commits.
    SELECT array_agg(x.t ORDER BY x.pos), array_agg(x.c ORDER BY x.pos), array_agg(x.l ORDER BY x.pos),
           array_agg(x.ph ORDER BY x.pos), array_agg(x.pc ORDER BY x.pos)
      INTO taken, actuals, loggeds, prev_h, prev_c
    FROM (
      SELECT u.pos,
             (SELECT true FROM {schema}.commands c WHERE c.command_id = u.cmd) IS NOT NULL AS t,
             coalesce((SELECT h.version FROM {schema}.hazards h WHERE h.hazard_id = u.hz), 0) AS c,
             coalesce((SELECT max(e.version) FROM {schema}.events e WHERE e.hazard_id = u.hz), 0) AS l,
             (lag(u.pos) OVER (PARTITION BY u.hz ORDER BY u.pos))::integer AS ph,
             (lag(u.pos) OVER (PARTITION BY u.cmd ORDER BY u.pos))::integer AS pc
      FROM unnest(a_hazard, a_command) WITH ORDINALITY AS u(hz, cmd, pos)) x;
    -- The verdicts, in order, in memory: an accepted append is seen by the later appends
    -- of the group (its command id is taken, its hazard is at its version).
    FOR k IN 1 .. n LOOP
      IF k > 1 THEN
        e_at[k] := e_at[k - 1] + a_events[k - 1];
        o_at[k] := o_at[k - 1] + a_outbox[k - 1];
      END IF;
      dup := taken[k];
      j := prev_c[k];
      WHILE NOT dup AND j IS NOT NULL LOOP
        IF verdicts[j] = 'ok' THEN dup := true; ELSE j := prev_c[j]; END IF;
      END LOOP;
      IF dup THEN
        verdicts[k] := 'duplicate';
        actuals[k] := 0;
        loggeds[k] := 0;
        CONTINUE;
      END IF;
      j := prev_h[k];
      WHILE j IS NOT NULL AND verdicts[j] <> 'ok' LOOP j := prev_h[j]; END LOOP;
      IF j IS NOT NULL THEN
        actuals[k] := s_version[j];
        loggeds[k] := s_version[j];
      END IF;
      IF actuals[k] <> loggeds[k] THEN
        verdicts[k] := 'mismatch';
      ELSIF actuals[k] <> a_expected[k] THEN
        verdicts[k] := 'conflict';
      ELSE
        verdicts[k] := 'ok';
        keep := keep || k;
        is_last[k] := true;
        IF j IS NULL THEN
          chain[k] := k;
        ELSE
          chain[k] := chain[j];
          is_last[j] := false;
        END IF;
      END IF;
    END LOOP;
    IF cardinality(keep) = 0 THEN
      RETURN QUERY SELECT * FROM unnest(verdicts, actuals, loggeds, firsts);
      RETURN;
    END IF;
    lasts := ARRAY(SELECT x FROM unnest(keep) AS x WHERE is_last[x] ORDER BY a_hazard[x]);
    -- Each hazard's list row once, at its last accepted version, compare-and-set on the
    -- version its first accepted append expected; in hazard order, so that two groups
    -- touching the same hazards lock them in the same order.
    WITH w AS (
      SELECT a_hazard[x] AS hazard, a_expected[chain[x]] AS expected, x FROM unnest(lasts) WITH ORDINALITY AS l(x, ord) ORDER BY l.ord
    ), ins AS (
      INSERT INTO {schema}.hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, premises_id, deadline, created_at, updated_at)
      SELECT w.hazard, s_version[w.x], s_status[w.x], s_level[w.x], s_provisional[w.x], s_domain[w.x], s_area[w.x], s_enterprise[w.x], s_premises[w.x],
             s_deadline[w.x], s_created[w.x], s_updated[w.x]
      FROM w WHERE w.expected = 0
      ON CONFLICT (hazard_id) DO NOTHING
      RETURNING hazard_id
    ), upd AS (
      UPDATE {schema}.hazards h SET version = s_version[w.x], status = s_status[w.x], level = s_level[w.x], provisional = s_provisional[w.x],
        domain = s_domain[w.x], area = s_area[w.x], enterprise_id = s_enterprise[w.x], premises_id = coalesce(s_premises[w.x], h.premises_id),
        deadline = s_deadline[w.x], created_at = s_created[w.x], updated_at = s_updated[w.x]
      FROM w WHERE w.expected <> 0 AND h.hazard_id = w.hazard AND h.version = w.expected
      RETURNING h.hazard_id
    )
    SELECT ARRAY(SELECT hazard_id FROM ins UNION ALL SELECT hazard_id FROM upd) INTO done;
    IF cardinality(done) < cardinality(lasts) THEN
      -- Another transaction wrote one of these hazards after the read (the write waited for
      -- its COMMIT): its appends here are duplicates or conflicts, from a fresh snapshot.
      FOR k IN 1 .. cardinality(keep) LOOP
        i := keep[k];
        IF NOT (a_hazard[i] = ANY (done)) THEN
          SELECT (SELECT true FROM {schema}.commands c WHERE c.command_id = a_command[i]) IS NOT NULL,
                 coalesce((SELECT h.version FROM {schema}.hazards h WHERE h.hazard_id = a_hazard[i]), 0)
            INTO dup, cur;
          actuals[i] := cur;
          verdicts[i] := CASE WHEN dup THEN 'duplicate' ELSE 'conflict' END;
        END IF;
      END LOOP;
      keep := ARRAY(SELECT x FROM unnest(keep) WITH ORDINALITY AS k(x, ord) WHERE verdicts[x] = 'ok' ORDER BY k.ord);
      IF cardinality(keep) = 0 THEN
        RETURN QUERY SELECT * FROM unnest(verdicts, actuals, loggeds, firsts);
        RETURN;
      END IF;
    END IF;
    INSERT INTO {schema}.commands (command_id, fingerprint, hazard_id)
      SELECT a_command[x], a_fingerprint[x], a_hazard[x] FROM unnest(keep) AS x;
    INSERT INTO {schema}.outbox (id, hazard_id, event_id, topic, payload, created_at, available_at)
      SELECT o_id[y], o_hazard[y], o_event[y], o_topic[y], o_payload[y], o_created[y], o_created[y]
      FROM unnest(keep) WITH ORDINALITY AS k(x, ord), generate_series(o_at[x] + 1, o_at[x] + a_outbox[x]) AS y
      ORDER BY k.ord, y;
    FOR k IN 1 .. cardinality(keep) LOOP
      i := keep[k];
      firsts[i] := cardinality(ev_ix) + 1;
      FOR v IN 1 .. a_events[i] LOOP
        ev_ix := ev_ix || (e_at[i] + v);
        ev_app := ev_app || i;
        ev_ver := ev_ver || (a_expected[i] + v);
      END LOOP;
    END LOOP;
    -- Last, once for the group: log positions from the counter row (its lock is held until
    -- COMMIT, so positions are contiguous and in commit order), then the events.
    UPDATE {schema}.log_head SET seq = seq + cardinality(ev_ix) RETURNING seq - cardinality(ev_ix) INTO base;
    INSERT INTO {schema}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body)
      SELECT base + x.ord, a_hazard[x.a], x.v, e_id[x.e], e_type[x.e], e_command[x.e], e_recorded[x.e], e_body[x.e]
      FROM unnest(ev_ix, ev_app, ev_ver) WITH ORDINALITY AS x(e, a, v, ord) ORDER BY x.ord;
    FOREACH i IN ARRAY keep LOOP
      firsts[i] := base + firsts[i];
    END LOOP;
    RETURN QUERY SELECT * FROM unnest(verdicts, actuals, loggeds, firsts);
  END
  $fn$;
  -- The old signature, for an instance of the previous release still running during an
  -- upgrade: the premises the trigger took from a reported event, then append_group_v2.
  CREATE OR REPLACE FUNCTION {schema}.append_group(
    a_hazard text[], a_expected integer[], a_command text[], a_fingerprint text[],
    s_version integer[], s_status text[], s_level text[], s_provisional boolean[], s_domain text[], s_area text[],
    s_enterprise text[], s_deadline text[], s_created text[], s_updated text[],
    a_events integer[], e_hazard text[], e_version integer[], e_id text[], e_type text[], e_command text[], e_recorded text[], e_body text[],
    a_outbox integer[], o_id text[], o_hazard text[], o_event text[], o_topic text[], o_payload text[], o_created text[])
  RETURNS TABLE (r_verdict text, r_actual integer, r_logged integer, r_first bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    n integer := coalesce(array_length(a_hazard, 1), 0);
    premises text[] := array_fill(NULL::text, ARRAY[n]);
    at integer := 0;
  BEGIN
    FOR i IN 1 .. n LOOP
      FOR e IN at + 1 .. at + a_events[i] LOOP
        IF e_type[e] = 'reported' AND strpos(e_body[e], '"premisesId"') > 0 THEN
          premises[i] := e_body[e]::jsonb #>> '{data,premisesId}';
        END IF;
      END LOOP;
      at := at + a_events[i];
    END LOOP;
    RETURN QUERY SELECT * FROM {schema}.append_group_v2(a_hazard, a_expected, a_command, a_fingerprint, s_version, s_status, s_level, s_provisional,
      s_domain, s_area, s_enterprise, premises, s_deadline, s_created, s_updated, a_events, e_id, e_type, e_command, e_recorded, e_body,
      a_outbox, o_id, o_hazard, o_event, o_topic, o_payload, o_created);
  END
  $fn$;
  -- The batched point reads of the command path (findCommand, load), with the same plan
  -- settings: as plain prepared statements their plan was cached on the first calls, and a
  -- store started on empty tables kept scanning commands and events on every batch.
  CREATE FUNCTION {schema}.commands_of(ids text[]) RETURNS TABLE (command_id text, fingerprint text, hazard_id text)
  LANGUAGE plpgsql STABLE
  SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off
  AS $fn$
  BEGIN
    RETURN QUERY SELECT c.command_id, c.fingerprint, c.hazard_id FROM {schema}.commands c WHERE c.command_id = ANY (ids);
  END
  $fn$;
  CREATE FUNCTION {schema}.events_of_hazards(ids text[]) RETURNS TABLE (hazard_id text, seq bigint, body text)
  LANGUAGE plpgsql STABLE
  SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off
  AS $fn$
  BEGIN
    RETURN QUERY SELECT e.hazard_id, e.seq, e.body FROM {schema}.events e WHERE e.hazard_id = ANY (ids) ORDER BY e.hazard_id, e.version;
  END
  $fn$;
  `,
  `
  -- 10: the content of each issued document (Store.readDocumentContent), written with its
  -- hash in recordDocumentHash's statement and served byte for byte ever after: a reader no
  -- longer composes the document again from today's directory and templates. text, not
  -- jsonb (jsonb would re-serialise it); a table of its own, so the register's lists never
  -- read contents. The migration only creates it: documents issued before have no row
  -- (their content is stored when they are issued again with the same hash).
  CREATE TABLE {schema}.document_contents (
    jurisdiction text    NOT NULL,
    kind         text    NOT NULL,
    year         integer NOT NULL,
    seq          integer NOT NULL,
    content      text    NOT NULL,
    PRIMARY KEY (jurisdiction, kind, year, seq)
  );
  `,
  `
  -- 11: one index entry fewer per event written, as on SQLite since its schema 8. UNIQUE (id)
  -- on events duplicated UNIQUE (hazard_id, version): an event's id is <hazardId>/<version>
  -- (the store and the bulk loader refuse any other, and so does this CHECK for every
  -- writer, an instance of the previous release included), and nothing looks an event up by
  -- id; each event wrote one more random leaf of it. Dropping the index is one statement (no
  -- rewrite); the CHECK reads the log once. A log holding an id of another form — none the
  -- chain writes, verifyChain checks it — stops the migration at version 10, naming the
  -- first such event.
  DO $mig$
  DECLARE
    bad record;
  BEGIN
    SELECT seq, id, hazard_id, version INTO bad FROM {schema}.events WHERE id <> hazard_id || '/' || version ORDER BY seq LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'migration 11: the event at seq % has id %, not <hazard_id>/<version> (%/%); nothing migrated / 迁移 11：日志位置 % 的事件编号 % 不是 <hazard_id>/<version>（%/%），未迁移',
        bad.seq, bad.id, bad.hazard_id, bad.version, bad.seq, bad.id, bad.hazard_id, bad.version;
    END IF;
  END
  $mig$;
  ALTER TABLE {schema}.events ADD CONSTRAINT events_id_derived CHECK (id = hazard_id || '/' || version), DROP CONSTRAINT events_id_key;
  `,
  `
  -- 12: the document trail (decision 009): one hash-chained entry per issued document,
  -- appended in recordDocumentHash's transaction (which locks this table, so the chain has
  -- no fork) and signed by checkpoints: a rewrite of a register row's hash and content
  -- together is caught by anjian audit verify. The migration only creates it: documents
  -- issued before have no entry (the audit reports them as issued before documents were
  -- chained; issuing one again with its hash chains it).
  CREATE TABLE {schema}.document_trail (
    seq               bigint  PRIMARY KEY,
    prev_hash         text    NOT NULL,
    hash              text    NOT NULL,
    jurisdiction      text    NOT NULL,
    kind              text    NOT NULL,
    year              integer NOT NULL,
    document_seq      integer NOT NULL,
    hazard_id         text    NOT NULL,
    event_id          text    NOT NULL,
    content_hash      text    NOT NULL,
    verification_code text    NOT NULL,
    content_digest    text    NOT NULL,
    issued_at         text    NOT NULL,
    log_size          bigint  NOT NULL,
    UNIQUE (jurisdiction, kind, year, document_seq)
  );
  `,
  `
  -- 13: voids join the document trail (decision 009): an entry of type 'voided' per voided
  -- number (when, why, by whom), appended in voidDocument's transaction (which locks the
  -- trail as recordDocumentHash does), so that a database edit un-voiding or re-voiding a
  -- document is caught by anjian audit verify; chained_at (when the store wrote an entry)
  -- marks the entries written since. A number has at most one entry of each type. Existing
  -- rows keep their values (their hashes do not cover the new columns, which stay NULL); the
  -- migration invents no entry: voids written before have none (the audit reports them as
  -- voided before voids were chained; voiding one again chains it).
  ALTER TABLE {schema}.document_trail
    ADD COLUMN entry_type text NOT NULL DEFAULT 'issued' CHECK (entry_type IN ('issued', 'voided')),
    ADD COLUMN voided_at text,
    ADD COLUMN void_reason text,
    ADD COLUMN voided_by text,
    ADD COLUMN chained_at text,
    ALTER COLUMN content_hash DROP NOT NULL,
    ALTER COLUMN verification_code DROP NOT NULL,
    ALTER COLUMN content_digest DROP NOT NULL,
    ALTER COLUMN issued_at DROP NOT NULL,
    DROP CONSTRAINT document_trail_jurisdiction_kind_year_document_seq_key,
    ADD CONSTRAINT document_trail_number_type_key UNIQUE (jurisdiction, kind, year, document_seq, entry_type);
  `,
  `
  -- 14: co-sign codes of two-officer acts (decision 010), shared by every instance: a code as
  -- its salted SHA-256 only (never the code), at most one unused code per officer, subject and
  -- act (the partial unique index: issuing again replaces it in one upsert, also when two
  -- instances issue at once), and the attempts to use codes (ms since the epoch), counted per
  -- officer within a window under a transaction-level advisory lock on the officer's key.
  -- Expired codes and attempts outside the window are deleted as new ones come in.
  CREATE TABLE {schema}.co_sign_codes (
    id         text PRIMARY KEY,
    officer_id text NOT NULL,
    subject    text NOT NULL,
    act        text NOT NULL,
    salt       text NOT NULL,
    hash       text NOT NULL,
    issued_at  text COLLATE "C" NOT NULL,          -- toISOString() form: compared as text, byte order
    expires_at text COLLATE "C" NOT NULL,
    used_at    text COLLATE "C"
  );
  CREATE UNIQUE INDEX co_sign_codes_unused ON {schema}.co_sign_codes (officer_id, subject, act) WHERE used_at IS NULL;
  CREATE INDEX co_sign_codes_subject ON {schema}.co_sign_codes (subject, act, expires_at);
  CREATE INDEX co_sign_codes_expiry ON {schema}.co_sign_codes (expires_at);
  CREATE TABLE {schema}.co_sign_attempts (
    seq   bigserial PRIMARY KEY,
    key   text   NOT NULL,
    at_ms bigint NOT NULL
  );
  CREATE INDEX co_sign_attempts_key ON {schema}.co_sign_attempts (key, at_ms);
  CREATE INDEX co_sign_attempts_at ON {schema}.co_sign_attempts (at_ms);
  `,
  `
  -- 15: what a co-sign code binds (decision 010, update): the canonical JSON of the content the
  -- second officer co-signs, and its SHA-256. Codes issued before keep '' in both: they confirm
  -- nothing (core refuses a code without a digest), and they expire within minutes anyway.
  ALTER TABLE {schema}.co_sign_codes
    ADD COLUMN content text NOT NULL DEFAULT '',
    ADD COLUMN content_digest text NOT NULL DEFAULT '';
  `,
  `
  -- 16: one hazard's document trail entries through an index (decision 009, per hazard; threat
  -- T48): GET /hazards/{id}/audit read and re-hashed the whole trail on each call. The index
  -- serves readHazardDocumentTrail (WHERE hazard_id = $1 ORDER BY seq); rows are not touched.
  CREATE INDEX IF NOT EXISTS document_trail_hazard ON {schema}.document_trail (hazard_id, seq);
  `,
  `
  -- 17: provisional hazards (a level awaiting confirmation) through an index of their own: GET
  -- /hazards?provisional=true and an officer's work queue (one query per district and domain)
  -- intersected the domain and status indexes and read the area's hazards to find the few
  -- provisional ones (76 ms a query at 75 000 hazards; 0.03 ms with it). Partial: it holds the
  -- provisional hazards only, so writing a confirmed hazard's list row writes no page of it.
  CREATE INDEX IF NOT EXISTS hazards_provisional ON {schema}.hazards (updated_at, hazard_id) WHERE provisional;
  `,
  `
  -- 18: outbox retention (Store.pruneOutbox). Delivered messages, and dead letters when asked,
  -- are deleted in bounded batches; what the audit needs of each — its ids and the state it was
  -- deleted in, not its payload — stays in outbox_pruned, so verifyAudit tells a message pruned
  -- after delivery from one deleted behind the store's back (a pending one: MISSING_MESSAGE).
  -- outbox_ready holds pending rows only, so without an index of their own the delivered rows to
  -- prune were found by walking the primary key past every row kept. outbox_done holds the
  -- delivered rows in delivery order (an acknowledgement writes one entry; a prune reads the
  -- range it deletes); outbox_dead the few dead letters (readDeadLetters reads it too).
  CREATE TABLE IF NOT EXISTS {schema}.outbox_pruned (
    seq       bigserial PRIMARY KEY,
    id        text NOT NULL,
    hazard_id text NOT NULL,
    event_id  text NOT NULL,
    state     text NOT NULL CHECK (state IN ('delivered', 'dead'))
  );
  CREATE INDEX IF NOT EXISTS outbox_done ON {schema}.outbox (done_at COLLATE "C", seq) WHERE status = 'done';
  CREATE INDEX IF NOT EXISTS outbox_dead ON {schema}.outbox (seq) WHERE status = 'dead';
  `,
]);
