/**
 * Vitest global setup (vitest.config.ts) of the isolated project, shared by the portal's
 * end-to-end files:
 * - a folder for this run where they share one bundle of the server (portal-harness.ts builds it
 *   when the first file starts a portal). Bundling the server with esbuild for every file cost
 *   each of them a second or more of CPU on a 2-core machine. The folder goes when the run ends.
 * - in the same folder, the browser bundles every portal start of the run reads
 *   (ANJIAN_PORTAL_BUNDLE_CACHE, see src/bundle-cache.ts): set in this process's environment,
 *   which the workers and the servers they start inherit, so the portals started in-process and
 *   as child processes build the two bundles once for the run, not once per start.
 * - one Chromium for the run, launched when the first file asks for it (a run without browser
 *   files starts none): each file connects to it and gets its own connection, whose contexts
 *   close when the file's harness stops. Launching and closing Chromium per file took about
 *   1.5 s of each of some 45 files on a 2-core machine; connecting takes a few milliseconds.
 *   Files ask through a small HTTP server on 127.0.0.1 of this (the main) process, because the
 *   browser must outlive the worker process of the file that asked first.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../../scripts/chromium-path.mjs';
import { BUNDLE_CACHE_ENV } from '../src/bundle-cache.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the portal harness keeps the server bundle of this run. */
    portalBundleDir: string;
    /** `http://127.0.0.1:<port>/browser` answers the WebSocket endpoint of this run's Chromium (launched on the first request). */
    browserBroker: string;
  }
}

/** Chromium's flags for the end-to-end files (headless, no sandbox in containers, no background traffic). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Named here, made by the first file that needs it: a run without portal files (or `vitest
  // list`, which skips the teardown) leaves nothing behind.
  const dir = join(tmpdir(), `anjian-portal-bundle-${process.pid}-${Date.now().toString(36)}`);
  project.provide('portalBundleDir', dir);
  // a folder set by whoever runs the tests stays theirs
  process.env[BUNDLE_CACHE_ENV] ??= join(dir, 'browser');

  let launched: Promise<BrowserServer> | undefined;
  const broker: Server = createServer((req, res) => {
    if (req.url !== '/browser') {
      res.writeHead(404).end();
      return;
    }
    launched ??= chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    launched.then(
      (server) => res.writeHead(200, { 'content-type': 'text/plain' }).end(server.wsEndpoint()),
      // Not cached as a failure for ever: the harness launches its own then, which shows the error.
      (error: unknown) => {
        launched = undefined;
        res.writeHead(503, { 'content-type': 'text/plain' }).end(String(error));
      },
    );
  });
  await new Promise<void>((resolve, reject) => broker.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = broker.address() as { port: number };
  project.provide('browserBroker', `http://127.0.0.1:${port}/browser`);

  return async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await (await launched?.catch(() => undefined))?.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
