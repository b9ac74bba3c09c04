/**
 * The anjian demo portal: the HTTP API on the SQLite store, demo logins, seeded data and
 * a web UI (plain HTML + ES modules) — run with `node scripts/run-ts.mjs examples/portal/src/server.ts`.
 *
 * Environment: PORT (default 3000), ANJIAN_DATA_DIR (default examples/portal/.data),
 * PORTAL_STOP_ON_STDIN_END=1 (stop when stdin closes; used by the e2e test).
 * The demo login is NOT an authentication scheme: any client may claim any demo user.
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticDirectory, createWorkingDayCalendar, type Pack } from '@anjian/core';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';
import { createAnjianApi, toNodeHandler } from '@anjian/http';
import { createSqliteStore } from '@anjian/store-sqlite';
import { DEMO_ENTERPRISES, DEMO_USERS, HOLIDAYS_2026 } from './demo-users.js';
import { seedDemoData } from './seed.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(portalDir, '../..');
const publicDir = join(portalDir, 'public');
const dataDir = resolve(process.env.ANJIAN_DATA_DIR ?? join(portalDir, '.data'));
const port = Number(process.env.PORT ?? 3000);

async function loadPacks(): Promise<Pack[]> {
  const dirs = await findPackDirs([join(repoRoot, 'checklists'), join(repoRoot, 'examples/packs/demo-kitchen')]);
  const packs: Pack[] = [];
  for (const dir of dirs) {
    const result = await loadPackFromPath(dir);
    if (result.ok) packs.push(result.pack);
    else console.warn(`pack ${dir} not loaded: ${result.issues.map((i) => i.message.en ?? i.message['zh-CN']).join('; ')}`);
  }
  return packs;
}

/** The demo login: the `X-Demo-User` header, or the `anjian_demo_user` cookie. */
function demoUserOf(request: Request): string | null {
  const header = request.headers.get('x-demo-user');
  const cookie = /(?:^|;\s*)anjian_demo_user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const id = header ?? (cookie ? decodeURIComponent(cookie) : null);
  return id && DEMO_USERS.some((u) => u.profile.id === id) ? id : null;
}

/** The part of esbuild's API used here (esbuild comes with the repo's tsup, not as a portal dependency). */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/**
 * Bundles core's isomorphic `checkFindings` for the browser (once, at start), so the form
 * validates with the very code and messages of the server.
 */
async function bundleBrowserCheck(): Promise<string> {
  const req = createRequire(join(repoRoot, 'package.json'));
  const esbuild = createRequire(req.resolve('tsup'))('esbuild') as EsbuildLike;
  const result = await esbuild.build({
    stdin: { contents: "export { checkFindings } from '@anjian/core';", resolveDir: portalDir, loader: 'ts' },
    bundle: true, platform: 'browser', format: 'esm', write: false, conditions: ['source'], minify: true, logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

async function main(): Promise<void> {
  mkdirSync(join(dataDir, 'evidence'), { recursive: true });
  const packs = await loadPacks();
  const store = createSqliteStore({ path: join(dataDir, 'anjian.db') });
  const directory = createStaticDirectory(DEMO_USERS.map((u) => u.profile));
  const calendar = createWorkingDayCalendar(HOLIDAYS_2026);
  const api = createAnjianApi({ store, directory, calendar, packs, basePath: '/api', authenticate: async (req) => demoUserOf(req) });
  const browserCheck = await bundleBrowserCheck();
  const echartsPath = createRequire(join(portalDir, 'package.json')).resolve('echarts/dist/echarts.min.js');
  const seeded = await seedDemoData(api);

  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/') || url.pathname === '/api') return api.fetch(request);
    if (url.pathname === '/demo/users') {
      return Response.json({ users: DEMO_USERS.map((u) => ({ id: u.profile.id, name: u.name, home: u.home, roles: u.profile.roles, enterpriseIds: u.profile.enterpriseIds ?? [], gridAreas: u.profile.gridAreas ?? [] })), enterprises: DEMO_ENTERPRISES });
    }
    if (url.pathname === '/vendor/echarts.min.js') return new Response(readFileSync(echartsPath), { headers: { 'content-type': TYPES['.js']! } });
    if (url.pathname === '/vendor/check-findings.js') return new Response(browserCheck, { headers: { 'content-type': TYPES['.js']! } });
    // Evidence upload: the photo's bytes, stored by their SHA-256 (the chain keeps only the reference).
    const evidence = /^\/evidence\/([0-9a-f]{64})$/.exec(url.pathname);
    if (evidence && request.method === 'PUT') {
      if (!demoUserOf(request)) return new Response('not signed in', { status: 401 });
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.length > 10_000_000) return new Response('too large', { status: 413 });
      const { createHash } = await import('node:crypto');
      if (createHash('sha256').update(bytes).digest('hex') !== evidence[1]) return new Response('sha256 mismatch', { status: 422 });
      writeFileSync(join(dataDir, 'evidence', evidence[1]!), bytes);
      return new Response(null, { status: 204 });
    }
    const rel = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^([/\\])+/, '');
    const file = join(publicDir, rel);
    if (!file.startsWith(publicDir) || !existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
  };

  const server = createServer(toNodeHandler({ fetch }));
  server.listen(port, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`anjian demo portal: http://localhost:${actual}/`);
    console.log(`data: ${dataDir} (${packs.length} packs; seed reported ${seeded} hazards, replayed on later starts)`);
    console.log('demo logins (a demo login, not authentication — pick one on the login page):');
    for (const u of DEMO_USERS) console.log(`  ${u.profile.id.padEnd(16)} ${u.name['zh-CN']} / ${u.name.en}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // scripts/run-ts.mjs runs this in a child process: a parent that wants a clean stop (the
  // e2e test) closes our stdin instead of killing the runner, so the runner can clean up.
  if (process.env.PORTAL_STOP_ON_STDIN_END === '1') process.stdin.on('end', stop).resume();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
