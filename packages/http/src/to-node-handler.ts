import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { describeError, jsonLineLogger, safeLog, type ApiLogger } from './api-logger.js';
import { badRequest } from './bad-request.js';
import { payloadTooLarge } from './body-limit.js';
import { negotiateLanguage } from './negotiate-language.js';
import { HttpProblem, problemResponse } from './problem.js';
import { methodNotAllowed } from './request-target.js';
import { withSecurityHeaders } from './security-headers.js';
import type { AnjianApi } from './types.js';

/** Body limit of {@link toNodeHandler} for a handler that does not declare `maxBodyBytes`. */
export const DEFAULT_NODE_MAX_BODY_BYTES = 10 * 1_048_576;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Most bytes read from a request body. Default: the handler's own `maxBodyBytes` (an
   * {@link AnjianApi} declares the largest any route accepts), else
   * {@link DEFAULT_NODE_MAX_BODY_BYTES}.
   */
  maxBodyBytes?: number;
  /** Where the adapter logs what it answers itself (413, 500). Default: JSON lines on stderr; `false`: off. */
  logger?: ApiLogger | false;
}

// The fetch standard refuses to build a Request with these methods; answer them here.
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const INTERNAL = new HttpProblem(500, 'INTERNAL', { 'zh-CN': '服务器错误', en: 'Server error' }, { 'zh-CN': '服务器内部错误', en: 'internal server error' });

/**
 * A Node `http.createServer` listener for a web handler (the API, or a host's own `fetch`
 * around it): builds a web `Request` whose body streams from the socket, and writes the
 * `Response` back. Only translation, plus the limits a socket needs:
 *
 * - a declared `Content-Length` over the limit is answered 413 before a byte is read and
 *   before the handler (so before `authenticate`) runs;
 * - a chunked body is counted as it arrives; at the limit the adapter stops reading,
 *   answers 413 and closes the connection — it never holds more than the limit;
 * - a connection answered before its body was read closes after the response (a lingering
 *   close: what the client still sends is dropped, up to {@link LINGER_MS} and
 *   {@link LINGER_BYTES}) — a GET or HEAD whose headers frame a body too (nothing reads it);
 * - `TRACE`, `CONNECT` and `TRACK` are 405, a request line that is not a URL a 400;
 * - a handler that throws is a 500 problem, logged, without the error in the body.
 *
 * Every response the adapter writes itself carries the {@link securityHeaders}.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(api)).listen(3000, '127.0.0.1');
 * ```
 */
export function toNodeHandler(api: Pick<AnjianApi, 'fetch'> & { readonly maxBodyBytes?: number }, options: NodeHandlerOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = options.maxBodyBytes ?? api.maxBodyBytes ?? DEFAULT_NODE_MAX_BODY_BYTES;
  const logger: ApiLogger = options.logger === false ? () => undefined : (options.logger ?? jsonLineLogger);
  return async (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const lang = negotiateLanguage(typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : null);
    const requestId = crypto.randomUUID();
    const log = (level: 'warn' | 'error', event: string, status: number, extra: Record<string, unknown> = {}) =>
      safeLog(logger, { time: new Date().toISOString(), level, event, requestId, method, path: (req.url ?? '').split('?')[0] ?? '', status, ...extra });
    // Answer without reading the rest of the body: the connection closes after the response.
    const refuse = (problem: HttpProblem, headers?: Record<string, string>, instance?: string) => send(res, withSecurityHeaders(problemResponse(problem, lang, headers, instance)), true);

    try {
      if (FORBIDDEN_METHODS.has(method)) return await refuse(methodNotAllowed(method, []));
      let url: URL;
      let headers: Headers;
      try {
        url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
        // `Host: user@evil` gives a URL with credentials, which a Request refuses: a 400, not a 500 (docs/security.md T53).
        if (url.username !== '' || url.password !== '') throw new TypeError('credentials in the request URL');
        headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
        }
      } catch {
        return await refuse(badRequest('请求行或请求头无效', 'the request line or a header is invalid'));
      }
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const declared = req.headers['content-length'];
      if (hasBody && declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
        log('warn', 'body_too_large', 413, { limit, declared: Number(declared) });
        return await refuse(payloadTooLarge(limit));
      }
      const body = hasBody ? boundedBody(req, limit) : null;
      const request = new Request(url, { method, headers, ...(body ? { body: body.stream, duplex: 'half' } : {}) } as RequestInit);
      const response = await api.fetch(request);
      if (body?.exceeded()) {
        await response.body?.cancel().catch(() => undefined);
        return await refuse(payloadTooLarge(limit));
      }
      // A body left unread (a route that answered without it) is not drained: close instead (lingering, bounded).
      // A GET or HEAD has no body to read; one that frames a body anyway (Content-Length, chunked) kept its connection while
      // Node read and dropped that body for as long as the client sent it: closed the same way (its body never read).
      await send(res, response, body !== null ? !body.complete() : framesBody(req));
    } catch (error) {
      log('error', 'request_failed', 500, { error: describeError(error) });
      if (!res.headersSent) return await refuse(INTERNAL, undefined, `urn:uuid:${requestId}`).catch(() => undefined);
      res.destroy();
    }
  };
}

/** Whether a request's headers frame a body (chunked, or a Content-Length other than 0). */
function framesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A web stream over the request body that stops reading the socket past `limit` bytes. */
function boundedBody(req: IncomingMessage, limit: number): { stream: ReadableStream<Uint8Array>; exceeded(): boolean; complete(): boolean } {
  let received = 0;
  let exceeded = false;
  let complete = false;
  let settled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      req.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.byteLength;
        if (received > limit) {
          exceeded = true;
          settled = true;
          req.pause();
          controller.error(payloadTooLarge(limit));
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (settled) return;
        complete = true;
        settled = true;
        controller.close();
      });
      req.on('error', (error) => {
        if (settled) return;
        settled = true;
        controller.error(error);
      });
      // A client gone before the end of its body: the reader must not wait forever.
      req.on('close', () => {
        if (settled) return;
        settled = true;
        controller.error(new Error('the client closed the connection before the end of the body'));
      });
    },
    pull() {
      if (!settled) req.resume();
    },
    cancel() {
      settled = true;
      req.pause();
    },
  });
  return { stream, exceeded: () => exceeded, complete: () => complete };
}

/** Writes a web Response to a Node response; `close` ends the connection afterwards. */
async function send(res: ServerResponse, response: Response, close: boolean): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (close) {
    res.setHeader('connection', 'close');
    if (res.socket) lingerOnClose(res.socket, res.req);
  }
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) {
        await reader.cancel().catch(() => undefined);
        return;
      }
      if (!res.write(value)) await new Promise<void>((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
    }
  }
  res.end();
}

/** How long a connection closed after a refusal keeps reading (and dropping) what the client still sends. */
export const LINGER_MS = 2_000;
/** How many body bytes a connection closed after a refusal drops before it closes anyway. */
export const LINGER_BYTES = 16 * 1_048_576;

/**
 * A lingering close (RFC 9112 §9.6) for a connection answered before its body was read:
 * the response goes out, then the write side closes (FIN), and what the client still sends
 * is read and dropped — never kept — until the client stops (its body ends or it closes),
 * {@link LINGER_MS} pass or {@link LINGER_BYTES} were dropped; then the socket closes.
 *
 * Closing at once with unread bytes makes the kernel answer with a reset, and a client still
 * writing its body loses the 413 it was sent before it reads it (it sees ECONNRESET instead).
 * Node closes the socket of a `Connection: close` response through `socket.destroySoon()`
 * after the response is written; this socket gets its own.
 */
function lingerOnClose(socket: Socket, req: IncomingMessage): void {
  socket.destroySoon = () => {
    let dropped = 0;
    const close = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(close, LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    if (socket.writable) socket.end();
    // The adapter's own reader stops at the limit (it drops what comes after); Node's parser
    // still hands the rest of the body to the request, read here only to be counted.
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.byteLength;
      if (dropped > LINGER_BYTES) close();
    });
    req.once('end', close);
    req.resume();
  };
}
