/**
 * Test harness: the API over a store, the test actors, a fixed clock and the demo-kitchen
 * pack; `call` sends a request as an actor (header `x-actor`, the host's stand-in for a
 * session) and records which route answered which status, for the OpenAPI coverage test.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createMemoryStore, createStaticDirectory, type Pack, type Store } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, TEST_ACTORS, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi, ROUTES, type AnjianApi, type ApiLogEntry } from '../src/index.js';
import { PROBLEM } from '../src/schemas.js';

const DEMO_KITCHEN = fileURLToPath(new URL('../../../examples/packs/demo-kitchen', import.meta.url));

let cached: Pack | undefined;
/** The demo-kitchen example pack, loaded from disk once. */
export async function demoKitchen(): Promise<Pack> {
  if (cached) return cached;
  const result = await loadPackFromPath(DEMO_KITCHEN);
  if (!result.ok) throw new Error(`demo-kitchen failed to load: ${JSON.stringify(result.issues)}`);
  return (cached = result.pack);
}

// ajv is a dependency of @anjian/core, not of this package: resolve it from there.
const Ajv2020 = createRequire(new URL('../../core/package.json', import.meta.url))('ajv/dist/2020').default as new (options: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};
/** An Ajv (JSON Schema 2020-12, the OpenAPI 3.1 dialect) for the contract checks. */
export const ajv = new Ajv2020({ strict: true, allErrors: true });

/** `(METHOD path-template) → statuses seen`, filled by every {@link Harness.call}. */
export const SEEN = new Map<string, Set<number>>();
/** Responses whose body did not match the documented schema (should stay empty). */
export const MISMATCHES: string[] = [];
/** What the APIs of every harness logged (a 5xx shows up here as an `error` record). */
export const LOGS: ApiLogEntry[] = [];

const validators = new Map<object, (data: unknown) => boolean>();
function validate(schema: object, body: unknown): unknown {
  let check = validators.get(schema);
  if (!check) validators.set(schema, (check = ajv.compile(schema)));
  return check(body) ? null : (check as { errors?: unknown }).errors;
}

function recordSeen(method: string, url: string, status: number, body: unknown, basePath: string): void {
  const path = new URL(url).pathname.slice(basePath.length);
  for (const route of ROUTES) {
    const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (route.method === method.toLowerCase() && pattern.test(path)) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      if (!SEEN.has(key)) SEEN.set(key, new Set());
      SEEN.get(key)!.add(status);
      const schema = status === route.response.status ? route.response.schema : PROBLEM;
      const errors = validate(schema, body);
      if (errors) MISMATCHES.push(`${key} ${status}: ${JSON.stringify(errors)}`);
      return;
    }
  }
}

/** What a call returns: status, headers and the parsed JSON body. */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** An API under test with its store and clock. */
export interface Harness {
  api: AnjianApi;
  store: Store;
  clock: ReturnType<typeof createFixedClock>;
  directory: ReturnType<typeof createStaticDirectory>;
  call(actor: string | null, method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
}

/** How a harness sends a request: in process (`api.fetch`) or through a real server. */
export type Transport = (api: AnjianApi) => (request: Request) => Promise<Response>;

/** Build a harness; `store` defaults to a fresh memory store, `transport` to `api.fetch`. */
export async function createHarness(
  start = '2026-11-02T01:00:00Z',
  store: Store = createMemoryStore(),
  basePath = '/api',
  transport: Transport = (api) => api.fetch,
): Promise<Harness> {
  const clock = createFixedClock(start);
  const directory = createStaticDirectory(Object.values(TEST_ACTORS));
  const api = createAnjianApi({
    store,
    directory,
    calendar: TEST_CALENDAR_2026,
    clock,
    packs: [await demoKitchen()],
    basePath,
    maxBodyBytes: 64 * 1024,
    logger: (entry) => LOGS.push(entry),
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  const send = transport(api);
  return {
    api,
    store,
    clock,
    directory,
    async call(actor, method, path, options = {}) {
      const headers = new Headers(options.headers);
      if (actor !== null) headers.set('x-actor', actor);
      if (options.body !== undefined) headers.set('content-type', 'application/json');
      const url = `http://test.local${basePath}${path}`;
      const init: RequestInit = { method, headers };
      if (options.body !== undefined) init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      const response = await send(new Request(url, init));
      const text = await response.text();
      const body = text === '' ? null : JSON.parse(text);
      recordSeen(method, url, response.status, body, basePath);
      return { status: response.status, headers: response.headers, body };
    },
  };
}

/** Findings of a natural-gas kitchen without a gas alarm: one general hazard (DEMO-002-H1). */
export function noAlarmInspection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pack: 'demo-kitchen',
    premises: 'restaurant',
    inspectedAt: '2026-11-02T09:00:00+08:00',
    source: 'self_check',
    subject: { enterpriseId: 'E1', area: 'D1/G1', name: '老王饭店' },
    findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 1.5 },
    ...overrides,
  };
}

/** Findings of LPG used below ground with a broken-free setup: one major hazard (DEMO-001-H1). */
export function basementLpgInspection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return noAlarmInspection({
    findings: { gas_type: 'lpg', below_ground: true, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 1 },
    ...overrides,
  });
}
