// Issue #11 item 7, over HTTP against the real server process: someone with the database
// edits it while the server runs. The next command obeys the log, not an edited
// projection; GET /api/audit/verify (department admins only) names what was touched; no
// tamper turns into a 5xx. (The audit's own tamper tests, on SQLite and PostgreSQL, are
// in packages/core/src/audit and packages/cli.)
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackServer, startAttackServer } from './attack-harness.js';
import { Attacker, basementLpg, Figures, noAlarm } from './attack-flows.js';

let server: AttackServer;
let a: Attacker;
const figures = new Figures();
const tampers: string[] = [];

beforeAll(async () => {
  server = await startAttackServer();
  a = new Attacker(server, figures);
});
afterAll(async () => {
  console.log(`${figures.table('Issue #11 item 7: tampering with the database under a running server')}\ntampers detected by GET /api/audit/verify:\n${tampers.join('\n')}`);
  await server?.stop();
});

/** A writable connection to the server's file, as someone with the database has. */
function tamper<T>(edit: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'anjian.db'), { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  try {
    return edit(db);
  } finally {
    db.close();
  }
}

async function audit(actor = 'admin-gas') {
  return figures.record('7 GET /api/audit/verify', await server.call(actor, 'GET', '/api/audit/verify'));
}

describe('item 7: the audit trail under tampering', () => {
  let major = '';
  let general = '';

  it('an untouched trail verifies; only department admins may run the audit', async () => {
    major = await a.reported('officer-gas-d1', basementLpg());
    general = await a.rectifyingGeneral();
    const ok = await audit();
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.ok, ok.text).toBe(true);
    for (const actor of ['owner-e1', 'grid-g1', 'officer-gas-d1']) expect((await audit(actor)).status).toBe(403);
  });

  it('the projection edited major → simple: the next command obeys the log, the audit names the row', async () => {
    tamper((db) => db.prepare("UPDATE hazards SET level = 'simple' WHERE hazard_id = ?").run(major));
    // A notice is for simple and general hazards only: on this (major) hazard it stays refused.
    const notice = await a.command('7 commands after the tamper', 'grid-g1', major, { type: 'issue_notice' });
    expect(notice.status, notice.text).toBe(422);
    const alone = await a.command('7 commands after the tamper', 'officer-gas-d1', major, { type: 'reclassify', level: 'simple', reason: { 'zh-CN': '已改正' } });
    expect(alone.status, alone.text).toBe(403);
    const read = await server.call('officer-gas-d1', 'GET', `/api/hazards/${major}`);
    expect(read.body.state.level).toBe('major');
    const result = await audit();
    const found = (result.body.problems as { kind: string; code: string; position: { hazardId?: string } }[]).filter((p) => p.kind === 'projection');
    tampers.push(`  projection row major → simple: ok=${result.body.ok}, ${found.map((p) => `${p.kind}/${p.code} at ${JSON.stringify(p.position)}`).join('; ')}`);
    expect(result.body.ok).toBe(false);
    expect(
      found.some((p) => p.position.hazardId === major),
      result.text,
    ).toBe(true);
    tamper((db) => db.prepare("UPDATE hazards SET level = 'major' WHERE hazard_id = ?").run(major));
    expect((await audit()).body.ok).toBe(true);
  });

  it('the newest event of a hazard deleted: commands on it are refused (TRAIL_MISMATCH, logged), not a 409 forever; the audit names the cut', async () => {
    const last = tamper((db) => {
      const row = db.prepare('SELECT seq, version FROM events WHERE hazard_id = ? ORDER BY version DESC LIMIT 1').get(general) as { seq: number; version: number };
      db.prepare('DELETE FROM outbox WHERE event_id = ?').run(`${general}/${row.version}`);
      db.prepare('DELETE FROM events WHERE seq = ?').run(row.seq);
      return row;
    });
    // The store refuses to append on a trail that no longer matches its list row (it
    // writes nothing); the API answers 500 with only a request id and logs the cause.
    for (const body of [{ type: 'request_extension', extension: { workingDays: 3 }, reason: { 'zh-CN': '需要时间' } }, { type: 'issue_notice' }]) {
      const reply = await a.command('7 commands after the tamper', body.type === 'issue_notice' ? 'grid-g1' : 'owner-e1', general, body);
      expect(reply.status, reply.text).not.toBe(409);
      if (reply.status >= 500) {
        expect(reply.body.code).toBe('INTERNAL');
        const logged = server.logs.find((l) => l.requestId === reply.body.instance?.replace('urn:uuid:', ''));
        expect((logged as { error?: { code?: string } } | undefined)?.error?.code, JSON.stringify(logged)).toBe('TRAIL_MISMATCH');
      }
    }
    const result = await audit();
    const problems = result.body.problems as { kind: string; code: string; position: { hazardId?: string; seq?: number } }[];
    tampers.push(`  newest event of a hazard deleted (seq ${last.seq}): ok=${result.body.ok}, ${problems.map((p) => `${p.kind}/${p.code} at ${JSON.stringify(p.position)}`).join('; ')}`);
    expect(result.body.ok).toBe(false);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('an enterprise report in the middle of the log deleted whole: the audit names it', async () => {
    const victim = await a.reported('owner-e1', noAlarm());
    await a.reported('owner-e1', noAlarm()); // a later event, so the deleted one is not the tail
    tamper((db) => {
      db.prepare('DELETE FROM outbox WHERE hazard_id = ?').run(victim);
      db.prepare('DELETE FROM events WHERE hazard_id = ?').run(victim);
      db.prepare('DELETE FROM hazards WHERE hazard_id = ?').run(victim);
      db.prepare('DELETE FROM commands WHERE hazard_id = ?').run(victim);
    });
    const result = await audit();
    const problems = result.body.problems as { kind: string; code: string; position: unknown }[];
    tampers.push(`  a whole hazard deleted from the middle of the log: ok=${result.body.ok}, ${problems.map((p) => `${p.kind}/${p.code} at ${JSON.stringify(p.position)}`).join('; ')}`);
    expect(result.body.ok).toBe(false);
  });

  it('no 5xx and no error logged but the refused appends on a cut trail', () => {
    const errors = server.logs.filter((l) => l.level === 'error');
    const unexplained = errors.filter((l) => (l as { error?: { code?: string } }).error?.code !== 'TRAIL_MISMATCH');
    tampers.push(`  5xx answers: ${figures.fiveXX}, all TRAIL_MISMATCH refusals logged with their request id: ${errors.length === figures.fiveXX && unexplained.length === 0}`);
    expect(unexplained).toEqual([]);
    expect(errors.length).toBe(figures.fiveXX);
  });
});
