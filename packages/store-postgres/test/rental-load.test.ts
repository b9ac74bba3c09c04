import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRentalDirectory } from '@anjian/core/internal';
import { generateCity } from '@anjian/core/testing';
import { createPostgresRentalDirectory } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_rental_load');
});
afterAll(async () => {
  await env?.drop();
});

describe('PostgreSQL rental directory: load', () => {
  it('writes a seed of several statements’ worth (1 000 rows each) as the in-memory directory holds it, in a handful of statements', async () => {
    const { rental } = generateCity({ seed: 'rental-load', enterprises: 5000 });
    expect(rental.premises.length).toBeGreaterThan(2000);
    expect(rental.tenancies.length).toBeGreaterThan(1000);
    let statements = 0;
    const counting = new Proxy(env.pool, {
      get(target, prop) {
        if (prop !== 'connect') return Reflect.get(target, prop, target) as unknown;
        // Only the promise form (load's transaction); the pool's own callback form passes through.
        return async (...args: unknown[]) => {
          if (args.length > 0) return (target.connect as (...a: unknown[]) => unknown)(...args);
          const client = await target.connect();
          const query = client.query.bind(client) as (...a: unknown[]) => unknown;
          (client as { query: unknown }).query = (...args: unknown[]) => {
            statements++;
            return query(...args);
          };
          return client;
        };
      },
    });
    const directory = createPostgresRentalDirectory({ pool: counting, schema: env.schema });
    await directory.migrate();
    await directory.load(rental);
    // BEGIN, the taken-id check, 1 per 1 000 premises, 2 per 1 000 tenancies, COMMIT.
    expect(statements).toBe(3 + Math.ceil(rental.premises.length / 1000) + 2 * Math.ceil(rental.tenancies.length / 1000));
    const memory = createMemoryRentalDirectory(rental);
    expect(await directory.tenancies({ includeEnded: true })).toEqual(await memory.tenancies({ includeEnded: true }));
    for (const p of [rental.premises[0]!, rental.premises[999]!, rental.premises[1000]!, rental.premises.at(-1)!]) {
      expect(await directory.premises(p.id)).toEqual(await memory.premises(p.id));
      expect(await directory.premisesOf(p.enterpriseId)).toEqual(await memory.premisesOf(p.enterpriseId));
    }
    expect(Number((await env.pool.query(`SELECT count(*) AS n FROM "${env.schema}".rental_premises`)).rows[0].n)).toBe(rental.premises.length);
  });
});
