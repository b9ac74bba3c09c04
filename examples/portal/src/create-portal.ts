/**
 * The demo portal as a web-standard handler: the anjian HTTP API on the SQLite store under
 * `/api`, demo logins, photo evidence, the browser bundles and the static UI. `server.ts`
 * puts it on a port; tests call {@link Portal.fetch} directly.
 *
 * The demo login is NOT an authentication scheme: any client may claim any demo user.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticDirectory, createWorkingDayCalendar, systemClock, type Clock, type Pack } from '@anjian/core';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';
import { createAnjianApi, HttpProblem, negotiateLanguage, problemResponse } from '@anjian/http';
import { createSqliteStore } from '@anjian/store-sqlite';
import { startDemoNotifications, type DemoNotifications } from './demo-notifications.js';
import { DEMO_ENTERPRISES, DEMO_USERS, HOLIDAYS_2026, SYSTEM_ACTOR_ID } from './demo-users.js';
import { seedDemoData } from './seed.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(portalDir, '../..');
const publicDir = join(portalDir, 'public');

/** The largest photo the demo accepts (bytes). */
export const MAX_EVIDENCE_BYTES = 10_000_000;

/** Options of {@link createPortal}. */
export interface PortalOptions {
  /** Where the SQLite file and the evidence photos live (created if missing). */
  dataDir: string;
  /** Seed the demo data (idempotent: fixed Idempotency-Keys). Default true. */
  seed?: boolean;
  /** How often the early-warning scheduler runs (ms); 0 = once at start only. Default 60 s. */
  tickMs?: number;
  /** The clock of the API and the scheduler. Default: the system clock. */
  clock?: Clock;
}

/** A started portal: its request handler, what it loaded, and how to close it. */
export interface Portal {
  fetch(request: Request): Promise<Response>;
  /** The packs the portal serves. */
  packs: readonly Pack[];
  /** Hazards the seed reported (replayed on later starts: the same number, no new hazards). */
  seeded: number;
  /** Packs that failed to load, with their messages (the portal starts without them). */
  skippedPacks: readonly string[];
  dataDir: string;
  /** The early-warning scheduler and the SMS relay (to the demo gateway). */
  notifications: DemoNotifications;
  /** Stops the scheduler and the relay, then closes the SQLite store. */
  close(): Promise<void>;
}

async function loadPacks(): Promise<{ packs: Pack[]; skipped: string[] }> {
  const dirs = await findPackDirs([join(repoRoot, 'checklists'), join(repoRoot, 'examples/packs/demo-kitchen')]);
  const packs: Pack[] = [];
  const skipped: string[] = [];
  for (const dir of dirs) {
    const result = await loadPackFromPath(dir);
    if (result.ok) packs.push(result.pack);
    else skipped.push(`${dir}: ${result.issues.map((i) => i.message.en ?? i.message['zh-CN']).join('; ')}`);
  }
  return { packs, skipped };
}

/** The demo login: the `X-Demo-User` header, or the `anjian_demo_user` cookie. */
export function demoUserOf(request: Request): string | null {
  const header = request.headers.get('x-demo-user');
  const cookie = /(?:^|;\s*)anjian_demo_user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  let id = header;
  if (id === null && cookie) {
    try {
      id = decodeURIComponent(cookie);
    } catch {
      return null;
    }
  }
  return id && DEMO_USERS.some((u) => u.profile.id === id) ? id : null;
}

/** The part of esbuild's API used here (esbuild comes with the repo's tsup, not as a portal dependency). */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/**
 * Bundles core's isomorphic `checkFindings` and `PERMISSION_TABLE` for the browser (once, at
 * start), so the form validates with the very code and messages of the server and the hazard
 * page offers exactly the actions the chain allows.
 */
async function bundleBrowserCheck(): Promise<string> {
  const req = createRequire(join(repoRoot, 'package.json'));
  const esbuild = createRequire(req.resolve('tsup'))('esbuild') as EsbuildLike;
  const result = await esbuild.build({
    stdin: { contents: "export { checkFindings, PERMISSION_TABLE } from '@anjian/core';", resolveDir: portalDir, loader: 'ts' },
    bundle: true, platform: 'browser', format: 'esm', write: false, conditions: ['@anjian/source'], minify: true, logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** A problem+json answer for the portal's own routes, in the API's format and language. */
function problem(request: Request, status: number, code: string, zh: string, en: string, headers?: HeadersInit): Response {
  const title = { 'zh-CN': zh, en };
  return problemResponse(new HttpProblem(status, code, title, title), negotiateLanguage(request.headers.get('accept-language')), headers);
}

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Opens the store under `dataDir`, loads the packs, seeds the demo data and returns the
 * portal's request handler.
 */
export async function createPortal(options: PortalOptions): Promise<Portal> {
  const dataDir = resolve(options.dataDir);
  const evidenceDir = join(dataDir, 'evidence');
  mkdirSync(evidenceDir, { recursive: true });
  const { packs, skipped } = await loadPacks();
  const store = createSqliteStore({ path: join(dataDir, 'anjian.db') });
  let notifications: DemoNotifications | undefined;
  try {
    const directory = createStaticDirectory([...DEMO_USERS.map((u) => u.profile), { id: SYSTEM_ACTOR_ID, roles: ['system'] }]);
    const calendar = createWorkingDayCalendar(HOLIDAYS_2026);
    const clock = options.clock ?? systemClock;
    const api = createAnjianApi({ store, directory, calendar, clock, packs, basePath: '/api', authenticate: async (req) => demoUserOf(req) });
    const browserCheck = await bundleBrowserCheck();
    const echartsPath = createRequire(join(portalDir, 'package.json')).resolve('echarts/dist/echarts.min.js');
    const seeded = options.seed === false ? 0 : await seedDemoData(api);
    notifications = startDemoNotifications({ store, clock, calendar, directory, dataDir, tickMs: options.tickMs });
    const started = notifications;
    await started.runOnce();
    const users = {
      users: DEMO_USERS.map((u) => ({
        id: u.profile.id, name: u.name, home: u.home, roles: u.profile.roles,
        enterpriseIds: u.profile.enterpriseIds ?? [], gridAreas: u.profile.gridAreas ?? [],
      })),
      enterprises: DEMO_ENTERPRISES,
    };

    const fetch = async (request: Request): Promise<Response> => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/') || url.pathname === '/api') return api.fetch(request);
      const evidence = /^\/evidence\/([0-9a-f]{64})$/.exec(url.pathname);
      if (evidence) return putEvidence(request, evidence[1]!);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return problem(request, 405, 'METHOD_NOT_ALLOWED', '此地址只支持 GET。', 'Only GET is allowed here.', { allow: 'GET, HEAD' });
      }
      if (url.pathname === '/demo/users') return Response.json(users);
      if (url.pathname === '/demo/sms') {
        // The SMS name other enterprises: like GET /api/outbox, only for who reads everything.
        const reader = DEMO_USERS.find((u) => u.profile.id === demoUserOf(request));
        if (!reader) return problem(request, 401, 'UNAUTHENTICATED', '请先登录演示用户。', 'Sign in as a demo user first.');
        if (!reader.profile.roles.includes('department_admin')) return problem(request, 403, 'FORBIDDEN', '短信记录只对部门管理员开放。', 'The SMS log is for department admins only.');
        const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 50) || 50, 1), 500);
        return Response.json({ messages: started.sent(limit) });
      }
      if (url.pathname === '/vendor/echarts.min.js') return new Response(readFileSync(echartsPath), { headers: { 'content-type': TYPES['.js']! } });
      if (url.pathname === '/vendor/anjian-core.js') return new Response(browserCheck, { headers: { 'content-type': TYPES['.js']! } });
      return staticFile(request, url.pathname);
    };

    // Evidence upload: the photo's bytes, stored by their SHA-256 (the chain keeps only the reference).
    const putEvidence = async (request: Request, sha256: string): Promise<Response> => {
      if (request.method !== 'PUT') return problem(request, 405, 'METHOD_NOT_ALLOWED', '上传证据请用 PUT。', 'Upload evidence with PUT.', { allow: 'PUT' });
      if (!demoUserOf(request)) return problem(request, 401, 'UNAUTHENTICATED', '请先登录演示用户。', 'Sign in as a demo user first.');
      const bytes = await readLimited(request, MAX_EVIDENCE_BYTES);
      if (bytes === null) return problem(request, 413, 'EVIDENCE_TOO_LARGE', `照片不能超过 ${MAX_EVIDENCE_BYTES / 1e6} MB。`, `A photo may be at most ${MAX_EVIDENCE_BYTES / 1e6} MB.`);
      if (bytes.length === 0) return problem(request, 422, 'EVIDENCE_EMPTY', '照片内容为空。', 'The photo is empty.');
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        return problem(request, 422, 'EVIDENCE_HASH_MISMATCH', '照片内容与地址中的 SHA-256 不符，请重新上传。', 'The bytes do not match the SHA-256 in the address; upload again.');
      }
      const target = join(evidenceDir, sha256);
      if (!existsSync(target)) {
        // Write then rename: a crash mid-write never leaves a truncated photo under its hash.
        const partial = `${target}.${process.pid}.partial`;
        writeFileSync(partial, bytes);
        renameSync(partial, target);
      }
      return new Response(null, { status: 204 });
    };

    return {
      fetch, packs, seeded, skippedPacks: skipped, dataDir, notifications: started,
      async close() {
        await started.stop();
        store.close();
      },
    };
  } catch (error) {
    await notifications?.stop();
    store.close();
    throw error;
  }
}

function staticFile(request: Request, pathname: string): Response {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return problem(request, 400, 'BAD_PATH', '地址编码有误。', 'The address is not validly encoded.');
  }
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const file = join(publicDir, rel);
  if (!file.startsWith(publicDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return problem(request, 404, 'NOT_FOUND', '没有这个页面。', 'No such page.');
  return new Response(readFileSync(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
}
