/**
 * Test helper: a harness transport through a real `http.createServer` (toNodeHandler) on an
 * ephemeral port of 127.0.0.1, reached with `fetch` — what a host deploys. Close the servers
 * it started with {@link closeNodeServers}.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler, type AnjianApi } from '../src/index.js';
import type { Transport } from './harness.js';

const started: Server[] = [];

/** The base URL of a real server of `api` (started on first use). */
export function serve(api: AnjianApi): () => Promise<string> {
  let base: Promise<string> | undefined;
  return () =>
    (base ??= new Promise((resolve) => {
      const server = createServer(toNodeHandler(api)).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      started.push(server);
    }));
}

/** A transport that sends each request to a real server of the API. */
export const overNodeServer: Transport = (api) => {
  const base = serve(api);
  return async (request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
    return fetch(`${await base()}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
  };
};

/** Closes every server this module started. */
export async function closeNodeServers(): Promise<void> {
  for (const s of started.splice(0)) await new Promise<void>((done) => s.close(() => done()));
}
