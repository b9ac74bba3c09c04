/**
 * The demo portal as a web-standard handler: the anjian HTTP API on the SQLite store under
 * `/api` (evidence uploads included), sign-in with passwords and server-side sessions, the browser bundles
 * and the static UI, every answer with the portal's security headers (CSP). `server.ts` puts
 * it on a port; tests call {@link Portal.fetch} directly.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticDirectory, systemClock, type Clock, type Pack } from '@anjian/core';
import { readScopes, roundCoverageForReport, roundUnits, type EnterpriseRecord } from '@anjian/core/internal';
import { createFileEvidenceStore, loadPackFromPackage } from '@anjian/core/node';
import type { RentalSeed } from '@anjian/core/ports';
import { createAnjianApi, type AnjianApi, type AnjianApiOptions, type AuditApiOptions } from '@anjian/http';
import { createSqliteCoSignCodeStore, createSqliteInspectionLog, createSqliteReportReadModel, createSqliteStore } from '@anjian/store-sqlite';
import { bundleBrowserCore } from './bundle-browser-core.js';
import { bundlePortalUi } from './bundle-portal-ui.js';
import { startDemoNotifications, type DemoNotifications } from './demo-notifications.js';
import { crossSiteRequest } from './cross-site-request.js';
import { createDemoCheckpoints, type DemoCheckpoints } from './demo-checkpoints.js';
import { DEMO_DEVICE_PRINCIPALS } from './demo-devices.js';
import { startDemoMonitoring, type DemoMonitoring } from './demo-monitoring.js';
import { startDemoPermits, type DemoPermits } from './demo-permits.js';
import { DEMO_PREMISES_NAMES, startDemoRelations, type DemoRelations } from './demo-relations.js';
import { createEnterprisePlaces } from './enterprise-places.js';
import { DEMO_ENTERPRISE_DETAILS, DEMO_ENTERPRISES, DEMO_HAZCHEM_ENTERPRISE, DEMO_USERS, HOLIDAYS_2026, SYSTEM_ACTOR_ID } from './demo-users.js';
import { createDemoDocuments } from './demo-documents.js';
import { createIndexPage } from './index-page.js';
import { createInspectionRecords } from './inspection-records.js';
import { createPortalAuth, type PortalAuth } from './portal-auth.js';
import { chainProblemResponse, portalProblem } from './portal-problem.js';
import { portalReader } from './portal-reader.js';
import { reportWorkbook } from './report-xlsx.js';
import { demoCity } from './demo-city.js';
import { withPortalSecurityHeaders } from './portal-security-headers.js';
import { SeedStepError, seedDemoData } from './seed.js';
import { CONTENT_TYPES, serveStatic } from './serve-static.js';
import { assetResponse, IMMUTABLE, REVALIDATE, staticAsset, type StaticAsset } from './static-asset.js';
import { createWorklist } from './worklist.js';

export { DEMO_PASSWORD, SECURE_SESSION_COOKIE, SESSION_COOKIE } from './portal-auth.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));

/** Options of {@link createPortal}. */
export interface PortalOptions {
  /** Where the SQLite file and the evidence uploads (`uploads/`) live (created if missing). */
  dataDir: string;
  /** Seed the demo data (idempotent: fixed Idempotency-Keys). Default true. */
  seed?: boolean;
  /** How often the early-warning scheduler runs (ms); 0 = once at start only. Default 60 s. */
  tickMs?: number;
  /** The clock of the API, the scheduler and the sessions. Default: the system clock. */
  clock?: Clock;
  /** The demo users' password. Default `anjian-demo` ({@link DEMO_PASSWORD}). */
  password?: string;
  /**
   * Also accept the self-asserted `X-Demo-User: <id>` header as the signed-in user. For unit
   * tests only: `server.ts` never sets it, so the running portal knows only session cookies.
   */
  trustIdentityHeader?: boolean;
  /** Mark the session cookie `Secure` even on http URLs (behind a TLS-terminating proxy). */
  secureCookie?: boolean;
  /** MQTT broker of the devices (`mqtt://127.0.0.1:1883`): the sensor ingester runs only when set. */
  mqttUrl?: string;
  /** The ingester's persistent-session client id. Default `anjian-portal`. */
  mqttClientId?: string;
  /**
   * Also load a generated city of this many enterprises (districts C1 … C8, a year up to now) for
   * the reports page; once per data folder. Default 0: the demo's own enterprises only.
   */
  cityEnterprises?: number;
  /** More premises and tenancies of the demo's enterprises (checked by core's `checkRentalSeed` like the demo's own). */
  morePremises?: RentalSeed;
  /**
   * More registered enterprises beside the demo's (a host's own register; tests): they join the directory and
   * the rounds' register as the demo's do — their `phone` is where their texts go, as for the demo's.
   */
  moreEnterprises?: readonly EnterpriseRecord[];
  /**
   * Only the years whose holiday notice is loaded (2026, ANJIAN_HOLIDAYS_FILE's), as a real host runs: a working-day
   * period into another year is a 503 CALENDAR_NOT_COVERED. Default false: the demo counts the later years up to next
   * year Mon–Fri, by its own declared choice (`Portal.holidays`, printed at start; README). `server.ts`: ANJIAN_HOLIDAYS_STRICT=1.
   */
  strictCalendar?: boolean;
}

/** What the host knows about a request that the web `Request` does not carry. */
export interface RequestInfo {
  /** The client's address (sign-in rate limit). Default `local`. */
  clientAddress?: string;
}

/** A started portal: its request handler, what it loaded, and how to close it. */
export interface Portal {
  /** Answers one request; never throws (an unexpected error is logged and answered 500). */
  fetch(request: Request, info?: RequestInfo): Promise<Response>;
  /** Sign-in, sessions and who sends a request. */
  auth: PortalAuth;
  /** The packs the portal serves. */
  packs: readonly Pack[];
  /** Hazards the seed reported (replayed on later starts: the same number, no new hazards). */
  seeded: number;
  /** The years of the working-day calendar: with the official arrangement loaded, and assumed Mon–Fri by the demo (src/demo-holidays.ts). */
  holidays: { loaded: readonly number[]; assumed: readonly number[] };
  /** Packs that failed to load, with their messages (the portal starts without them). */
  skippedPacks: readonly string[];
  dataDir: string;
  /** The early-warning scheduler and the SMS relay (to the demo gateway). */
  notifications: DemoNotifications;
  /** Ed25519 checkpoints of the audit trail, signed on a schedule. */
  checkpoints: DemoCheckpoints;
  /** Monitoring and early warning: the device registry, its scheduler round and (with `mqttUrl`) the ingester. */
  monitoring: DemoMonitoring;
  /** Hazardous-work permits: the permit store, the demo's permit roles and core's permit tick (`runOnce`). */
  permits: DemoPermits;
  /** Stops the scheduler and the relay, then closes the SQLite store. */
  close(): Promise<void>;
}

/**
 * The checklist packs the portal serves, by package name: each is a dependency in the portal's
 * package.json and is resolved from its node_modules, as in any project that installs them.
 */
const PORTAL_PACKS: readonly string[] = [
  '@anjian/pack-chemicals',
  '@anjian/pack-confined-space',
  '@anjian/pack-dust-explosion',
  '@anjian/pack-fire',
  '@anjian/pack-gas',
  '@anjian/pack-hazardous-work',
  '@anjian/pack-sensors',
  '@anjian/pack-demo-kitchen',
];

async function loadPacks(): Promise<{ packs: Pack[]; skipped: string[] }> {
  const packs: Pack[] = [];
  const skipped: string[] = [];
  for (const name of PORTAL_PACKS) {
    const result = await loadPackFromPackage(name, { from: import.meta.url });
    if (result.ok) packs.push(result.pack);
    else skipped.push(`${name}: ${result.issues.map((i) => i.message.en ?? i.message['zh-CN']).join('; ')}`);
  }
  return { packs, skipped };
}

/**
 * Opens the store under `dataDir`, loads the packs, seeds the demo data and returns the
 * portal's request handler.
 */
export async function createPortal(options: PortalOptions): Promise<Portal> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // Photos and documents: the API's evidence endpoints store them here; commands carry only ids.
  const evidence = await createFileEvidenceStore(join(dataDir, 'uploads'));
  const { packs, skipped } = await loadPacks();
  const store = createSqliteStore({ path: join(dataDir, 'anjian.db') });
  // Submitted inspections, kept beside the store in the same file (own table; core's InspectionLog port).
  const inspections = createSqliteInspectionLog({ path: join(dataDir, 'anjian.db') });
  // Periodic reports: a projection of the log and the inspections, in the same file (own tables).
  const reports = createSqliteReportReadModel({ path: join(dataDir, 'anjian.db') });
  // Co-sign codes and the attempts to use them, in the same file: a code survives a restart and holds across processes.
  const coSignCodes = createSqliteCoSignCodeStore({ path: join(dataDir, 'anjian.db') });
  let notifications: DemoNotifications | undefined;
  let checkpoints: DemoCheckpoints | undefined;
  let monitoring: DemoMonitoring | undefined;
  let permits: DemoPermits | undefined;
  let relations: DemoRelations | undefined;
  try {
    const clock = options.clock ?? systemClock;
    // A generated city (ANJIAN_DEMO_CITY): its register joins the directories now, its year is written after the seed.
    const city = (options.cityEnterprises ?? 0) > 0 ? demoCity(dataDir, options.cityEnterprises as number, clock.now().toISOString()) : null;
    // The register: every enterprise the API's directory holds — the directory lists and resolves it (GET /enterprises
    // pushes its filter down to listEnterprises), the API's relations read it as directory.register, and so do the
    // rounds' members, the landlord views and the daily warnings. Names, addresses and legal
    // representatives are what enforcement documents print; the regime (which standard a permit is held to) is the
    // directory's; the city's enterprises state none (no permits). The phone is where the enterprise's texts go.
    const register: readonly EnterpriseRecord[] = [
      ...[...DEMO_ENTERPRISES, DEMO_HAZCHEM_ENTERPRISE].map((e) => ({ id: e.id, name: e.name['zh-CN'], area: e.area, regime: e.regime, ...DEMO_ENTERPRISE_DETAILS[e.id] })),
      ...(city?.enterprises ?? []),
      ...(options.moreEnterprises ?? []),
    ];
    // The registry the server derives a report's area from: the client names only the enterprise.
    const directory = createStaticDirectory(
      [...DEMO_USERS.map((u) => ({ ...u.profile, ...(u.person ? { name: u.person['zh-CN'] } : {}) })), { id: SYSTEM_ACTOR_ID, roles: ['system'] }, ...DEMO_DEVICE_PRINCIPALS],
      register,
    );
    // 2026 from the notice, a further year's from ANJIAN_HOLIDAYS_FILE; later years up to next year Mon–Fri by the demo's declared choice, unless strictCalendar (README)
    const holidays = (await import('./demo-holidays.js')).demoCalendar({ now: clock.now(), base: HOLIDAYS_2026, file: process.env.ANJIAN_HOLIDAYS_FILE, strict: options.strictCalendar === true });
    const calendar = holidays.calendar;
    const auth = await createPortalAuth({
      users: DEMO_USERS,
      password: options.password,
      now: () => clock.now().getTime(),
      trustIdentityHeader: options.trustIdentityHeader,
      secureCookie: options.secureCookie,
    });
    // The audit routes check checkpoint signatures with the demo's key (GET /api/audit/verify, /api/hazards/{id}/audit).
    checkpoints = createDemoCheckpoints({ store, clock, dataDir });
    const signing = checkpoints;
    // Hazardous-work permits (issue 19): own tables in the same file, permit roles from the demo's directory.
    permits = startDemoPermits({ dataDir, clock, tickMs: options.tickMs ?? 60_000 });
    const permitPart = permits;
    // Rental premises and rounds (issue 17): the API's directory adds a landlord's tenancies to its profile.
    const demoRelations = (relations = await startDemoRelations({
      dataDir,
      directory,
      clock,
      packDomain: (id) => packs.find((p) => p.id === id)?.domain ?? null,
      enterprises: register,
      ...(city || options.morePremises
        ? {
            more: {
              premises: [...(city?.rental.premises ?? []), ...(options.morePremises?.premises ?? [])],
              tenancies: [...(city?.rental.tenancies ?? []), ...(options.morePremises?.tenancies ?? [])],
            },
          }
        : {}),
    }));
    // The places an inspection of an enterprise can take place at, for the forms (GET /places).
    const places = createEnterprisePlaces({ rental: demoRelations.rental, directory: demoRelations.directory, names: DEMO_PREMISES_NAMES });
    // Round coverage (issue 17) for the bulletins, the worklists and the daily warnings: one source, read by core.
    const roundSource = async () => ({ rounds: demoRelations.rounds, inspections, units: await roundUnits(register, demoRelations.rental) });
    const apiOptions: AnjianApiOptions & { audit: AuditApiOptions } = {
      store,
      directory: demoRelations.directory,
      relations: { rental: demoRelations.rental, rounds: demoRelations.rounds, roundSeedKey: demoRelations.roundSeedKey, enterprises: directory.register },
      calendar,
      clock,
      packs,
      evidence,
      inspections,
      basePath: '/api',
      authenticate: async (req) => auth.actorOf(req),
      // The second officer of a two-officer act confirms from his own session with a co-sign code
      // (POST /api/hazards/{id}/co-sign-codes); his password is never typed on another's page.
      coSignCodes,
      audit: { verifier: signing.verifier },
      // Enforcement documents (执法文书): numbered with the command, rendered from the record.
      documents: createDemoDocuments(dataDir),
      reports: {
        model: reports,
        xlsx: (sheets) => reportWorkbook(sheets, clock.now()),
        // Rounds' coverage in the bulletin (issue 17): who was done, due or missed in the period's rounds.
        coverage: async (period, area, domain) => roundCoverageForReport(await roundSource(), period, area, domain, clock.now()),
      },
      permits: { store: permitPart.store, permitRoles: permitPart.permitRoles },
    };
    const api = createAnjianApi(apiOptions);
    // Lists people work from: read through the API with the user's cookie, rows from core (dueDate, authorize).
    const inspectionRecords = createInspectionRecords({ log: inspections, directory: demoRelations.directory, packTitles: new Map(packs.map((p) => [p.id, p.title])) });
    // The API's directory, as every read of the portal: the user is the profile the API reads for them.
    // Enterprise names are the directory's; the demo's made-up enterprises also have English ones for the English pages.
    const englishNames = new Map([...DEMO_ENTERPRISES, DEMO_HAZCHEM_ENTERPRISE].map((e) => [e.id, e.name.en]));
    const worklist = createWorklist({ api, store, directory: demoRelations.directory, calendar, clock, englishNames, rounds: roundSource });
    const browserCore = await bundleBrowserCore();
    const ui = await bundlePortalUi(browserCore);
    // Vendor code: the big files under names carrying their hash (cached for a year), reached
    // through small stable-named modules (revalidated); ECharts only on the dashboard.
    const echarts = staticAsset(readFileSync(createRequire(join(portalDir, 'package.json')).resolve('echarts/dist/echarts.esm.min.mjs')), CONTENT_TYPES['.js']!);
    const vendor = new Map<string, { asset: StaticAsset; cache: string }>([
      [`/vendor/echarts.${echarts.hash}.js`, { asset: echarts, cache: IMMUTABLE }],
      ['/vendor/echarts.js', { asset: staticAsset(`export * from './echarts.${echarts.hash}.js';\n`, CONTENT_TYPES['.js']!), cache: REVALIDATE }],
      ['/vendor/anjian-core.js', { asset: staticAsset(browserCore, CONTENT_TYPES['.js']!), cache: REVALIDATE }],
      // the bundled UI (src/bundle-portal-ui.ts): every name carries its hash
      ...[...ui.assets].map(([path, asset]) => [path, { asset, cache: IMMUTABLE }] as const),
    ]);
    const seeded = options.seed === false ? 0 : await seedAs(api, auth, clock.now()).catch((error: unknown) => seedFailed(error, dataDir));
    city?.load();
    // Devices: registry beside the store, core's tick and daily warning on the portal's timer, MQTT only when configured.
    monitoring = await startDemoMonitoring({
      path: join(dataDir, 'anjian.db'),
      store,
      // The API's directory: its monitoring answer decides reads as the API does (core's read policy, a landlord's tenancies known).
      directory: demoRelations.directory,
      calendar,
      clock,
      packs,
      evidence,
      tickMs: options.tickMs ?? 60_000,
      rounds: roundSource,
      mqttUrl: options.mqttUrl,
      mqttClientId: options.mqttClientId,
    });
    const devices = monitoring;
    await devices.runOnce();
    // Expiries and missed readings first, so their texts go out with the first relay pass.
    await permitPart.runOnce();
    notifications = startDemoNotifications({ store, clock, calendar, directory, dataDir, tickMs: options.tickMs, deviceOutbox: devices.registry, permitOutbox: permitPart.store, evidence });
    const started = notifications;
    await started.runOnce();
    await signing.tick(); // the seed is covered by a signed checkpoint from the start
    if ((options.tickMs ?? 60_000) > 0) signing.start(options.tickMs ?? 60_000);
    const users = {
      users: DEMO_USERS.map((u) => ({
        id: u.profile.id,
        name: u.name,
        person: u.person ?? u.name,
        home: u.home,
        roles: u.profile.roles,
        enterpriseIds: u.profile.enterpriseIds ?? [],
        gridAreas: u.profile.gridAreas ?? [],
        departments: u.profile.departments ?? [],
      })),
      // The demo enterprises' names in both languages, for the English pages: the directory registers one name (中文).
      // Nothing else of them — area, regime, who may read them are the API's directory's (GET /api/enterprises).
      enterprises: [...DEMO_ENTERPRISES, DEMO_HAZCHEM_ENTERPRISE].map((e) => ({ id: e.id, name: e.name })),
      // The calendar's years: the department admin's dashboard says which are assumed Mon–Fri (no official arrangement loaded).
      holidays: { loaded: holidays.loaded, assumed: holidays.assumed },
    };

    const route = async (request: Request, info: RequestInfo): Promise<Response> => {
      const url = new URL(request.url);
      const crossSite = crossSiteRequest(request);
      if (crossSite) return portalProblem(request, 403, 'CROSS_SITE_REQUEST', `拒绝跨站请求（${crossSite}）。`, `Cross-site request refused (${crossSite}).`);
      if (url.pathname.startsWith('/api/') || url.pathname === '/api') return api.fetch(request);
      const onlyPost = () => portalProblem(request, 405, 'METHOD_NOT_ALLOWED', '此地址只支持 POST。', 'Only POST is allowed here.', { allow: 'POST' });
      if (url.pathname === '/login') return request.method === 'POST' ? auth.login(request, info.clientAddress ?? 'local') : onlyPost();
      if (url.pathname === '/logout') return request.method === 'POST' ? auth.logout(request) : onlyPost();
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return portalProblem(request, 405, 'METHOD_NOT_ALLOWED', '此地址只支持 GET。', 'Only GET is allowed here.', { allow: 'GET, HEAD' });
      }
      if (url.pathname === '/session') return auth.current(request);
      if (url.pathname === '/demo/users') return Response.json(users);
      if (url.pathname === '/worklist' || url.pathname === '/worklist.xlsx') return worklist.handle(request, auth.actorOf(request));
      if (url.pathname === '/inspections' || url.pathname.startsWith('/inspections/')) return inspectionRecords.handle(request, auth.actorOf(request));
      if (url.pathname === '/places') return places.handle(request, auth.actorOf(request));
      if (url.pathname === '/monitoring') return devices.handle(request, auth.actorOf(request));
      if (url.pathname === '/demo/sms') {
        // The SMS name other enterprises: like GET /api/outbox, only for who reads everything (core's read policy).
        const reader = await portalReader(request, auth.actorOf(request), demoRelations.directory);
        if (!reader.ok) return reader.response;
        if (readScopes(reader.actor) !== 'all') return portalProblem(request, 403, 'FORBIDDEN', '短信记录只对部门管理员开放。', 'The SMS log is for department admins only.');
        const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 50) || 50, 1), 500);
        return Response.json({ messages: started.sent(limit) });
      }
      // The page itself, with the bundled UI and what the user's home page starts with (src/index-page.ts).
      if (url.pathname === '/' || url.pathname === '/index.html') return indexPage(request);
      const served = vendor.get(url.pathname);
      if (served) return assetResponse(request, served.asset, served.cache);
      return serveStatic(request, url.pathname);
    };

    const indexPage = createIndexPage({
      ui,
      // Answered as the browser's own request is (a ChainError the API's problem): one failing list does not fail the page.
      route: (request) => fetch(request),
      userOf: (request) => DEMO_USERS.find((u) => u.profile.id === auth.actorOf(request)),
      demo: users,
    });

    const fetch = async (request: Request, info: RequestInfo = {}): Promise<Response> => {
      let response: Response;
      try {
        response = await route(request, info);
      } catch (error) {
        // No 500 goes unseen: the cause is logged here, the client gets a problem without it. A ChainError is the API's
        // problem for it (CALENDAR_NOT_COVERED: 503 naming the year, logged too — the host must load it).
        console.error(`portal: ${request.method} ${new URL(request.url).pathname} failed:`, error);
        response = chainProblemResponse(request, error) ?? portalProblem(request, 500, 'INTERNAL', '服务器内部错误。', 'Internal server error.');
      }
      return withPortalSecurityHeaders(response);
    };

    return {
      fetch,
      auth,
      packs,
      seeded,
      holidays: { loaded: holidays.loaded, assumed: holidays.assumed },
      skippedPacks: skipped,
      dataDir,
      notifications: started,
      checkpoints: signing,
      monitoring: devices,
      permits: permitPart,
      async close() {
        signing.stop();
        await started.stop();
        await devices.stop();
        inspections.close();
        reports.close();
        coSignCodes.close();
        relations?.close();
        permitPart.close();
        store.close();
      },
    };
  } catch (error) {
    checkpoints?.stop();
    await notifications?.stop();
    await monitoring?.stop();
    relations?.close();
    permits?.close();
    inspections.close();
    reports.close();
    coSignCodes.close();
    store.close();
    throw error;
  }
}

/**
 * A refused seed step as what happened and what to do, in both languages, naming the data
 * folder: the folder's demo data differs from this build's (a folder written by an older build
 * holds the same Idempotency-Keys for other content), and starting over means deleting it.
 */
function seedFailed(error: unknown, dataDir: string): never {
  if (!(error instanceof SeedStepError)) throw error;
  const seen = `${error.step}: HTTP ${error.status}${error.code ? ` ${error.code}` : ''}`;
  // A working-day period into a year the calendar does not cover (strictCalendar): the data folder is fine, the notice is missing.
  if (error.code === 'CALENDAR_NOT_COVERED') {
    throw new Error(
      `演示数据写入失败（${seen}）：工作日日历未覆盖期限所及的年份。请用 ANJIAN_HOLIDAYS_FILE 载入该年的国务院办公厅节假日安排，或去掉 ANJIAN_HOLIDAYS_STRICT=1（演示按周一至周五计算该年，见 README）。\n` +
        `Seeding the demo data failed (${seen}): the working-day calendar does not cover the year a deadline reaches. Load that year's State Council holiday notice with ANJIAN_HOLIDAYS_FILE, or drop ANJIAN_HOLIDAYS_STRICT=1 (the demo then counts that year Mon–Fri; README).` +
        (error.detail ? `\n${error.detail}` : ''),
      { cause: error },
    );
  }
  const reused = error.code === 'IDEMPOTENCY_KEY_REUSED';
  throw new Error(
    `演示数据写入失败（${seen}）：数据目录 ${dataDir} 中的演示数据${reused ? '由另一版本写入，同一步骤的内容不同' : '与本版本不一致'}。请删除该目录（或用 ANJIAN_DATA_DIR 指定新目录）后重新启动。\n` +
      `Seeding the demo data failed (${seen}): the data folder ${dataDir} holds demo data ${reused ? 'written by another build, with other content for the same step' : 'that does not fit this build'}. Delete the folder (or point ANJIAN_DATA_DIR at a new one) and start again.` +
      (error.detail ? `\n${error.detail}` : ''),
    { cause: error },
  );
}

/** Runs the seed as the demo users, each with a session minted in process and ended afterwards. */
async function seedAs(api: AnjianApi, auth: PortalAuth, now: Date): Promise<number> {
  const minted = new Map<string, { cookie: string; end(): void }>();
  try {
    return await seedDemoData(
      api,
      (userId) => {
        let m = minted.get(userId);
        if (!m) minted.set(userId, (m = auth.mint(userId)));
        return m.cookie;
      },
      now,
    );
  } finally {
    for (const m of minted.values()) m.end();
  }
}
