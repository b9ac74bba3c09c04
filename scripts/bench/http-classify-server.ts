// The server half of `scripts/bench/http-classify.ts`, started by it as a child process so
// that the load generator does not share this event loop. One node:http server, three kinds
// of route:
//   GET  /healthz          answered by node:http itself (no Request/Response, no router):
//                          the floor of HTTP on this machine
//   GET  /adapter/healthz  toNodeHandler around a fetch that returns "ok": the cost of the
//                          web-standard adapter (URL, Headers, Request, Response) alone
//   POST /jre/inspections  json-rules-engine 7.3.1 on the same packs' rules (exported by
//                          toJsonRulesEngineRules), behind the same toNodeHandler adapter
//   everything else        toNodeHandler(createAnjianApi(...)) — GET /packs, POST /inspections
// Prints one JSON line `{"port","pid","packs"}` on stdout once listening; exits when its
// stdin closes (the parent ended, however it ended) or on SIGTERM/SIGINT.
//
//   node scripts/run-ts.mjs scripts/bench/http-classify-server.ts [--packs dir,dir…]
import { readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Engine } from 'json-rules-engine';
import { createMemoryStore, createStaticDirectory, type Pack } from '@anjian/core';
import { toJsonRulesEngineRules, type JsonRulesEngineExport } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
// @anjian/http is not a dependency of the workspace root: import its sources directly.
import { createAnjianApi, toNodeHandler } from '../../packages/http/src/index.js';
import { createReferenceEngine, firedByReference } from './json-rules-engine-reference.mjs';

const defaultPacks = [
  ...readdirSync('checklists', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join('checklists', d.name, 'pack.yaml')))
    .map((d) => join('checklists', d.name)),
  'examples/packs/demo-kitchen',
];
const { values } = parseArgs({ options: { packs: { type: 'string', default: defaultPacks.join(',') } } });

async function loadPacks(dirs: string[]): Promise<Pack[]> {
  const packs: Pack[] = [];
  for (const dir of dirs) {
    const loaded = await loadPackFromPath(dir);
    if (!loaded.ok) {
      const errors = loaded.issues.filter((i) => i.severity === 'error').slice(0, 5);
      throw new Error(`cannot load ${dir}: ${errors.map((i) => i.message.en).join('; ')}`);
    }
    packs.push(loaded.pack);
  }
  return packs;
}

async function main(): Promise<void> {
  const packs = await loadPacks(values.packs.split(','));

  // Classification only: POST /inspections without ?report=true never touches the store, so
  // the memory store is enough. authenticate is a constant (no session to look up).
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory([{ id: 'bench', roles: ['enterprise'], enterpriseIds: ['E1'] }]),
    calendar: TEST_CALENDAR_2026,
    packs,
    authenticate: async () => 'bench',
  });
  const anjian = toNodeHandler(api);

  // json-rules-engine: one export per pack. An Engine keeps one run status and skips rules
  // while it is not RUNNING, so a run that finishes can cut short another one in flight on
  // the same Engine: concurrent requests each borrow an idle Engine (the pool grows to the
  // concurrency).
  const reference = new Map<string, { exported: JsonRulesEngineExport; idle: Engine[] }>(packs.map((p) => [p.id, { exported: toJsonRulesEngineRules(p), idle: [] }]));
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  const jre = toNodeHandler({
    async fetch(request: Request) {
      const body = (await request.json()) as { pack?: string; premises?: string; inspectedAt?: string; findings?: Record<string, unknown> };
      const ref = reference.get(String(body.pack ?? '').split('@')[0] ?? '');
      if (!ref || typeof body.findings !== 'object' || body.findings === null) return json(422, { error: `no pack ${JSON.stringify(body.pack)} or no findings` });
      const engine = ref.idle.pop() ?? createReferenceEngine(ref.exported);
      try {
        const record = { premises: body.premises, inspectedAt: body.inspectedAt, findings: body.findings };
        const { fired, events } = await firedByReference(engine, ref.exported, record);
        return json(200, { hazards: events.map((e) => e.params), fired: [...fired] });
      } finally {
        ref.idle.push(engine);
      }
    },
  });

  const adapterOnly = toNodeHandler({ fetch: async () => new Response('ok', { headers: { 'content-type': 'text/plain' } }) });

  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else if (req.url === '/adapter/healthz') {
      void adapterOnly(req, res);
    } else if (req.url === '/jre/inspections' && req.method === 'POST') {
      void jre(req, res);
    } else {
      void anjian(req, res);
    }
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(JSON.stringify({ port, pid: process.pid, packs: packs.map((p) => `${p.id}@${p.version}`) }));
  });

  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.stdin.on('end', stop).on('error', stop).resume();
  process.on('SIGTERM', stop).on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
