/**
 * The anjian demo portal on a port: `node scripts/run-ts.mjs examples/portal/src/server.ts`
 * (what `pnpm demo` starts). Prints the URL, the data folder and the demo logins.
 *
 * Environment: PORT (default 3000), HOST (default 127.0.0.1: only this machine; set
 * HOST=0.0.0.0 to serve the network), ANJIAN_DEMO_PASSWORD (the demo users' password,
 * default anjian-demo), ANJIAN_SECURE_COOKIE=1 (behind a TLS proxy), ANJIAN_DATA_DIR
 * (default examples/portal/.data), PORTAL_TICK_MS (early-warning scheduler period, default
 * 60000; 0 = once at start), PORTAL_STOP_ON_STDIN_END=1 (stop when stdin closes; used
 * by tests that start the portal as a child process), ANJIAN_MQTT_URL (the devices' MQTT broker,
 * e.g. mqtt://127.0.0.1:1883: the sensor ingester runs only when set; ANJIAN_MQTT_CLIENT_ID
 * names its persistent session, default anjian-portal), ANJIAN_DEMO_CITY (load a generated city of that
 * many enterprises, districts C1 … C8, for the reports page, its premises and tenancies in the
 * rental directory for the landlord views; default 0), ANJIAN_DEMO_PREMISES (a JSON file of more premises
 * and tenancies of the demo enterprises, a `RentalSeed`: their places in the forms), PORTAL_HEADERS_TIMEOUT_MS, PORTAL_REQUEST_TIMEOUT_MS,
 * PORTAL_IDLE_TIMEOUT_MS (how long a client may take: 10 s for the headers, 120 s for the whole
 * request, 30 s of silence; see portal-server.ts), PORTAL_ALLOWED_HOSTS (domain names the portal
 * answers to besides addresses and localhost, comma-separated; `*` for any — DNS rebinding),
 * PORTAL_TRUSTED_PROXIES (IP addresses of reverse proxies whose X-Forwarded-For names the client),
 * ANJIAN_HOLIDAYS_FILE (a JSON file of a further year's State Council holiday notice, src/demo-holidays.ts),
 * ANJIAN_HOLIDAYS_STRICT=1 (count only the loaded years: no Mon–Fri assumption for the later ones; README).
 * The server accepts only session cookies: the `X-Demo-User` header of the unit tests is
 * never trusted here.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RentalSeed } from '@anjian/core/ports';
import { toNodeHandler } from '@anjian/http';
import { createPortal, DEMO_PASSWORD } from './create-portal.js';
import { demoCalendarNotice } from './demo-holidays.js';
import { DEMO_USERS } from './demo-users.js';
import { allowedHostNames, clientAddressOf, createPortalServer, portalServerLimits, trustedProxies } from './portal-server.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));

/** Exits with a message for people, not a stack trace. */
function fail(zh: string, en: string): never {
  console.error(`✗ ${zh}\n  ${en}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const rawPort = process.env.PORT ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) fail(`PORT=${rawPort} 不是有效端口（0–65535）。`, `PORT=${rawPort} is not a valid port (0–65535).`);
  const host = process.env.HOST || '127.0.0.1';
  const password = process.env.ANJIAN_DEMO_PASSWORD || DEMO_PASSWORD;
  const dataDir = process.env.ANJIAN_DATA_DIR ?? join(portalDir, '.data');

  const rawCity = process.env.ANJIAN_DEMO_CITY ?? '0';
  if (!/^\d+$/.test(rawCity) || Number(rawCity) > 100_000) fail(`ANJIAN_DEMO_CITY=${rawCity} 应为企业数（0–100000）。`, `ANJIAN_DEMO_CITY=${rawCity} must be a number of enterprises (0–100000).`);
  const premisesFile = process.env.ANJIAN_DEMO_PREMISES || undefined;
  let morePremises: RentalSeed | undefined;
  try {
    morePremises = premisesFile ? (JSON.parse(readFileSync(premisesFile, 'utf8')) as RentalSeed) : undefined;
  } catch (error) {
    fail(
      `ANJIAN_DEMO_PREMISES=${premisesFile} 应为场所与租赁关系的 JSON 文件：${String(error)}`,
      `ANJIAN_DEMO_PREMISES=${premisesFile} must be a JSON file of premises and tenancies: ${String(error)}`,
    );
  }
  const rawTick = process.env.PORTAL_TICK_MS ?? '60000';
  if (!/^\d+$/.test(rawTick)) fail(`PORTAL_TICK_MS=${rawTick} 应为毫秒数（0 表示只在启动时运行）。`, `PORTAL_TICK_MS=${rawTick} must be milliseconds (0 = only at start).`);
  const limits = portalServerLimits(process.env, fail);
  const proxies = trustedProxies(process.env, fail);
  const portal = await createPortal({
    dataDir,
    tickMs: Number(rawTick),
    password,
    secureCookie: process.env.ANJIAN_SECURE_COOKIE === '1',
    mqttUrl: process.env.ANJIAN_MQTT_URL || undefined,
    mqttClientId: process.env.ANJIAN_MQTT_CLIENT_ID || undefined,
    cityEnterprises: Number(rawCity),
    strictCalendar: process.env.ANJIAN_HOLIDAYS_STRICT === '1',
    ...(morePremises ? { morePremises } : {}),
  }).catch((error: unknown) => fail(`无法启动门户（数据目录 ${dataDir}）：${String(error)}`, `Cannot start the portal (data folder ${dataDir}): ${String(error)}`));
  for (const line of portal.skippedPacks) console.warn(`! pack not loaded / 检查表包未加载: ${line}`);

  const server = createPortalServer(
    (req: IncomingMessage, res: ServerResponse) => {
      // Methods a web Request cannot carry (TRACE, TRACK, CONNECT) are answered here, not as a 500.
      if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(req.method ?? '')) {
        res.writeHead(405, { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', 'content-type': 'application/problem+json; charset=utf-8', 'x-content-type-options': 'nosniff' });
        res.end(JSON.stringify({ type: 'about:blank', status: 405, code: 'METHOD_NOT_ALLOWED', title: 'Method not allowed / 不支持的请求方法' }));
        return;
      }
      // Behind a trusted reverse proxy, the client it names (the sign-in limits count per client address).
      const clientAddress = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], proxies);
      void toNodeHandler({ fetch: (request: Request) => portal.fetch(request, { clientAddress }) })(req, res);
    },
    limits,
    allowedHostNames(process.env),
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    void portal.close();
    if (error.code === 'EADDRINUSE') {
      fail(`端口 ${port} 已被占用（门户是否已在运行？）。换个端口：PORT=3001 pnpm demo`, `Port ${port} is in use (is the portal already running?). Use another: PORT=3001 pnpm demo`);
    }
    if (error.code === 'EACCES') fail(`没有权限监听端口 ${port}。换个端口：PORT=3001 pnpm demo`, `No permission to listen on port ${port}. Use another: PORT=3001 pnpm demo`);
    fail(`无法启动服务：${error.message}`, `Cannot start the server: ${error.message}`);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const width = Math.max(...DEMO_USERS.map((u) => u.profile.id.length)) + 2;
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    const base = `http://${shown}:${actual}`;
    console.log(`\n安检演示门户 / anjian demo portal: ${base}/${host === '127.0.0.1' ? '（仅本机 / this machine only; HOST=0.0.0.0 to serve the network）' : ` (HOST=${host})`}`);
    console.log(`数据 / data: ${portal.dataDir} (${portal.packs.length} packs; ${portal.seeded} demo hazards seeded — 删除该目录即可重来 / delete the folder to start over)`);
    console.log(`演示登录 / demo logins — 密码 / password: ${password}${password === DEMO_PASSWORD ? '（所有演示用户相同，仅供演示 / the same for every demo user, a demo only）' : ''}`);
    for (const u of DEMO_USERS) console.log(`  ${u.profile.id.padEnd(width)}${u.profile.roles.join(',').padEnd(18)}${u.name['zh-CN']} / ${u.name.en}`);
    for (const line of demoCalendarNotice(portal.holidays)) console.log(line);
    console.log(`短信 / SMS: ${join(portal.dataDir, 'sms.jsonl')} (演示网关，不真正发送 / demo gateway, nothing is sent)`);
    console.log(`API: ${base}/api/openapi.json · Ctrl-C 停止 / to stop\n`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      void portal.close().then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A parent that wants a clean stop (a test) closes our stdin instead of killing the runner.
  if (process.env.PORTAL_STOP_ON_STDIN_END === '1') process.stdin.on('end', stop).resume();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
