import { runDeviceRegistryConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDeviceRegistry, type PostgresDeviceRegistry } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// The real server at 127.0.0.1:5432; each test gets a schema of its own (the suite needs an empty registry).
let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_dev');
});
afterAll(async () => {
  await env?.drop();
});

runDeviceRegistryConformance({
  name: 'postgres',
  createRegistry: async () => {
    const registry = createPostgresDeviceRegistry({ pool: env.pool, schema: `${env.schema}_${++n}` });
    await registry.migrate();
    return registry;
  },
  destroyRegistry: async (registry) => {
    await env.pool.query(`DROP SCHEMA "${(registry as PostgresDeviceRegistry).schema}" CASCADE`);
  },
  describe,
  it,
  expect,
});
