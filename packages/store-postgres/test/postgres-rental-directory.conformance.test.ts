import { runRentalDirectoryConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresRentalDirectory } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file: the suite's ids are unique per call, and a batch refused by
// `load` must leave the tables as they were.
let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_rental');
  await createPostgresRentalDirectory({ pool: env.pool, schema: env.schema }).migrate();
});
afterAll(async () => {
  await env?.drop();
});

runRentalDirectoryConformance({
  name: 'postgres',
  create: async (seed) => {
    const d = createPostgresRentalDirectory({ pool: env.pool, schema: env.schema });
    await d.load(seed);
    return d;
  },
  describe,
  it,
  expect,
});

describe('postgres rental directory', () => {
  it('a refused batch writes nothing; a premises id already stored is refused', async () => {
    const d = createPostgresRentalDirectory({ pool: env.pool, schema: env.schema });
    const p = { id: 'dup-P1', enterpriseId: 'L1', address: '1 号', area: 'D1', kinds: [], nineSmall: false, labourIntensive: false, groupRental: true };
    await d.load({ premises: [p], tenancies: [] });
    await expect(d.load({ premises: [{ ...p, id: 'dup-P2' }, p], tenancies: [] })).rejects.toThrow('premises dup-P1 is already registered');
    expect(await d.premises('dup-P2')).toBeNull();
  });
});
