import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnjianApi } from './types.js';

/**
 * A Node `http.createServer` listener for the API: builds a web `Request` from the
 * incoming message (body streamed), and writes the `Response` back. Only translation.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(api)).listen(3000);
 * ```
 */
export function toNodeHandler(api: Pick<AnjianApi, 'fetch'>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const host = req.headers.host ?? 'localhost';
      const url = new URL(req.url ?? '/', `http://${host}`);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const chunks: Buffer[] = [];
      if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(url, { method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
      const response = await api.fetch(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/problem+json; charset=utf-8');
      }
      res.end(JSON.stringify({ type: 'https://anjian.dev/problems/internal', title: 'Server error', status: 500, detail: 'internal server error', code: 'INTERNAL' }));
    }
  };
}
