/**
 * The README's first command ends in `pnpm demo` (= build, then `node scripts/demo.mjs`):
 * it must start the portal, print the URL and the demo logins, serve the UI, stop cleanly on
 * Ctrl-C, and explain a busy port instead of crashing. Uses the built CLI (`pnpm test` builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../examples/portal/src/demo-users.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'anjian-demo-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(port, () => resolve(s));
    s.on('error', reject);
  });
}

/** Starts `node scripts/demo.mjs`; resolves with the output once `until` matches it, or when it exits. */
function startDemo(port: number, until: RegExp): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['scripts/demo.mjs'], { cwd: root, env: { ...process.env, PORT: String(port), ANJIAN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (until.test(out)) resolve({ child, output: () => out, exited });
    };
    child.stdout!.on('data', (c: Buffer) => ((out += c.toString()), check()));
    child.stderr!.on('data', (c: Buffer) => ((out += c.toString()), check()));
    child.on('error', reject);
    void exited.then(() => resolve({ child, output: () => out, exited }));
  });
}

describe('pnpm demo', () => {
  it('starts the portal, prints the URL, data folder and every demo login, and stops cleanly on Ctrl-C', async () => {
    const probe = await listen();
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));

    const { child, output, exited } = await startDemo(port, /Ctrl-C/);
    const out = output();
    expect(out).toContain('checklist packs valid');
    // The demo binds the loopback address only (no HOST given) and says so.
    expect(out).toContain(`http://127.0.0.1:${port}/`);
    expect(out).toContain(dataDir);
    expect(out).toContain('anjian-demo');
    for (const user of DEMO_USERS) expect(out).toContain(user.profile.id);

    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<main id="app">');
    // A self-asserted identity header is not a login: the API answers 401.
    const claimed = await fetch(`http://127.0.0.1:${port}/api/stats`, { headers: { 'x-demo-user': 'admin-chen' } });
    expect(claimed.status).toBe(401);
    // Signing in with the printed password gives a session cookie that the API accepts.
    const login = await fetch(`http://127.0.0.1:${port}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ user: 'admin-chen', password: 'anjian-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/=/);
    const stats = await fetch(`http://127.0.0.1:${port}/api/stats`, { headers: { cookie } });
    expect(((await stats.json()) as { total: number }).total).toBeGreaterThan(0);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);

  it('explains a busy port in both languages and exits 1 (no stack trace)', async () => {
    const busy = await listen();
    try {
      const port = (busy.address() as { port: number }).port;
      const { output, exited } = await startDemo(port, /$^/);
      expect(await exited).toBe(1);
      expect(output()).toContain(`端口 ${port} 已被占用`);
      expect(output()).toContain(`Port ${port} is in use`);
      expect(output()).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  }, 120_000);
});
