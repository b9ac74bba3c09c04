// The login page and sign-out: a user name and password form posted as JSON to /login (the
// server sets an HttpOnly session cookie), and POST /logout. The demo users and their
// password are printed by `pnpm demo` and listed in the README.
import { html, setHtml } from './html.js';
import { lang, loc, t } from './i18n.js';
import { app, readBody, session } from './shared.js';

/** Renders the login form into #app; on success goes to the user's home page. */
export function signInPage() {
  setHtml(
    app,
    html`<h1>${t('loginTitle')}</h1>
    <form id="login-form" class="card login" method="post" action="/login" novalidate>
      <label for="login-user">${t('userName')}</label>
      <input id="login-user" name="user" autocomplete="username" list="demo-user-list" required autofocus>
      <datalist id="demo-user-list">${session.demo.users.map((u) => html`<option value="${u.id}">${loc(u.name)}</option>`)}</datalist>
      <label for="login-password">${t('password')}</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit" id="login-submit">${t('login')}</button>
      <div id="login-error" role="alert"></div>
    </form>
    <p class="hint">${t('loginHint')}</p>`,
  );
  const form = app.querySelector('#login-form');
  // A form post without scripts comes back as #/login?error=401.
  if (/[?&]error=401\b/.test(location.hash)) setHtml(form.querySelector('#login-error'), html`<p class="message error" id="form-error" data-status="401">${t('errLoginFailed')}</p>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = form.querySelector('#login-error');
    const userId = form.elements.user.value.trim();
    const password = form.elements.password.value;
    if (!userId || !password) {
      setHtml(out, html`<p class="message error" id="form-error">${t('errLoginMissing')}</p>`);
      return;
    }
    let res;
    try {
      res = await fetch('/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'accept-language': lang() },
        body: JSON.stringify({ user: userId, password }),
      });
    } catch {
      setHtml(out, html`<p class="message error" id="form-error" data-status="0">${t('networkError')}</p>`);
      return;
    }
    const body = await readBody(res);
    if (!res.ok) {
      form.elements.password.value = '';
      setHtml(
        out,
        html`<p class="message error" id="form-error" data-status="${res.status}">${res.status === 429 ? t('errLoginRateLimited') : res.status === 401 ? t('errLoginFailed') : `${res.status} ${body?.title ?? ''}`}</p>`,
      );
      return;
    }
    session.me = body.user;
    const home = session.demo.users.find((u) => u.id === body.user.id)?.home ?? 'dashboard';
    // After a session that ended under the user, back to the page they were on (the same user only).
    const back = session.returnTo?.user === body.user.id && !session.returnTo.hash.startsWith('#/login') ? session.returnTo.hash : null;
    session.returnTo = null;
    const target = back || `#/${home}`;
    if (location.hash === target) session.route();
    else location.hash = target;
  });
}

/** Ends the session on the server, then shows the login page. */
export async function signOut() {
  await fetch('/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  session.me = null;
  if (location.hash === '#/login') session.route();
  else location.hash = '#/login';
}
