import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoUser } from './demo-users.js';
import type { PortalUi } from './bundle-portal-ui.js';
import { cookieValue, publicUser } from './portal-auth.js';
import { pageCsp } from './portal-security-headers.js';
import { assetResponse, staticAsset } from './static-asset.js';

const template = readFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'public', 'index.html'), 'utf8');

/** A first-screen answer carried in the page: what `GET <path>` answered the signed-in user. */
export interface BootAnswer {
  status: number;
  body: unknown;
}

/** What the page carries in `<script type="application/json" id="bootstrap">` (data, never run). */
export interface Bootstrap {
  /** The demo users and enterprises (as `GET /demo/users`). */
  demo: unknown;
  /** The signed-in user (as `GET /session`'s `user`), or null. */
  me: unknown;
  /** The answers the user's home page starts with, by the path the page asks for (`/api/packs`, `/worklist?…`). */
  data: Record<string, BootAnswer>;
  /** On a first visit: the UI's files, fetched once the page is drawn (never competing with it) for the next visit. */
  prefetch?: string[];
}

/**
 * The requests the first screen of each home page makes, exactly as `public/app.js` and
 * `public/dashboard-page.js` write them (the e2e test `bootstrap.e2e.test.ts` checks that a
 * home page loads without any of them going over the network).
 */
export function firstScreenPaths(user: DemoUser | undefined): string[] {
  if (!user) return [];
  const worklist = '/worklist?queue=all&size=100';
  switch (user.home) {
    case 'enterprise':
      // the open queue too: a landlord's page lists its tenants' open hazards apart; its own enterprise as the API's directory lists it
      return ['/api/queues/enterprise', '/api/packs', worklist, '/worklist?queue=open&size=100', '/api/enterprises?limit=500'];
    case 'grid':
      // the enterprises its forms offer: the API's directory listing (one page of 500; more pages are asked for)
      return ['/api/queues/grid', worklist, ...(user.profile.gridAreas ?? []).map((a) => `/api/hazards?area=${encodeURIComponent(a)}&status=verified`), '/api/packs', '/api/enterprises?limit=500'];
    case 'enforcement':
      return ['/api/queues/enforcement', worklist, '/api/packs', '/api/enterprises?limit=500'];
    case 'dashboard':
      // the area filter offers the areas of the API's directory listing
      return ['/api/stats?', '/api/stats?groupBy=day', '/api/outbox', '/demo/sms?limit=20', '/api/packs', '/api/enterprises?limit=500'];
  }
}

/** What {@link createIndexPage} needs from the portal. */
export interface IndexPageOptions {
  ui: PortalUi;
  /** The portal's own routes (the API, the worklist…), asked in-process with the visitor's cookie. */
  route(request: Request): Promise<Response>;
  /** The signed-in demo user of a request, if any. */
  userOf(request: Request): DemoUser | undefined;
  /** `GET /demo/users`' body. */
  demo: unknown;
}

const escapeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The cookie that says the browser has fetched the UI's files (their hash): later visits link them instead of inlining. */
export const UI_COOKIE = 'anjian_ui';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Inline script text must not close its element or open a comment. */
const inlineSafe = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/**
 * The page at `/`: `public/index.html` with the bundled UI and a bootstrap — who is signed in,
 * the demo users and the answers the user's home page starts with, read in-process through
 * the same routes the browser would call.
 *
 * On a first visit (no {@link UI_COOKIE} naming the current bundle) the script and the
 * stylesheet are inlined, allowed by their SHA-256 in this page's CSP (still no
 * `unsafe-inline`): the page is drawn from one response, one round trip instead of the five it
 * took (HTML, modules, their imports, session, data) — on Fast 3G each costs ≥ 562 ms. The
 * cookie is then set and the page fetches the same files once it is drawn (`bootstrap.prefetch`), so
 * later visits link `/ui/app.<hash>.js` and `/ui/style.<hash>.css`, cached for a year. Sent
 * compressed with `Cache-Control: no-store` (it depends on the session).
 */
export function createIndexPage(options: IndexPageOptions): (request: Request) => Promise<Response> {
  const { ui } = options;
  const code = inlineSafe(new TextDecoder().decode(ui.assets.get(ui.entry)!.body));
  const css = new TextDecoder().decode(ui.assets.get(ui.stylesheet)!.body).replace(/<\/(style)/gi, '<\\/$1');
  const version = `${ui.entry.split('.')[1]}-${ui.stylesheet.split('.')[1]}`;
  const inlineCsp = pageCsp({ script: sha256(code), style: sha256(css) });
  const [before, after] = template
    .replace(/\s*<!--[^>]*-->\s*/, '\n    ')
    .replace(/<link rel="stylesheet"[^>]*>\s*/, '')
    .replace(/<script type="module"[^>]*><\/script>\s*/g, '')
    .split('</head>');
  const [body, end] = after!.split('</body>');
  const cached = (request: Request) => cookieValue(request.headers.get('cookie'), UI_COOKIE) === version;
  return async (request) => {
    const user = options.userOf(request);
    const headers = { cookie: request.headers.get('cookie') ?? '', 'accept-language': request.headers.get('accept-language') ?? 'zh-CN' };
    const origin = new URL(request.url).origin;
    const answers = await Promise.all(
      firstScreenPaths(user).map(async (path): Promise<[string, BootAnswer]> => {
        const res = await options.route(new Request(`${origin}${path}`, { headers }));
        const text = await res.text();
        let data: unknown;
        try {
          data = text ? JSON.parse(text) : null;
        } catch {
          data = { title: text.slice(0, 200) };
        }
        return [path, { status: res.status, body: data }];
      }),
    );
    const warm = cached(request);
    const bootstrap: Bootstrap = {
      demo: options.demo,
      me: user ? publicUser(user) : null,
      data: Object.fromEntries(answers.filter(([, a]) => a.status !== 401)),
      ...(warm ? {} : { prefetch: [ui.entry, ui.stylesheet] }),
    };
    const head = warm ? `<link rel="stylesheet" href="${ui.stylesheet}" />\n    <link rel="modulepreload" href="${ui.entry}" />` : `<style>${css}</style>`;
    const script = warm ? `<script type="module" src="${ui.entry}"></script>` : `<script type="module">${code}</script>`;
    const page = `${before}  ${head}\n  </head>${body}  <script type="application/json" id="bootstrap">${escapeJson(bootstrap)}</script>\n    ${script}\n  </body>${end}`;
    const response = await assetResponse(request, staticAsset(page, 'text/html; charset=utf-8'), 'no-store', { quality: 5 });
    if (!warm) {
      response.headers.set('content-security-policy', inlineCsp);
      response.headers.append('set-cookie', `${UI_COOKIE}=${version}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict`);
    }
    return response;
  };
}
