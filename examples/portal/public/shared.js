// What every page shares: the demo session, the API call, escaping and small renderers.
import { lang, loc, t } from './i18n.js';

/** The page container; `data-page` is set by the router after a page has rendered. */
export const app = document.getElementById('app');
/** The demo users and enterprises (`GET /demo/users`), loaded once at start. */
export const session = { demo: { users: [], enterprises: [] } };

export const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
export const user = () => decodeURIComponent(/(?:^|;\s*)anjian_demo_user=([^;]+)/.exec(document.cookie)?.[1] ?? '') || null;
export const me = () => session.demo.users.find((u) => u.id === user());
/** A demo user's name in the UI language (the id when it is not a demo login, e.g. the scheduler). */
export const actorName = (id) => {
  const u = session.demo.users.find((x) => x.id === id);
  return u ? loc(u.name) : id === 'system-scheduler' ? t('systemScheduler') : id;
};
export const newKey = () => crypto.randomUUID();

/** Parses a response body as JSON; null when empty or not JSON (e.g. a proxy's HTML error page). */
export async function readBody(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { title: text.slice(0, 200) };
  }
}

/** Calls the API as the demo user; never throws on HTTP errors. */
export async function api(path, { method = 'GET', body, key, ifMatch } = {}) {
  const headers = { 'accept-language': lang(), 'content-type': 'application/json' };
  if (user()) headers['x-demo-user'] = user();
  if (key) headers['idempotency-key'] = key;
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  const res = await fetch(`/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { ok: res.ok, status: res.status, body: await readBody(res) };
}

/** A problem+json answer as one line: status, title, detail (already in the UI's language). */
export const problemText = (r) => `${r.status} ${esc(r.body?.title ?? '')}：${esc(r.body?.detail ?? '')}`;
export const levelCell = (h) => `<span class="level-${h.level}">${t(h.level)}</span>${h.provisional ? ` <span class="badge">${t('provisional')}</span>` : ''}`;
export const entName = (id) => loc(session.demo.enterprises.find((e) => e.id === id)?.name) || id;

const UTC8 = 8 * 3_600_000;
/** An instant as local time in China (UTC+8), `YYYY-MM-DD HH:mm`; `—` for none. */
export const localTime = (iso) => (iso ? new Date(Date.parse(iso) + UTC8).toISOString().slice(0, 16).replace('T', ' ') : '—');
/** The local (UTC+8) calendar date of an instant, `YYYY-MM-DD`. */
export const localDate = (iso) => new Date(Date.parse(iso) + UTC8).toISOString().slice(0, 10);
/** The start of a local (UTC+8) date as an instant, in `toISOString()` form. */
export const startOfLocalDay = (date) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
/** Whole days from one `YYYY-MM-DD` to another. */
export const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** A free-text input as a LocalizedText (`zh-CN` is required by the chain; English too when the UI is English). */
export const textOf = (value) => ({ 'zh-CN': value, ...(lang() === 'en' ? { en: value } : {}) });
