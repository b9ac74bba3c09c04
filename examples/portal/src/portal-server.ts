import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';

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

/**
 * A `node:http` server for `handler` with the portal's {@link PortalServerLimits}, answering only
 * to its own names: a request whose `Host` is another domain name (DNS rebinding, see
 * {@link hostRefusal}) is refused with 403 `HOST_NOT_ALLOWED` before `handler` sees it.
 * `allowedHosts` adds names to addresses and `localhost` (default none: {@link allowedHostNames}).
 */
export function createPortalServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  limits: PortalServerLimits = PORTAL_SERVER_LIMITS,
  allowedHosts: ReadonlySet<string> = new Set(),
): Server {
  const guarded = (req: IncomingMessage, res: ServerResponse) => {
    const refused = hostRefusal(req.headers.host, allowedHosts);
    if (refused === null) return handler(req, res);
    const zh = `门户不响应这个域名（${refused}）：可能是 DNS 重绑定。要用域名访问门户，请在 PORTAL_ALLOWED_HOSTS 中列出（逗号分隔）。`;
    const en = `The portal does not answer to this name (${refused}): possibly DNS rebinding. To reach the portal by a domain name, list it in PORTAL_ALLOWED_HOSTS (comma-separated).`;
    const body = JSON.stringify({ type: 'about:blank', status: 403, code: 'HOST_NOT_ALLOWED', title: `${zh} / ${en}`, detail: zh, messages: { 'zh-CN': zh, en } });
    res.writeHead(403, { 'content-type': 'application/problem+json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', connection: 'close' });
    res.end(body);
    // The body of a refused request is not read.
    req.resume();
  };
  const server = createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs }, guarded);
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  return server;
}

/**
 * The host names the portal answers to besides addresses and `localhost` (docs/security.md T59):
 * `PORTAL_ALLOWED_HOSTS`, names separated by commas (`anjian.example.gov.cn,portal.lan`;
 * `*` answers every name, as before), and `HOST` when it is a name rather than an address.
 */
export function allowedHostNames(env: Record<string, string | undefined>): ReadonlySet<string> {
  const names = (env.PORTAL_ALLOWED_HOSTS ?? '').split(',');
  if (env.HOST) names.push(env.HOST);
  return new Set(names.map((n) => n.trim().toLowerCase().replace(/\.$/, '')).filter((n) => n !== ''));
}

/**
 * Why a request's `Host` header is not one of this portal's names, or null when it is.
 * A page on another site can make the victim's browser send it requests under the attacker's
 * own domain name once that name resolves to the portal's address (DNS rebinding): then its
 * `Origin` matches its `Host`, the browser lets the page read the answers, and the portal bound
 * to 127.0.0.1 is reached from the internet through the browser — with the demo password
 * printed for everyone. A rebound request always names a domain, so an address (`127.0.0.1`,
 * `[::1]`) and `localhost` are accepted, other names only when listed ({@link allowedHostNames}).
 */
export function hostRefusal(host: string | undefined, allowed: ReadonlySet<string>): string | null {
  if (allowed.has('*')) return null;
  const m = /^(\[[^\]]*\]|[^:[\]]*)(?::\d{1,5})?$/.exec(host ?? '');
  if (!m || m[1] === '') return `Host: ${host ?? '(none)'}`;
  const name = m[1]!.toLowerCase().replace(/\.$/, '');
  if (name.startsWith('[') ? isIPv6(name.slice(1, -1)) : isIPv4(name)) return null;
  if (name === 'localhost' || name.endsWith('.localhost') || allowed.has(name)) return null;
  return `Host: ${name}`;
}

/** An address as the socket reports it, IPv4-mapped IPv6 (`::ffff:127.0.0.1`) as IPv4, lower case. */
const plainAddress = (address: string): string => {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && isIPv4(a.slice(7)) ? a.slice(7) : a;
};

/**
 * The reverse proxies whose `X-Forwarded-For` the portal believes (docs/security.md T30):
 * `PORTAL_TRUSTED_PROXIES`, IP addresses separated by commas; none by default. Behind a proxy
 * every request comes from the proxy's address, so without this the sign-in limits (50 failures
 * per address) counted every client as one: anyone's 50 wrong passwords locked everyone out.
 * An entry that is not an IP address goes to `refuse` in both languages.
 */
export function trustedProxies(env: Record<string, string | undefined>, refuse: (zh: string, en: string) => never): ReadonlySet<string> {
  const entries = (env.PORTAL_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const e of entries) {
    if (!isIPv4(e) && !isIPv6(e)) refuse(`PORTAL_TRUSTED_PROXIES 应为逗号分隔的 IP 地址，“${e}”不是。`, `PORTAL_TRUSTED_PROXIES must be IP addresses separated by commas; "${e}" is not one.`);
  }
  return new Set(entries.map(plainAddress));
}

/**
 * The client's address for the sign-in limits: the socket's, unless the socket is a trusted
 * proxy ({@link trustedProxies}) — then the last address of `X-Forwarded-For` that is not a
 * trusted proxy itself (a proxy appends the address it saw; what a client wrote before it is
 * not believed), or the socket's when the header has none.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: ReadonlySet<string>): string {
  const socket = socketAddress === undefined ? 'unknown' : plainAddress(socketAddress);
  if (!trusted.has(socket) || forwardedFor === undefined) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(plainAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIPv4(hop) && !isIPv6(hop)) return socket;
    if (!trusted.has(hop)) return hop;
  }
  return socket;
}
