import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * How long the portal's HTTP server waits for a client (docs/security.md T35). Node's
 * defaults let a client that sends its headers a line at a time hold a connection for 60–90 s
 * (`headersTimeout` 60 s, checked every 30 s) and one that sends its body a byte at a time
 * for five minutes (`requestTimeout` 300 s), with no limit on idle sockets: 100 sign-in bodies
 * dribbled one byte every 5 s were all still open after 100 s.
 */
export interface PortalServerLimits {
  /** Whole request head (request line and headers); answered 408 and closed after. Default 10 s. */
  headersTimeoutMs: number;
  /** Whole request, head and body; answered 408 and closed after. Default 120 s: a 10 MB photo over 1 Mbit/s takes 84 s. */
  requestTimeoutMs: number;
  /** A socket on which nothing is sent or received for this long is closed. Default 30 s. */
  idleTimeoutMs: number;
  /** How often the two timeouts above are checked. Default 1 s (Node: 30 s). */
  checkIntervalMs: number;
}

/** The limits {@link createPortalServer} uses unless told otherwise. */
export const PORTAL_SERVER_LIMITS: Readonly<PortalServerLimits> = Object.freeze({ headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, idleTimeoutMs: 30_000, checkIntervalMs: 1_000 });

/**
 * The limits from the environment (`PORTAL_HEADERS_TIMEOUT_MS`, `PORTAL_REQUEST_TIMEOUT_MS`,
 * `PORTAL_IDLE_TIMEOUT_MS`: whole milliseconds, at least 100), else {@link PORTAL_SERVER_LIMITS};
 * a value that is not one goes to `refuse` in both languages.
 */
export function portalServerLimits(env: Record<string, string | undefined>, refuse: (zh: string, en: string) => never): PortalServerLimits {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^[1-9]\d{2,8}$/.test(raw)) refuse(`${name}=${raw} 应为毫秒数（100 以上）。`, `${name}=${raw} must be milliseconds (100 or more).`);
    return Number(raw);
  };
  const headersTimeoutMs = read('PORTAL_HEADERS_TIMEOUT_MS', PORTAL_SERVER_LIMITS.headersTimeoutMs);
  // Node refuses a request timeout shorter than the headers timeout.
  const requestTimeoutMs = Math.max(headersTimeoutMs, read('PORTAL_REQUEST_TIMEOUT_MS', PORTAL_SERVER_LIMITS.requestTimeoutMs));
  const idleTimeoutMs = read('PORTAL_IDLE_TIMEOUT_MS', PORTAL_SERVER_LIMITS.idleTimeoutMs);
  return { headersTimeoutMs, requestTimeoutMs, idleTimeoutMs, checkIntervalMs: Math.min(PORTAL_SERVER_LIMITS.checkIntervalMs, headersTimeoutMs) };
}

/** A `node:http` server for `handler` with the portal's {@link PortalServerLimits}. */
export function createPortalServer(handler: (req: IncomingMessage, res: ServerResponse) => void, limits: PortalServerLimits = PORTAL_SERVER_LIMITS): Server {
  const server = createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs }, handler);
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  return server;
}
