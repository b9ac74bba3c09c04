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
    calendar: createWorkingDayCalendar({ years: exampleYears(), holidays: [], workdays: [] }),
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

/**
 * The years this example's calendar covers: this year and the next (China time), with NO holidays
 * loaded — an example's choice, so that it runs in any year. A host lists the years whose State
 * Council arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) it has loaded, with their holidays and
 * make-up working days; a working-day deadline reaching a year not listed is then refused
 * (503 CALENDAR_NOT_COVERED), never counted as plain Mon–Fri.
 */
function exampleYears() {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  return [year, year + 1];
}
