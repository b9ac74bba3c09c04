/**
 * The PostgreSQL store's outbox retention statement (`pruneOutbox`), in one place for the
 * store and the test that checks its plan.
 *
 * @module
 */

/**
 * One statement, so one short transaction: the delivered rows before `$1` are picked through
 * `outbox_done` (oldest delivery first) and, when `$2` is not null, the dead letters created
 * before it through `outbox_dead`, at most `$3` in all; they are locked (`SKIP LOCKED`: a row
 * another pruner holds is left to it), deleted only in the state they were picked in (a dead
 * letter re-queued meanwhile stays), and their ids kept in `outbox_pruned` for the audit.
 * Answers one row: `delivered` and `dead`, the counts deleted. `s` is the quoted schema.
 */
export function pruneOutboxStatement(s: string): string {
  return `WITH done AS (
    SELECT seq, done_at COLLATE "C" AS at FROM ${s}.outbox
    WHERE status = 'done' AND done_at COLLATE "C" < $1
    ORDER BY done_at COLLATE "C", seq LIMIT $3 FOR UPDATE SKIP LOCKED
  ), dead AS (
    SELECT seq FROM ${s}.outbox
    WHERE $2::text IS NOT NULL AND status = 'dead' AND created_at COLLATE "C" < $2
    ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED
  ), picked AS (
    SELECT seq FROM (SELECT seq, 0 AS k, at FROM done UNION ALL SELECT seq, 1, '' FROM dead) x ORDER BY k, at, seq LIMIT $3
  ), gone AS (
    DELETE FROM ${s}.outbox o USING picked p WHERE o.seq = p.seq AND o.status IN ('done', 'dead')
    RETURNING o.seq, o.id, o.hazard_id, o.event_id, o.status, o.done_at
  ), kept AS (
    INSERT INTO ${s}.outbox_pruned (id, hazard_id, event_id, state)
    SELECT id, hazard_id, event_id, CASE status WHEN 'done' THEN 'delivered' ELSE 'dead' END
    FROM gone ORDER BY status = 'dead', done_at COLLATE "C", seq
    RETURNING state
  )
  SELECT count(*) FILTER (WHERE state = 'delivered') AS delivered, count(*) FILTER (WHERE state = 'dead') AS dead FROM kept`;
}
