// What every page shares: the signed-in user, the API call and small renderers. All markup
// goes through html`…` (./html.js), which escapes every interpolation.
import { PERMIT_SYSTEM_ACTOR } from '/vendor/anjian-core.js';
import { html } from './html.js';
import { lang, loc, t } from './i18n.js';

/** The page container; `data-page` is set by the router after a page has rendered. */
export const app = document.getElementById('app');
/**
 * The demo users and the demo enterprises' names in both languages (`GET /demo/users`, loaded once at start: the
 * logins, and English names for the English pages — the directory registers one name; everything else of an
 * enterprise is the API's, {@link readableEnterprises}) and the signed-in
 * user (`GET /session`; the session cookie is HttpOnly, so the page asks the server);
 * `returnTo`: where a session that ended under its user was (`{ user, hash }`), until they sign in again.
 */
export const session = { demo: { users: [], enterprises: [] }, me: null, returnTo: null };

/** The signed-in user's id, or null. */
export const user = () => session.me?.id ?? null;
/** The signed-in demo user (name, roles, home, scope), or undefined. */
export const me = () => session.demo.users.find((u) => u.id === user());
/** A demo user's name in the UI language (the id when it is not a demo login, e.g. the scheduler). */
export const actorName = (id) => {
  const u = session.demo.users.find((x) => x.id === id);
  if (u) return loc(u.name);
  // The chain's scheduler, and core's permit clock (expiries, missed readings) under its own id.
  return id === 'system-scheduler' ? t('systemScheduler') : id === PERMIT_SYSTEM_ACTOR ? t('systemPermits') : id;
};
/** A demo user's own name (李强), for lines that already say the role; else as {@link actorName}. */
export const personName = (id) => {
  const u = session.demo.users.find((x) => x.id === id);
  return u ? loc(u.person ?? u.name) : actorName(id);
};
export const newKey = () => crypto.randomUUID();

/**
 * One action at a time on a page: `const exclusive = oneAtATime()` gives a wrapper for event
 * handlers; while one wrapped action runs (uploading, asking for confirmation, sending) a
 * second click, tap or submit does nothing — no photo uploaded twice, no second dialog, no
 * second command — and the button pressed (the clicked button, or the form's submitter) is
 * disabled until the action ends. The hazard and permit pages share this one guard.
 */
export function oneAtATime() {
  let busy = false;
  return (action) => async (e) => {
    e?.preventDefault?.();
    if (busy) return;
    busy = true;
    // read now: `currentTarget` is gone once the event has been dispatched
    const target = e?.submitter ?? e?.currentTarget;
    const button = target instanceof HTMLButtonElement && !target.disabled ? target : null;
    const hadFocus = button !== null && document.activeElement === button;
    if (button) button.disabled = true;
    try {
      await action(e);
    } finally {
      busy = false;
      if (button) button.disabled = false;
      // A disabled button cannot take the focus back (from a confirmation dialog, say): it gets it now.
      if (hadFocus && button.isConnected && (document.activeElement === null || document.activeElement === document.body)) button.focus();
    }
  };
}

/**
 * The navigation being shown. route() (app.js) starts one per hash change with
 * {@link startNavigation}, which aborts the one before: a page passes the signal to every GET it
 * makes for itself and to the redraws it starts (after a command, "refresh"), so a page the
 * user has left stops loading and draws nothing — its GETs reject with an AbortError, which
 * the router and {@link isAbort} treat as "superseded", not as an error.
 */
let navigation = new AbortController();
/** Aborts the navigation before and returns the new one's signal. */
export function startNavigation() {
  navigation.abort();
  navigation = new AbortController();
  return navigation.signal;
}
/** True for the rejection of a GET whose navigation was superseded (nothing to show). */
export const isAbort = (error) => error?.name === 'AbortError';

/** The problem of a request the network never delivered (offline, connection cut): status 0. */
export const unreachable = () => ({ ok: false, status: 0, body: { title: t('networkError') } });

/**
 * The page's bootstrap (src/index-page.ts renders it into `<script type="application/json"
 * id="bootstrap">`): the demo users, who is signed in, and the answers the user's home page
 * starts with, so a cold start draws the home page without another round trip. Null when the
 * page came without one.
 */
const bootElement = document.getElementById('bootstrap');
export const bootstrap = bootElement ? JSON.parse(bootElement.textContent) : null;

/**
 * `fetch(url)` for a GET — answered from the bootstrap when it carries `url` (once: a later
 * visit asks the server again), else over the network. `init.signal` (the navigation's) is
 * honoured either way: an aborted navigation gets an AbortError, never an answer.
 */
export function getOnce(url, init) {
  const kept = bootstrap?.data?.[url];
  if (!kept) return fetch(url, init);
  if (init?.signal?.aborted) return Promise.reject(init.signal.reason);
  delete bootstrap.data[url];
  const empty = kept.body === null || kept.status === 204 || kept.status === 304;
  return Promise.resolve(new Response(empty ? null : JSON.stringify(kept.body), { status: kept.status, headers: { 'content-type': 'application/json' } }));
}

/** Forgets the bootstrap's answers (after the first page: later pages must not show old data). */
export const dropBootstrap = () => {
  if (bootstrap) bootstrap.data = {};
};
/** A hash route to a hazard; the id is one encoded path segment. */
export const hazardHref = (id) => `#/hazard/${encodeURIComponent(id)}`;

/** Parses a response body as JSON; null when empty, `{ title }` when not JSON (e.g. a proxy's HTML error page). */
export async function readBody(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { title: text.slice(0, 200) };
  }
}

/** Called when the server answers 401 (the session ended): the router shows the login page. */
export const onSignedOut = { handler: () => {} };

/**
 * The session ended under a signed-in user (a 401): remembers the page they were on (for the
 * same user signing in again: login-page.js goes back there), then shows the login page.
 */
function sessionEnded() {
  if (!session.me) return;
  session.returnTo = { user: session.me.id, hash: location.hash };
  session.me = null;
  onSignedOut.handler();
}

/**
 * Calls the API with the session cookie (same-origin); never throws on HTTP errors, nor when
 * the network fails (then `{ ok: false, status: 0 }` with a message: the page shows it and
 * keeps what the user entered). `path`
 * segments that come from data must already be encoded (encodeURIComponent). A GET takes the
 * navigation's `signal` and rejects with an AbortError once it is aborted (also when the answer
 * arrived just before), so a superseded page never gets data to draw; other methods run to
 * their end (a command sent is not withdrawn by leaving the page). `coSignCode`: the co-sign code the
 * second officer of a two-officer act gave from his own session (header `Co-Sign-Code`).
 */
export async function api(path, { method = 'GET', body, key, ifMatch, signal, coSignCode } = {}) {
  const headers = { 'accept-language': lang() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key) headers['idempotency-key'] = key;
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  if (coSignCode) headers['co-sign-code'] = coSignCode;
  const init = { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  let res;
  try {
    res = await (method === 'GET' ? getOnce(`/api${path}`, { ...init, signal }) : fetch(`/api${path}`, init));
  } catch (error) {
    if (isAbort(error)) throw error;
    return unreachable();
  }
  if (res.status === 401) sessionEnded();
  if (method !== 'GET' && res.ok) forgetListing();
  // `date`: the server's clock when it answered (the Date header), what deadlines are weighed against.
  const answer = { ok: res.ok, status: res.status, body: await readBody(res), date: res.headers.get('date') };
  if (method === 'GET') signal?.throwIfAborted();
  return answer;
}

/**
 * GET of a portal path outside /api (the worklist, inspections, monitoring, reports) as
 * `{ ok, status, body }`, with the UI language and the navigation's `signal` (as {@link api}).
 */
export async function getJson(path, signal) {
  let res;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: { 'accept-language': lang() }, signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    return unreachable();
  }
  if (res.status === 401) sessionEnded();
  const answer = { ok: res.ok, status: res.status, body: await readBody(res) };
  signal?.throwIfAborted();
  return answer;
}

/** A problem+json answer as one line: status, title, detail (already in the UI's language). */
/** A refusal in words for users: the problem's detail (else its title), never the HTTP status. */
export const problemText = (r) => html`${r.body?.detail || r.body?.title || t('requestFailed')}`;
const LEVEL_CLASS = { simple: 'level-simple', general: 'level-general', major: 'level-major' };
export const levelCell = (h) => html`<span class="${LEVEL_CLASS[h.level] ?? ''}">${t(h.level)}</span>${h.provisional ? html` <span class="badge">${t('provisional')}</span>` : ''}`;
/**
 * The listing {@link readableEnterprises} keeps: whose it is (`user`) and the promise of its items. Asked once per
 * page load and user — a dashboard redraw, a filter change, another page reuse it — and asked again after a command
 * the server accepted (a tenancy added or ended changes what a landlord reads) or when the last asking failed.
 */
let listing = null;

/** Every page of GET /enterprises (500 an answer); `complete: false` when one of them was refused (the listing is not kept then). */
async function loadListing() {
  const items = [];
  let after = null;
  do {
    const r = await api(`/enterprises?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    if (!r.ok) return { items, complete: false };
    items.push(...r.body.items);
    after = r.body.next;
  } while (after);
  return { items, complete: true };
}

/**
 * The enterprises the signed-in user may read, as the API's directory lists them (GET /enterprises: the server's read
 * policy, every registered enterprise — not a list of the portal's), asked once and kept ({@link listing}); the demo's
 * own keep their English names for the English pages. `signal`: the navigation's (an AbortError once it is superseded).
 */
export async function readableEnterprises(signal) {
  if (listing === null || listing.user !== user()) {
    const kept = { user: user(), promise: loadListing() };
    listing = kept;
    // a listing cut short by a refusal is shown this once, never kept
    kept.promise.then(
      (r) => {
        if (!r.complete && listing === kept) listing = null;
      },
      () => {
        if (listing === kept) listing = null;
      },
    );
  }
  const { items } = await listing.promise;
  signal?.throwIfAborted();
  return items.map((e) => ({ ...e, name: session.demo.enterprises.find((d) => d.id === e.id)?.name ?? e.name }));
}

/** Forgets the kept listing (a command the server accepted may change what the user reads). */
const forgetListing = () => {
  listing = null;
};

/** An area and the areas above it (D1/G1 → D1, D1/G1). */
const withParents = (area) => area.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
/** The areas of `enterprises` (the API's listing) and the districts and areas above them, sorted: what an area filter offers. */
export const areasOf = (enterprises) => [...new Set(enterprises.flatMap((e) => withParents(e.area)))].sort();

/** A demo enterprise's name in the UI language; the id for another (a page that has the server's name uses {@link entNameOr}). */
export const entName = (id) => loc(session.demo.enterprises.find((e) => e.id === id)?.name) || id;
/** An enterprise's name in the UI language when it is one of the demo's, else the name the server sent (one language). */
export const entNameOr = (id, sent) => loc(session.demo.enterprises.find((e) => e.id === id)?.name) || loc(sent) || id;

const UTC8 = 8 * 3_600_000;
const validTime = (iso) => typeof iso === 'string' && Number.isFinite(Date.parse(iso));
/** An instant as local time in China (UTC+8), `YYYY-MM-DD HH:mm`; `—` for none or garbage. */
export const localTime = (iso) => (validTime(iso) ? new Date(Date.parse(iso) + UTC8).toISOString().slice(0, 16).replace('T', ' ') : '—');
/** The local (UTC+8) calendar date of an instant, `YYYY-MM-DD`. */
export const localDate = (iso) => (validTime(iso) ? new Date(Date.parse(iso) + UTC8).toISOString().slice(0, 10) : '—');
/** The start of a local (UTC+8) date as an instant, in `toISOString()` form. */
export const startOfLocalDay = (date) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
/** Whole days from one `YYYY-MM-DD` to another. */
export const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** A free-text input as a LocalizedText (`zh-CN` is required by the chain; English too when the UI is English). */
export const textOf = (value) => ({ 'zh-CN': value, ...(lang() === 'en' ? { en: value } : {}) });
