import { describe, expect, it } from 'vitest';
import { createMemoryInspectionLog, createMemoryPermitStore, createMemoryRentalDirectory, createMemoryReportReadModel, createMemoryRoundStore } from '@anjian/core/internal';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi } from '../src/index.js';
import { UNKNOWN_ACTOR_DETAIL } from '../src/reader-of.js';
import { OPTIONAL_ROUTES, ROUTES } from '../src/route-table.js';
import { createHarness, demoKitchen, ENTERPRISES, recordSeen } from './harness.js';

/**
 * Reads fail closed: an authenticated actor the directory does not know is refused 403
 * UNKNOWN_ACTOR by every read route — generated from the route tables (`ROUTES` and every
 * option's `OPTIONAL_ROUTES`), so a new route is swept too — in both languages, documented on
 * each route, and its bodies recorded for the contract's coverage (called once, from contract.test.ts).
 */
export function defineUnknownActorTests(): void {
  describe('an actor the directory does not know', () => {
    it('is refused 403 UNKNOWN_ACTOR by every read route of the route table, in both languages, before anything is looked up — not answered an empty page', async () => {
      const h = await createHarness();
      const hazardId = await h.seed('H-UA');
      // Every option that adds routes is configured, so every route of the tables is served.
      const api = createAnjianApi({
        store: h.store,
        directory: h.directory,
        calendar: TEST_CALENDAR_2026,
        clock: h.clock,
        packs: [await demoKitchen()],
        evidence: h.evidence,
        inspections: createMemoryInspectionLog(),
        permits: { store: createMemoryPermitStore(), permitRoles: async () => [] },
        reports: { model: createMemoryReportReadModel({ store: h.store, inspections: () => [] }) },
        relations: { rental: createMemoryRentalDirectory({ premises: [], tenancies: [] }), rounds: createMemoryRoundStore(), enterprises: () => ENTERPRISES },
        basePath: '/api',
        logger: false,
        authenticate: async (request) => request.headers.get('x-actor'),
      });
      const reads = [...ROUTES, ...Object.values(OPTIONAL_ROUTES).flat()].filter((route) => route.method === 'get' && route.auth === 'required');
      const served = Object.entries(api.openapi.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
      expect(reads.map((route) => `get /api${route.path}`).filter((r) => !served.includes(r))).toEqual([]);
      expect(reads.length).toBeGreaterThanOrEqual(19);
      const get = async (actor: string, path: string, lang: 'zh-CN' | 'en') => {
        const url = `http://test.local/api${path}`;
        const res = await api.fetch(new Request(url, { headers: { 'x-actor': actor, 'accept-language': lang } }));
        const type = res.headers.get('content-type') ?? '';
        const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
        recordSeen(api.openapi, 'GET', url, res.status, body, '/api', type);
        return { status: res.status, body };
      };
      // The sweep discriminates: a known actor reads the seeded hazard and a page of hazards.
      expect((await get('grid-g1', `/hazards/${hazardId}`, 'en')).status).toBe(200);
      expect((await get('grid-g1', '/hazards', 'en')).body.items.length).toBe(1);
      const wrong: string[] = [];
      for (const route of reads) {
        // Real values where a route checks them first (a role, a report kind, the seeded hazard), so only the actor decides.
        const path = route.path
          .replace('{id}', route.path.startsWith('/hazards/') ? hazardId : 'x')
          .replace('{role}', 'grid')
          .replace('{kind}', 'monthly')
          .replace('{enterpriseId}', 'E1')
          .replace(/\{\w+\}/g, 'x');
        for (const lang of ['zh-CN', 'en'] as const) {
          const r = await get('ghost', path, lang);
          if (r.status !== 403 || r.body.code !== 'UNKNOWN_ACTOR' || r.body.detail !== UNKNOWN_ACTOR_DETAIL[lang])
            wrong.push(`GET ${route.path} (${lang}): ${r.status} ${r.body.code} ${r.body.detail}`);
        }
        // Documented on the route: 403 among its errors, UNKNOWN_ACTOR among its 403 codes.
        if (!route.errors.includes(403) || !(route.problemCodes?.[403] ?? []).includes('UNKNOWN_ACTOR')) wrong.push(`GET ${route.path}: 403 UNKNOWN_ACTOR not documented`);
      }
      expect(wrong).toEqual([]);
      // A profile without roles is known: an outsider, answered as one (an empty page), not UNKNOWN_ACTOR.
      expect((await get('nobody', '/hazards', 'en')).body).toEqual({ items: [], next: null });
    });
  });
}
