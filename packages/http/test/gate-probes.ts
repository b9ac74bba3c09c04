/**
 * Requests that the gate and the router of `createAnjianApi` answer before a route's handler
 * runs, derived from a route's shape — what it answers is the same whatever the route does: an
 * undeclared query parameter (400), no actor (401), a body over the limit (413), a JSON body sent
 * as text/plain (415), a fifth upload of one actor while four still arrive (429) — and what it
 * answers when the handler throws (500 `INTERNAL`). Each probe says the status and code the gate
 * must answer; the tests check the document lists both for that operation.
 */
import type { AnjianApi, RouteSpec } from '../src/index.js';

/** One request to a route and what the gate answers to it. */
interface GateProbe {
  what: string;
  status: number;
  code: string;
  /** The URL asked (path parameters are `x`). */
  url: string;
  send(): Promise<Response>;
}

/** A request body that stays open after its first bytes until `end()`: an upload still arriving. */
function held(): { stream: ReadableStream<Uint8Array>; end: () => void } {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (++pulled === 1) return controller.enqueue(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
      await ended;
      controller.error(new Error('the client went away'));
    },
  });
  return { stream, end };
}

/**
 * The probes of `route` on `api` (mounted at `http://x<basePath>`, actors named by `x-actor`):
 * `limits` are the API's `maxBodyBytes` and `maxEvidenceBytes`.
 */
export function gateProbes(api: Pick<AnjianApi, 'fetch'>, route: RouteSpec, basePath: string, actor: string, limits: { json: number; upload: number }): GateProbe[] {
  const url = `http://x${basePath}${route.path.replace(/\{\w+\}/g, 'x')}`;
  const method = route.method.toUpperCase();
  const signedIn = { 'x-actor': actor };
  const probe = (what: string, status: number, code: string, send: () => Promise<Response>, at = url): GateProbe => ({ what, status, code, url: at, send });
  const probes = [probe('an undeclared query parameter', 400, 'UNKNOWN_QUERY_PARAMETER', () => api.fetch(new Request(`${url}?zz=1`, { method, headers: signedIn })), `${url}?zz=1`)];
  if (route.auth === 'required') probes.push(probe('no actor', 401, 'UNAUTHENTICATED', () => api.fetch(new Request(url, { method }))));
  const uploadType = route.rawBody?.mediaTypes[0] ?? '';
  if (route.method === 'post') {
    const over = (route.rawBody ? limits.upload : limits.json) + 1;
    const type = route.rawBody ? uploadType : 'application/json';
    probes.push(
      probe('a body over the limit', 413, 'PAYLOAD_TOO_LARGE', () => api.fetch(new Request(url, { method, headers: { ...signedIn, 'content-type': type }, body: new Uint8Array(over).fill(0x20) }))),
    );
  }
  if (route.requestBody) {
    probes.push(
      probe('a JSON body sent as text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE', () => api.fetch(new Request(url, { method, headers: { ...signedIn, 'content-type': 'text/plain' }, body: '{}' }))),
    );
  }
  if (route.rawBody && route.auth === 'required') {
    probes.push(
      probe('a fifth upload while four arrive', 429, 'UPLOADS_IN_PROGRESS', async () => {
        const upload = (body: ReadableStream<Uint8Array>) => api.fetch(new Request(url, { method, headers: { ...signedIn, 'content-type': uploadType }, body, duplex: 'half' } as RequestInit));
        const four = Array.from({ length: 4 }, () => held());
        const arriving = four.map((h) => upload(h.stream));
        await new Promise((resolve) => setImmediate(resolve));
        const fifth = await upload(held().stream);
        for (const h of four) h.end();
        await Promise.all(arriving);
        return fifth;
      }),
    );
  }
  probes.push(
    probe('a handler that throws', 500, 'INTERNAL', async () => {
      // The route's own handler, replaced for this one request: any route can throw (a store that is down).
      const handle = route.handle;
      route.handle = async () => {
        throw new Error(HANDLER_PROBE_FAILURE);
      };
      try {
        return await api.fetch(new Request(url, { method, headers: signedIn }));
      } finally {
        route.handle = handle;
      }
    }),
  );
  return probes;
}

/** The message of the error the probe "a handler that throws" throws: the API logs it as a 500 (a test tells it from another by it). */
export const HANDLER_PROBE_FAILURE = 'gate probe: the handler threw';
