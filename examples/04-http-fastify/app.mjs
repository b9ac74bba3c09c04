// The anjian HTTP API inside a Fastify application, in an encapsulated plugin: the body is
// handed over as bytes (at most what the API accepts) and the API's Response is sent with
// `reply` — no reply.hijack(), so Fastify's hooks, request log and error handling see every
// /api/* request as they see the host's own routes. Authentication is the host's: here a demo
// header names the actor; use your session or token check instead.
import Fastify from 'fastify';
import { createMemoryStore, createStaticDirectory, createWorkingDayCalendar } from '@anjian/core';
import { loadPackFromPackage } from '@anjian/core/node';
import { createAnjianApi } from '@anjian/http';

/** A Fastify app serving the anjian API under /api and its own routes beside it. */
export async function createApp({ logger = true } = {}) {
  const loaded = await loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message.en).join('\n'));
  const directory = createStaticDirectory([{ id: 'owner-1', roles: ['enterprise'], enterpriseIds: ['E1'] }], [{ id: 'E1', name: '示例餐馆', area: 'D1/G1' }]);
  const api = createAnjianApi({
    // In memory for the example: everything is gone when the process stops. A host keeps its
    // records in @anjian/store-sqlite (createSqliteStore({ path })) or @anjian/store-postgres.
    store: createMemoryStore(),
    directory,
    calendar: createWorkingDayCalendar({ holidays: [], workdays: [] }),
    packs: [loaded.pack],
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-demo-actor'),
  });

  const fastify = Fastify({ logger });
  await fastify.register(async (scope) => {
    // The API reads its own body: hand it over as bytes, at most what the API accepts.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: api.maxBodyBytes }, (_request, body, done) => done(null, body));
    scope.all('/api/*', async (request, reply) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
      }
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
      const response = await api.fetch(
        new Request(new URL(request.url, `${request.protocol}://${request.host}`), { method: request.method, headers, ...(body ? { body: new Uint8Array(body) } : {}) }),
      );
      reply.code(response.status);
      response.headers.forEach((value, name) => void reply.header(name, value));
      return reply.send(Buffer.from(await response.arrayBuffer()));
    });
  });
  fastify.get('/', async () => 'anjian example 04: the API is under /api');
  return fastify;
}
