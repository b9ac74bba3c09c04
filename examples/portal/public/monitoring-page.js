// Monitoring and early warning (#/monitoring?enterprise=E1): the open device warnings, then
// each enterprise's devices with their live state and last message time. Everything comes
// from the portal's GET /monitoring (core's device registry; who may see which enterprise is
// core's read policy). Device ids, locations and warning texts are data: escaped by `html`.
import { html, setHtml } from './html.js';
import { loc, t } from './i18n.js';
import { app, entNameOr, getJson, levelCell, localTime } from './shared.js';

/** A hash link to the monitoring page (of one enterprise when given). */
export const monitoringHref = (enterpriseId) => (enterpriseId ? `#/monitoring?enterprise=${encodeURIComponent(enterpriseId)}` : '#/monitoring');

/** The state flags a device reported, as words; `—` before its first message. */
function stateText(d) {
  if (!d.state || d.lastMessageAt === null) return html`<span class="hint">${t('devNeverHeard')}</span>`;
  const flags = ['alarm', 'fault', 'batteryLow', 'disabled'].filter((f) => d.state[f]);
  const reading = d.state.reading === null ? '' : html` <span data-reading>${d.state.reading}${d.unit ? ` ${d.unit}` : ''}</span>`;
  if (!flags.length) return html`<span data-state="ok">${t('devOk')}</span>${reading}`;
  return html`${flags.map((f) => html`<span class="badge level-major" data-state="${f}">${t(`dev_${f}`)}</span> `)}${reading}`;
}

/** `nameOf(id)`: an enterprise's name as the answer gives it (the API's directory), in the UI language for the demo's own. */
const warningsTable = (warnings, nameOf) =>
  warnings.length
    ? html`<div class="table-wrap"><table id="warnings" class="cards" data-count="${warnings.length}"><caption class="sr-only">${t('openWarnings')}</caption>
      <tr><th scope="col">${t('level')}</th><th scope="col">${t('enterpriseCol')}</th><th scope="col">${t('device')}</th><th scope="col">${t('devCondition')}</th><th scope="col">${t('devOpenedAt')}</th><th scope="col" class="num">${t('devMessages')}</th></tr>
      ${warnings.map(
        (w) => html`<tr data-warning="${w.key}"><td data-label="${t('level')}">${levelCell(w)}${w.escalated ? html` <span class="badge">${t('devRecurring')}</span>` : ''}</td>
        <td data-label="${t('enterpriseCol')}">${nameOf(w.enterpriseId)}</td><td data-label="${t('device')}">${w.deviceId}</td><td data-label="${t('devCondition')}">${loc(w.title)}</td>
        <td data-label="${t('devOpenedAt')}">${localTime(w.openedAt)}</td><td data-label="${t('devMessages')}" class="num">${w.messages}</td></tr>`,
      )}</table></div>`
    : html`<p id="warnings" data-count="0">${t('noOpenWarnings')}</p>`;

const devicesTable = (e) =>
  e.devices.length
    ? html`<div class="table-wrap"><table class="cards devices" data-enterprise="${e.id}" data-count="${e.devices.length}"><caption class="sr-only">${t('devicesOf', { name: entNameOr(e.id, e.name) })}</caption>
      <tr><th scope="col">${t('device')}</th><th scope="col">${t('devKind')}</th><th scope="col">${t('devLocation')}</th><th scope="col">${t('devState')}</th><th scope="col">${t('devLastMessage')}</th></tr>
      ${e.devices.map(
        (d) => html`<tr data-device="${d.id}"><td data-label="${t('device')}">${d.id}</td><td data-label="${t('devKind')}">${t(`devKind_${d.kind}`)}</td>
        <td data-label="${t('devLocation')}">${d.location}${d.place?.listed ? html` <span class="badge">${t('devListedPlace')}</span>` : ''}</td>
        <td data-label="${t('devState')}">${stateText(d)}</td><td data-label="${t('devLastMessage')}" data-last>${localTime(d.lastMessageAt)}</td></tr>`,
      )}</table></div>`
    : html`<p class="devices" data-enterprise="${e.id}" data-count="0">${t('noDevices')}</p>`;

/** The page: open warnings first (what needs attention), then the devices by enterprise; `signal` is the navigation's. */
export async function monitoringPage(query, signal) {
  const enterprise = query.get('enterprise');
  setHtml(app, html`<h1>${t('nav_monitoring')}</h1><p class="hint" aria-busy="true">${t('loading')}</p>`);
  const { ok, body } = await getJson(`/monitoring${enterprise ? `?enterprise=${encodeURIComponent(enterprise)}` : ''}`, signal);
  if (!ok) {
    setHtml(app, html`<h1>${t('nav_monitoring')}</h1><p class="message error" id="monitoring-error">${body?.detail || body?.title || t('requestFailed')}</p>`);
    return;
  }
  setHtml(
    app,
    html`<h1>${enterprise ? t('devicesOf', { name: entNameOr(enterprise, body.enterprises[0]?.name) }) : t('nav_monitoring')}</h1>
    <p><button type="button" id="monitoring-refresh">${t('refresh')}</button></p>
    <h2>${t('openWarnings')}</h2>${warningsTable(body.warnings, (id) => entNameOr(id, body.enterprises.find((e) => e.id === id)?.name))}
    ${body.enterprises.map((e) => html`<h2>${enterprise ? t('devices') : html`<a href="${monitoringHref(e.id)}">${entNameOr(e.id, e.name)}</a>`}</h2>${devicesTable(e)}`)}`,
  );
  app.querySelector('#monitoring-refresh').addEventListener('click', () => monitoringPage(query, signal));
}
