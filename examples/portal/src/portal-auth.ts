/**
 * The portal's sign-in: demo users with scrypt password hashes (made once for the default demo
 * password, in demo-users.ts; computed at start for any other), a
 * server-side session map (HttpOnly, SameSite=Strict cookie; 30 min idle, 12 h absolute), a
 * per user+address and per-address limit on failed sign-ins. The self-asserted
 * `X-Demo-User` header counts only when `trustIdentityHeader` is set (unit tests; never the server).
 */
import { hashPassword, verifyPassword, type PasswordHash } from './password-hash.js';
import { DEMO_PASSWORD, DEMO_PASSWORD_HASHES, type DemoUser } from './demo-users.js';
import { createLoginRateLimiter } from './login-rate-limit.js';
import { portalProblem } from './portal-problem.js';
import { createSessionStore, SESSION_ABSOLUTE_MS, type SessionStore } from './session-store.js';

/** The name of the session cookie over plain http (localhost). */
export const SESSION_COOKIE = 'anjian_session';
/**
 * The name of the session cookie when it is `Secure` (https, or `secureCookie`): the `__Host-`
 * prefix makes a browser keep it only if it is Secure, has `Path=/` and no `Domain`, so a
 * sibling subdomain cannot plant (fix) a session in it; the plain name is then not read.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export { DEMO_PASSWORD } from './demo-users.js';
/** Failed sign-ins allowed per client address (any user names) within the window. */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 50;
const MAX_LOGIN_BODY = 4096;

/** Options of {@link createPortalAuth}. */
export interface PortalAuthOptions {
  users: readonly DemoUser[];
  /** The demo users' password (one for all, as printed by `pnpm demo`). Default {@link DEMO_PASSWORD}. */
  password?: string;
  /** Milliseconds since the epoch (session expiry, rate-limit windows). Default `Date.now`. */
  now?: () => number;
  /** Also accept the self-asserted `X-Demo-User` header. Only for unit tests. */
  trustIdentityHeader?: boolean;
  /** Always mark the cookie `Secure` (behind a TLS-terminating proxy). It is also set when the request URL is https. */
  secureCookie?: boolean;
}

/** The portal's sign-in routes and its answer to "who sends this request". */
export interface PortalAuth {
  /** The signed-in user of `request` (session cookie; the header only when trusted), or null. */
  actorOf(request: Request): string | null;
  /** `POST /login` (JSON `{ user, password }` or a form): 200 JSON (or 303 for a form) with the cookie, 401, 429. */
  login(request: Request, clientAddress: string): Promise<Response>;
  /** `POST /logout`: ends the session, expires the cookie; 204 (303 for a form). */
  logout(request: Request): Response;
  /** `GET /session`: `{ user }` of the signed-in user, `{ user: null }` when there is none. */
  current(request: Request): Response;
  /** Starts a session without a password (the in-process seed); returns the cookie header value. */
  mint(userId: string): { cookie: string; end(): void };
  sessions: SessionStore;
}

/** The value of cookie `name` in a Cookie header, or null. */
export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The user record `GET /session` and `POST /login` answer with (what the page shows of who is signed in). */
export const publicUser = (u: DemoUser) => ({ id: u.profile.id, name: u.name, roles: u.profile.roles, home: u.home });

/**
 * The body as text, read while counting: null when it is longer than {@link MAX_LOGIN_BODY}
 * (declared or counted as it streams, the stream then cancelled) or the client broke it off.
 * A sign-in is anonymous, so it never makes the server hold more than a few KB.
 */
async function readSmallBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_LOGIN_BODY) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      total += next.value.byteLength;
      if (total > MAX_LOGIN_BODY) {
        reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(next.value);
    }
  } catch {
    return null; // the client closed the connection mid-body: nobody is left to answer
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function readCredentials(request: Request): Promise<{ user: string; password: string; form: boolean } | null> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = await readSmallBody(request);
  if (text === null) return null;
  let user: unknown;
  let password: unknown;
  const form = type === 'application/x-www-form-urlencoded';
  if (form) {
    const params = new URLSearchParams(text);
    user = params.get('user');
    password = params.get('password');
  } else if (type === 'application/json') {
    try {
      ({ user, password } = JSON.parse(text) as { user?: unknown; password?: unknown });
    } catch {
      return null;
    }
  } else return null;
  return typeof user === 'string' && typeof password === 'string' ? { user: user.trim().slice(0, 128), password: password.slice(0, 1024), form } : null;
}

/**
 * Hashes the demo users' password (scrypt, once per user with its own salt; for the default password the
 * hashes made once, {@link DEMO_PASSWORD_HASHES}) and returns the sign-in.
 */
export async function createPortalAuth(options: PortalAuthOptions): Promise<PortalAuth> {
  const password = options.password ?? DEMO_PASSWORD;
  const made = password === DEMO_PASSWORD ? DEMO_PASSWORD_HASHES : undefined;
  const hashes = new Map<string, PasswordHash>();
  await Promise.all(options.users.map(async (u) => hashes.set(u.profile.id, made?.users[u.profile.id] ?? (await hashPassword(password)))));
  // Unknown names are checked against a hash too, so the answer takes as long as for a real user.
  const decoy = made?.decoy ?? (await hashPassword(`${password}\u0000decoy`));
  const sessions = createSessionStore({ now: options.now });
  const perUser = createLoginRateLimiter({ now: options.now });
  const perAddress = createLoginRateLimiter({ now: options.now, max: LOGIN_MAX_FAILURES_PER_ADDRESS });
  const byId = new Map(options.users.map((u) => [u.profile.id, u]));

  const secure = (request: Request) => options.secureCookie === true || new URL(request.url).protocol === 'https:';
  // One name per request: under Secure only the __Host- one is set and read.
  const nameOf = (request: Request) => (secure(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
  const cookie = (request: Request, value: string, maxAge: number) => `${nameOf(request)}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure(request) ? '; Secure' : ''}`;

  const actorOf = (request: Request): string | null => {
    const id = cookieValue(request.headers.get('cookie'), nameOf(request));
    const fromSession = id ? sessions.userOf(id) : null;
    if (fromSession) return fromSession;
    if (options.trustIdentityHeader) {
      const claimed = request.headers.get('x-demo-user');
      return claimed && byId.has(claimed) ? claimed : null;
    }
    return null;
  };

  return {
    actorOf,
    sessions,
    async login(request, clientAddress) {
      const credentials = await readCredentials(request);
      if (!credentials) {
        return portalProblem(request, 400, 'BAD_LOGIN_REQUEST', '请以 JSON {"user","password"} 或表单提交用户名和密码。', 'Send the user name and password as JSON {"user","password"} or as a form.');
      }
      const userKey = `${credentials.user.toLowerCase()}\n${clientAddress}`;
      const wait = Math.max(perUser.retryAfter(userKey), perAddress.retryAfter(clientAddress));
      if (wait > 0) {
        return portalProblem(
          request,
          429,
          'TOO_MANY_LOGIN_ATTEMPTS',
          `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`,
          `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min.`,
          { 'retry-after': String(wait) },
        );
      }
      // The attempt counts as failed before the (slow, asynchronous) password check, in the same
      // turn as the check of the limit above: requests sent at once cannot all pass the limit
      // while the first ones are still being checked. A success gives the attempt back.
      perUser.fail(userKey);
      perAddress.fail(clientAddress);
      const user = byId.get(credentials.user);
      const ok = await verifyPassword(credentials.password, user ? hashes.get(user.profile.id)! : decoy);
      if (!user || !ok) {
        if (credentials.form) return new Response(null, { status: 303, headers: { location: '/#/login?error=401' } });
        return portalProblem(request, 401, 'LOGIN_FAILED', '用户名或密码错误。', 'Wrong user name or password.');
      }
      perUser.reset(userKey);
      perAddress.forgive(clientAddress);
      const old = cookieValue(request.headers.get('cookie'), nameOf(request));
      if (old) sessions.delete(old); // a new session id at every sign-in (no fixation)
      const id = sessions.create(user.profile.id);
      const setCookie = cookie(request, id, Math.floor(SESSION_ABSOLUTE_MS / 1000));
      if (credentials.form) return new Response(null, { status: 303, headers: { location: `/#/${user.home}`, 'set-cookie': setCookie } });
      return Response.json({ user: publicUser(user) }, { headers: { 'set-cookie': setCookie } });
    },
    logout(request) {
      const id = cookieValue(request.headers.get('cookie'), nameOf(request));
      if (id) sessions.delete(id);
      const form = (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
      const headers = { 'set-cookie': cookie(request, '', 0), ...(form ? { location: '/#/login' } : {}) };
      return new Response(null, { status: form ? 303 : 204, headers });
    },
    current(request) {
      const id = actorOf(request);
      const user = id ? byId.get(id) : undefined;
      // Not signed in is an answer, not an error: the login page asks this at every start.
      return Response.json({ user: user ? publicUser(user) : null });
    },
    mint(userId) {
      const id = sessions.create(userId);
      return { cookie: `${options.secureCookie === true ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=${id}`, end: () => sessions.delete(id) };
    },
  };
}
