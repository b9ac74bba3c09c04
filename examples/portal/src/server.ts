/**
 * The anjian demo portal on a port: `node scripts/run-ts.mjs examples/portal/src/server.ts`
 * (what `pnpm demo` starts). Prints the URL, the data folder and the demo logins.
 *
 * Environment: PORT (default 3000), HOST (default: all interfaces), ANJIAN_DATA_DIR
 * (default examples/portal/.data), PORTAL_TICK_MS (early-warning scheduler period, default
 * 60000; 0 = once at start), PORTAL_STOP_ON_STDIN_END=1 (stop when stdin closes; used
 * by tests that start the portal as a child process).
 * The demo login is NOT an authentication scheme: any client may claim any demo user.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toNodeHandler } from '@anjian/http';
import { createPortal } from './create-portal.js';
import { DEMO_USERS } from './demo-users.js';

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
  const host = process.env.HOST || undefined;
  const dataDir = process.env.ANJIAN_DATA_DIR ?? join(portalDir, '.data');

  const rawTick = process.env.PORTAL_TICK_MS ?? '60000';
  if (!/^\d+$/.test(rawTick)) fail(`PORTAL_TICK_MS=${rawTick} 应为毫秒数（0 表示只在启动时运行）。`, `PORTAL_TICK_MS=${rawTick} must be milliseconds (0 = only at start).`);
  const portal = await createPortal({ dataDir, tickMs: Number(rawTick) }).catch((error: unknown) =>
    fail(`无法打开数据目录 ${dataDir}：${String(error)}`, `Cannot open the data folder ${dataDir}: ${String(error)}`),
  );
  for (const line of portal.skippedPacks) console.warn(`! pack not loaded / 检查表包未加载: ${line}`);

  const server = createServer(toNodeHandler(portal));
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
    console.log(`\n安检演示门户 / anjian demo portal: http://localhost:${actual}/`);
    console.log(`数据 / data: ${portal.dataDir} (${portal.packs.length} packs; ${portal.seeded} demo hazards seeded — 删除该目录即可重来 / delete the folder to start over)`);
    console.log('演示登录（仅演示，不是认证）/ demo logins (a demo login, not authentication — pick one on the login page):');
    for (const u of DEMO_USERS) console.log(`  ${u.profile.id.padEnd(width)}${u.profile.roles.join(',').padEnd(18)}${u.name['zh-CN']} / ${u.name.en}`);
    console.log(`短信 / SMS: ${join(portal.dataDir, 'sms.jsonl')} (演示网关，不真正发送 / demo gateway, nothing is sent)`);
    console.log(`API: http://localhost:${actual}/api/openapi.json · Ctrl-C 停止 / to stop\n`);
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
