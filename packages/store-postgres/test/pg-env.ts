// Connection to the test PostgreSQL (127.0.0.1:5432, database `test`, trust auth), and a
// fresh schema per test file. An unreachable server fails the suite: it is never skipped.
import pg from 'pg';

export const PG_URL = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function freshSchema(prefix: string): Promise<{ pool: pg.Pool; schema: string; drop: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: PG_URL, max: 24 });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new Error(
      `PostgreSQL is not reachable at ${PG_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      { cause: error },
    );
  }
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    pool,
    schema,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
