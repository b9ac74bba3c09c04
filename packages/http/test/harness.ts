/**
 * Test harness: the API over a store, the test actors, a fixed clock and the demo-kitchen
 * pack; `call` sends a request as an actor (header `x-actor`, the host's stand-in for a
 * session) and records which route answered which status, for the OpenAPI coverage test.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compilePack, createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, handleCommand, type ActorProfile, type Calendar, type ChainDeps, type Pack, type Store } from '@anjian/core';
import type { EvidenceKind, MemoryEvidenceStore, ReportCommand } from '@anjian/core/internal';
import type { CoSignCodeStore } from '@anjian/core/ports';
import { loadPackFromPath } from '@anjian/core/node';
import { createFixedClock, reportCommand, TEST_ACTORS, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { documentNumbering } from '@anjian/documents';
import { createAnjianApi, ROUTES, type AnjianApi, type AnjianApiOptions, type ApiLogEntry, type DocumentsApiOptions } from '../src/index.js';
import { coSigned } from './co-signed.js';
import { documentValidator } from './openapi-validator.js';

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
export const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });

/** `(METHOD path-template) → statuses seen`, filled by every {@link Harness.call}. */
export const SEEN = new Map<string, Set<number>>();
/** Responses whose body did not match the documented schema (should stay empty). */
export const MISMATCHES: string[] = [];
/** What the APIs of every harness logged (a 5xx shows up here as an `error` record). */
export const LOGS: ApiLogEntry[] = [];

/**
 * Records that a route answered `status`, and checks the body against the document the
 * API serves, strictly (see `openapi-validator.ts`): a body the document does not describe
 * lands in {@link MISMATCHES}. Files are checked for bytes of a documented type.
 */
export function recordSeen(openapi: Record<string, unknown>, method: string, url: string, status: number, body: unknown, basePath: string, mediaType: string): void {
  const path = new URL(url).pathname.slice(basePath.length);
  for (const route of ROUTES) {
    const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (route.method === method.toLowerCase() && pattern.test(path)) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      if (!SEEN.has(key)) SEEN.set(key, new Set());
      SEEN.get(key)!.add(status);
      if (status === route.response.status && route.response.mediaTypes && !(body instanceof Uint8Array)) {
        MISMATCHES.push(`${key} ${status}: expected bytes`);
        return;
      }
      const errors = documentValidator(openapi).check(method, basePath + route.path, status, mediaType.split(';')[0]!.trim(), body instanceof Uint8Array ? '' : body);
      if (errors) MISMATCHES.push(`${key} ${status}: ${JSON.stringify(errors)}`);
      return;
    }
  }
}

/** What a call returns: status, headers and the parsed JSON body (bytes for a file). */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * A third gas officer of D1, besides the shared test actors: a major hazard found by one
 * officer needs two others to accept and close it.
 */
export const OFFICER_3: ActorProfile = {
  id: 'officer3-gas-d1',
  roles: ['enforcement'],
  certificateNo: 'GAS-D1-0003',
  departments: [{ id: 'gas-d1', domains: ['gas', 'confined_space'], areas: ['D1'] }],
};

/** The enterprises of the test actors, as registered: E1 in D1/G1, E2 in D1/G2. */
export const ENTERPRISES = [
  { id: 'E1', name: '老王饭店', area: 'D1/G1' },
  { id: 'E2', name: '小李面馆', area: 'D1/G2' },
];

/** Bytes that pass the magic-number check of each upload type. */
export const FILE_BYTES: Readonly<Record<'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf', Uint8Array>> = {
  'image/jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
  'image/png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  'image/webp': new TextEncoder().encode('RIFF\u0004\u0000\u0000\u0000WEBPVP8 '),
  'application/pdf': new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'),
};

/** An API under test with its store, evidence store and clock. */
export interface Harness {
  api: AnjianApi;
  store: Store;
  evidence: MemoryEvidenceStore;
  clock: ReturnType<typeof createFixedClock>;
  directory: ReturnType<typeof createStaticDirectory>;
  /** The chain's dependencies as the API has them (to seed hazards the trusted way). */
  deps: ChainDeps;
  call(actor: string | null, method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
  /**
   * Reports a hazard the trusted way (a `ReportCommand` straight into `handleCommand`, as
   * `reportInspection` would), so tests choose its id, level and area. Throws if refused.
   */
  seed(hazardId: string, actor?: string, overrides?: Partial<ReportCommand>): Promise<string>;
  /**
   * Uploads `n` files over HTTP (to the hazard, or unbound with `null`) and returns the
   * references `{ id, kind }`; photos as JPEG, documents as PDF.
   */
  upload(actor: string, hazardId: string | null, kind: EvidenceKind, n?: number): Promise<{ id: string; kind: EvidenceKind }[]>;
}

/** How a harness sends a request: in process (`api.fetch`) or through a real server. */
export type Transport = (api: AnjianApi) => (request: Request) => Promise<Response>;

/**
 * Build a harness; `store` defaults to a fresh memory store, `transport` to `api.fetch`;
 * `options.evidence: false` leaves the API without an evidence store; `options.documents`
 * enables the document endpoints (and numbering, also for `seed`); `options.coSignCodes` the
 * API's co-sign code store (default: the API's memory store); `options.calendar` the working-day
 * calendar of the API and of `seed` (default `TEST_CALENDAR_2026`, which covers 2026 and 2027); `options.onError` the API's hook.
 */
export async function createHarness(
  start = '2026-11-02T01:00:00Z',
  store: Store = createMemoryStore(),
  basePath = '/api',
  transport: Transport = (api) => api.fetch,
  options: { evidence?: boolean; documents?: DocumentsApiOptions; coSignCodes?: CoSignCodeStore; calendar?: Calendar; onError?: AnjianApiOptions['onError'] } = {},
): Promise<Harness> {
  const clock = createFixedClock(start);
  const directory = createStaticDirectory([...Object.values(TEST_ACTORS), OFFICER_3], ENTERPRISES);
  const evidence = createMemoryEvidenceStore();
  const pack = await demoKitchen();
  const calendar = options.calendar ?? TEST_CALENDAR_2026;
  const deps: ChainDeps = {
    store,
    directory,
    calendar,
    clock,
    evidence,
    packs: new Map([[pack.id, compilePack(pack)]]),
    ...(options.documents ? { documentNumbers: documentNumbering({ jurisdiction: options.documents.override.override.jurisdiction }) } : {}),
    // As the API reads it: a penalty's reply period runs from the service of its notice.
    ...(options.documents?.service ? { documentService: options.documents.service } : {}),
  };
  const api = createAnjianApi({
    store,
    directory,
    calendar,
    clock,
    packs: [pack],
    ...(options.evidence === false ? {} : { evidence }),
    ...(options.documents ? { documents: options.documents } : {}),
    ...(options.coSignCodes ? { coSignCodes: options.coSignCodes } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    basePath,
    maxBodyBytes: 64 * 1024,
    maxEvidenceBytes: 256 * 1024,
    logger: (entry) => LOGS.push(entry),
    authenticate: async (request) => request.headers.get('x-actor'),
    // The test scheme for the second officer's own credential: his id, like x-actor.
  });
  const send = transport(api);
  const harness: Harness = {
    api,
    store,
    evidence,
    clock,
    directory,
    deps,
    async call(actor, method, path, givenOptions = {}) {
      const headers = new Headers(givenOptions.headers);
      if (actor !== null) headers.set('x-actor', actor);
      // The second officer a test names gives his co-sign code from his own session (co-signed.ts).
      const signed = await coSigned(path, givenOptions.body, headers, (officer, p, body) => harness.call(officer, 'POST', p, { body }));
      path = signed.path;
      const options = { ...givenOptions, body: signed.body };
      const raw = options.body instanceof Uint8Array;
      if (options.body !== undefined && !raw && !headers.has('content-type')) headers.set('content-type', 'application/json');
      const url = `http://test.local${basePath}${path}`;
      const init: RequestInit = { method, headers };
      if (options.body !== undefined) init.body = raw || typeof options.body === 'string' ? (options.body as BodyInit) : JSON.stringify(options.body);
      const response = await send(new Request(url, init));
      const type = response.headers.get('content-type') ?? '';
      let body: unknown;
      if (type.includes('json')) {
        const text = await response.text();
        body = text === '' ? null : JSON.parse(text);
      } else {
        body = new Uint8Array(await response.arrayBuffer());
      }
      recordSeen(api.openapi, method, url, response.status, body, basePath, type);
      return { status: response.status, headers: response.headers, body };
    },
    async seed(hazardId, actor = 'grid-g1', overrides = {}) {
      const result = await handleCommand(deps, reportCommand(hazardId, { pack: { id: 'demo-kitchen', version: '0.1.0' }, ...overrides }), actor);
      if ('rejection' in result) throw new Error(`seed ${hazardId}: ${result.rejection.code} ${result.rejection.message.en}`);
      return hazardId;
    },
    async upload(actor, hazardId, kind, n = 1) {
      const mime = kind === 'document' ? 'application/pdf' : 'image/jpeg';
      const refs: { id: string; kind: EvidenceKind }[] = [];
      for (let i = 0; i < n; i++) {
        // Distinct bytes per file: the chain counts identical files once.
        const bytes = new Uint8Array([...FILE_BYTES[mime], ...new TextEncoder().encode(`${kind}-${i}-${crypto.randomUUID()}`)]);
        const path = hazardId === null ? '/evidence' : `/hazards/${hazardId}/evidence`;
        const r = await harness.call(actor, 'POST', path, { body: bytes, headers: { 'content-type': mime } });
        if (r.status !== 201) throw new Error(`upload ${path}: ${r.status} ${JSON.stringify(r.body)}`);
        refs.push({ id: r.body.id, kind });
      }
      return refs;
    },
  };
  return harness;
}

/** Findings of a natural-gas kitchen without a gas alarm: one general hazard (DEMO-002-H1). */
export function noAlarmInspection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pack: 'demo-kitchen',
    premises: 'restaurant',
    inspectedAt: '2026-11-02T09:00:00+08:00',
    subject: { enterpriseId: 'E1', name: '老王饭店' },
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
