/**
 * The Fastify recipe of docs/http.md (issue 22): the API called through `api.fetch` and
 * answered with `reply`, without `reply.hijack()`, so Fastify's hooks and request log see
 * every `/api/*` request. Used as written by `fastify-recipe.test.ts` and `hosts.test.ts`.
 */
import type { FastifyInstance } from 'fastify';
import type { AnjianApi } from '../src/index.js';

/** The recipe, as written in docs/http.md. */
export function mountAnjian(fastify: FastifyInstance, api: AnjianApi): void {
  fastify.register(async (scope) => {
    // The API reads its own body: hand it over as bytes, at most what the API accepts.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: api.maxBodyBytes }, (_request, body, done) => done(null, body));
    scope.all('/api/*', async (request, reply) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
      }
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : (request.body as Buffer | undefined);
      const response = await api.fetch(
        new Request(new URL(request.url, `${request.protocol}://${request.host}`), { method: request.method, headers, ...(body ? { body: new Uint8Array(body) } : {}) }),
      );
      reply.code(response.status);
      response.headers.forEach((value, name) => void reply.header(name, value));
      return reply.send(Buffer.from(await response.arrayBuffer()));
    });
  });
}
