// The hazard page's documents (issue 15), under who issues them — 执法文书 of the officers, the grid
// inspector's 隐患整改通知书 apart (the server's issuedBy): one row per document the
// chain numbered with its events (GET /api/hazards/{id}/documents). A document is issued by
// the command of its act (the server composes it from the record and registers its hash);
// anyone who reads the hazard then has 预览 (the print-ready HTML in a new tab), 打印 (the
// same page printed from a hidden frame) and 下载 (the PDF). When issuing was refused at the
// command (the directory lacked a value), the row says 未出具 and the issuing roles get 出具
// (POST …/issue; the server lets only the officers the document names). Reading never issues.
// An issued document not yet delivered offers the officers 登记送达: the method, the recipient and
// when it was served as the officer saw it (POST …/service; the server checks who and when — not
// before the issue, not ahead of its clock; by post the date on the receipt). For 公告送达 the officer
// gives the day the notice was published instead, and the row then shows the day the server derived
// (视为送达, thirty days on). A 行政处罚告知书's service starts the party's periods.
// Everything printed comes from the server; this page only links to it.
import { html } from './html.js';
import { lang, punct } from './i18n.js';
import { api, localTime } from './shared.js';

const L = {
  'zh-CN': {
    title: '文书',
    enforcement: '执法文书',
    grid: '网格员整改通知',
    none: '尚无文书：文书在执法行为（由两名执法人员办理）或网格员下达整改通知时编号。',
    issue: '出具',
    preview: '预览',
    print: '打印',
    download: '下载 PDF',
    notIssued: '未出具（出具时被拒绝，补全信息后由署名人员出具）',
    code: '验证码',
    voided: '已作废',
    served: '已送达',
    signed: '已签收',
    refused: '拒签（有见证人）',
    issued: '已出具：{number}，验证码 {code}',
    serve: '登记送达',
    method: '送达方式',
    recipient: '受送达人',
    servedAt: '送达时间（北京时间，不填为现在）',
    servedAt_post: '回执上注明的收件日期（北京时间）',
    servedAt_electronic: '送达信息到达受送达人特定系统的时间（北京时间，必填）',
    servedAt_entrusted: '送达回证上的送达时间（北京时间，必填）',
    publishedOn: '公告发出日期（北京时间）',
    publishedHint: '自发出公告之日起经过三十日视为送达，送达日期由服务器计算',
    deemed: '公告于 {published} 发出，经过三十日，视为于 {at} 送达',
    direct: '直接送达',
    post: '邮寄送达',
    electronic: '电子送达',
    entrusted: '委托送达',
    public_notice: '公告送达',
  },
  en: {
    title: 'Documents',
    enforcement: 'Enforcement documents',
    grid: 'Grid inspector notices',
    none: 'No documents yet: a document is numbered when an enforcement act (by two officers) or a grid notice is recorded.',
    issue: 'Issue',
    preview: 'Preview',
    print: 'Print',
    download: 'Download PDF',
    notIssued: 'not issued (refused at the act; an officer it names issues it once the data is complete)',
    code: 'code',
    voided: 'voided',
    served: 'served',
    signed: 'signed for',
    refused: 'refused (witnessed)',
    issued: 'Issued: {number}, code {code}',
    serve: 'Record service',
    method: 'Method',
    recipient: 'Recipient',
    servedAt: 'Served at (China time; empty: now)',
    servedAt_post: 'Date of receipt on the postal receipt (China time)',
    servedAt_electronic: 'Reached the recipient’s designated system at (China time; required)',
    servedAt_entrusted: 'Served at, as on the proof of service (China time; required)',
    publishedOn: 'Notice published on (China time)',
    publishedHint: 'deemed served once thirty days have passed since publication; the server derives the date',
    deemed: 'published {published}; deemed served {at}, thirty days on',
    direct: 'in person',
    post: 'by post',
    electronic: 'electronically',
    entrusted: 'through another authority',
    public_notice: 'by public notice',
  },
};
const tr = (key, vars = {}) => (L[lang()] ?? L['zh-CN'])[key].replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

const KINDS = {
  inspection_record: ['现场检查记录', 'Inspection record'],
  rectification_notice: ['隐患整改通知书', 'Rectification notice'],
  rectification_order: ['责令限期整改指令书', 'Rectification order'],
  review_opinion: ['整改复查意见书', 'Review opinion'],
  case_filing_approval: ['立案审批表', 'Case filing approval'],
  stop_work_order: ['现场处理措施决定书', 'On-site measures decision'],
  supervision_listing_notice: ['重大事故隐患挂牌督办通知书', 'Supervision listing notice'],
  major_hazard_writeoff_approval: ['重大事故隐患销号审批表', 'Major hazard write-off approval'],
  penalty_notice: ['行政处罚告知书', 'Notice of intended penalty'],
  penalty_decision: ['行政处罚决定书', 'Penalty decision'],
};
/** A document kind's name in the UI language (the kind itself for one this page does not know). */
export const kindName = (kind) => (KINDS[kind] ? KINDS[kind][lang() === 'en' ? 1 : 0] : kind);

/** The service methods (送达方式) the server accepts, in its order. */
const SERVICE_METHODS = ['direct', 'post', 'electronic', 'entrusted', 'public_notice'];
/** What the served-at of `method` is (its label): the receipt's date for post; a public notice records its publication day instead. */
const servedAtLabel = (method) => tr(`servedAt_${method}` in L['zh-CN'] ? `servedAt_${method}` : 'servedAt');
/** The methods whose served-at the officer must enter (the server refuses it missing): only a direct delivery is "now". */
const SERVED_AT_REQUIRED = ['post', 'electronic', 'entrusted'];

/** The delivery of a document in words: 已送达, or for a public notice the day published and the day the server derived. */
const servedWords = (served) =>
  served.publishedOn
    ? html`${tr('served')}${punct().open}<span data-deemed>${tr('deemed', { published: served.publishedOn, at: localTime(served.servedAt).slice(0, 10) })}</span>${punct().close}`
    : tr('served');

/** Roles that issue documents and so may complete a refused issue. */
const ISSUING_ROLES = ['enforcement', 'grid'];

/** The URL of a document as HTML or PDF. */
export const documentUrl = (hazardId, doc, format = 'html') =>
  `/api/hazards/${encodeURIComponent(hazardId)}/documents/${encodeURIComponent(doc.kind)}?event=${encodeURIComponent(doc.eventId)}${format === 'pdf' ? '&format=pdf' : ''}`;

/** The section: `items` from GET /documents (or null when the server has no documents). */
export function documentsSection(hazardId, items, roles) {
  if (items === null) return '';
  const issuer = roles.some((r) => ISSUING_ROLES.includes(r));
  const rows = items.map((d, i) => {
    const issued = d.verificationCode !== null;
    const state = d.voided
      ? html`<span class="badge" data-doc-state="voided">${tr('voided')}</span>`
      : issued
        ? html`${tr('code')} <code>${d.verificationCode}</code>`
        : html`<span data-doc-state="not-issued">${tr('notIssued')}</span>`;
    const receipt = d.service?.receipt ? tr(d.service.receipt.type === 'signed' ? 'signed' : 'refused') : d.service?.served ? servedWords(d.service.served) : '';
    const buttons = [];
    if (!issued && issuer && !d.voided) buttons.push(html`<button type="button" data-doc-issue="${i}" id="doc-issue-${i}">${tr('issue')}</button>`);
    if (issued) {
      buttons.push(html`<a class="button" href="${documentUrl(hazardId, d)}" target="_blank" rel="noopener" id="doc-preview-${i}">${tr('preview')}</a>`);
      buttons.push(html`<button type="button" data-doc-print="${i}" id="doc-print-${i}">${tr('print')}</button>`);
      buttons.push(html`<a class="button" href="${documentUrl(hazardId, d, 'pdf')}" download="${d.kind}-${d.year}-${d.seq}.pdf" id="doc-download-${i}">${tr('download')}</a>`);
    }
    // Not yet delivered: the officers record how and when (the server lets only those the document names).
    const serve =
      issued && issuer && !d.voided && !d.service?.served
        ? html` <span class="doc-serve" id="doc-serve-${i}"><label class="inline-field">${tr('method')} <select id="doc-serve-method-${i}" data-pointer="/method">${SERVICE_METHODS.map((m) => html`<option value="${m}">${tr(m)}</option>`)}</select></label>
          <label class="inline-field">${tr('recipient')} <input id="doc-serve-recipient-${i}" data-pointer="/recipient"></label>
          <label class="inline-field" id="doc-serve-at-field-${i}"><span id="doc-serve-at-label-${i}">${servedAtLabel(SERVICE_METHODS[0])}</span> <input type="datetime-local" id="doc-serve-at-${i}" data-pointer="/servedAt"></label>
          <label class="inline-field" id="doc-serve-published-field-${i}" hidden>${tr('publishedOn')} <input type="date" id="doc-serve-published-${i}" data-pointer="/publishedOn"> <span class="hint">${tr('publishedHint')}</span></label>
          <button type="button" data-doc-serve="${i}" id="doc-serve-button-${i}">${tr('serve')}</button></span>`
        : '';
    return {
      issuedBy: d.issuedBy,
      row: html`<li data-doc-kind="${d.kind}" data-doc-number="${d.number}"><b>${kindName(d.kind)}</b> ${d.number} · ${localTime(d.issuedAt)} · ${state}${receipt ? html` · ${receipt}` : ''}${buttons.length ? html` <span class="doc-actions">${buttons}</span>` : ''}${serve}</li>`,
    };
  });
  // Under the heading of who issues them (the server's issuedBy): a grid inspector's notice is no enforcement document.
  const groups = ['enforcement', 'grid'].map((by) => ({ by, rows: rows.filter((r) => (r.issuedBy === 'grid' ? 'grid' : 'enforcement') === by).map((r) => r.row) })).filter((g) => g.rows.length);
  return html`<section id="documents" aria-labelledby="documents-h"><h2 id="documents-h">${tr('title')}</h2>
    <div id="documents-result" role="status" aria-live="polite"></div>
    ${
      items.length
        ? html`<div id="documents-list">${groups.map((g) => html`<h3 data-doc-group="${g.by}">${tr(g.by)}</h3><ul data-issued-by="${g.by}">${g.rows}</ul>`)}</div>`
        : html`<p class="hint" id="documents-none">${tr('none')}</p>`
    }</section>`;
}

/** Wires the section's buttons; `reload` renders the hazard page again. */
export function wireDocuments(root, hazardId, items, reload) {
  if (!items) return;
  const result = root.querySelector('#documents-result');
  root.querySelectorAll('[data-doc-issue]').forEach((b) =>
    b.addEventListener('click', async () => {
      const d = items[Number(b.dataset.docIssue)];
      b.disabled = true;
      const res = await api(`/hazards/${encodeURIComponent(hazardId)}/documents/${encodeURIComponent(d.kind)}/${d.year}-${d.seq}/issue`, { method: 'POST' });
      if (!res.ok) {
        result.replaceChildren(
          Object.assign(document.createElement('p'), { className: 'message error', id: 'documents-error', textContent: res.body?.detail ?? res.body?.title ?? String(res.status) }),
        );
        b.disabled = false;
        return;
      }
      await reload();
      root
        .querySelector('#documents-result')
        ?.append(
          Object.assign(document.createElement('p'), { className: 'message ok', id: 'documents-done', textContent: tr('issued', { number: res.body.number, code: res.body.verificationCode }) }),
        );
    }),
  );
  // The method decides what the officer records: the served-at (labelled for the method), or for a public notice the day it was published.
  root.querySelectorAll('select[id^="doc-serve-method-"]').forEach((select) =>
    select.addEventListener('change', () => {
      const i = select.id.slice('doc-serve-method-'.length);
      const published = select.value === 'public_notice';
      root.querySelector(`#doc-serve-at-field-${i}`).hidden = published;
      root.querySelector(`#doc-serve-published-field-${i}`).hidden = !published;
      root.querySelector(`#doc-serve-at-label-${i}`).textContent = servedAtLabel(select.value);
      root.querySelector(`#doc-serve-at-${i}`).required = SERVED_AT_REQUIRED.includes(select.value);
    }),
  );
  root.querySelectorAll('[data-doc-serve]').forEach((b) =>
    b.addEventListener('click', async () => {
      const i = b.dataset.docServe;
      const d = items[Number(i)];
      const method = root.querySelector(`#doc-serve-method-${i}`).value;
      const at = root.querySelector(`#doc-serve-at-${i}`).value;
      const publishedOn = root.querySelector(`#doc-serve-published-${i}`).value;
      const body = {
        method,
        recipient: root.querySelector(`#doc-serve-recipient-${i}`).value,
        // A public notice: the day it was published (the server derives when it counts as served). Otherwise the officer's
        // China-time reading, as an instant with its offset (the server bounds it; required but for a direct delivery).
        ...(method === 'public_notice' ? (publishedOn ? { publishedOn } : {}) : at ? { servedAt: `${at.length === 16 ? `${at}:00` : at}+08:00` } : {}),
      };
      b.disabled = true;
      const res = await api(`/hazards/${encodeURIComponent(hazardId)}/documents/${encodeURIComponent(d.kind)}/${d.year}-${d.seq}/service`, { method: 'POST', body });
      if (!res.ok) {
        const pointers = (res.body?.issues ?? []).map((x) => x.pointer).filter(Boolean);
        for (const f of root.querySelectorAll(`#doc-serve-${i} [data-pointer]`)) {
          if (pointers.includes(f.dataset.pointer)) f.setAttribute('aria-invalid', 'true');
          else f.removeAttribute('aria-invalid');
        }
        result.replaceChildren(
          Object.assign(document.createElement('p'), { className: 'message error', id: 'documents-error', textContent: res.body?.detail ?? res.body?.title ?? String(res.status) }),
        );
        b.disabled = false;
        return;
      }
      await reload();
    }),
  );
  root.querySelectorAll('[data-doc-print]').forEach((b) =>
    b.addEventListener('click', () => {
      const d = items[Number(b.dataset.docPrint)];
      // A hidden frame of the same origin (the document's sandbox allows same-origin, never scripts).
      root.querySelector('#doc-print-frame')?.remove();
      const frame = Object.assign(document.createElement('iframe'), { id: 'doc-print-frame', title: tr('print'), src: documentUrl(hazardId, d) });
      frame.style.cssText = 'position:absolute;width:0;height:0;border:0;';
      frame.addEventListener('load', () => {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
        frame.dataset.printed = '1';
      });
      root.append(frame);
    }),
  );
}

/** The hazard's documents, or null when the server issues none (404 DOCUMENTS_NOT_CONFIGURED) or refuses; `signal` is the navigation's. */
export async function loadDocuments(hazardId, signal) {
  const r = await api(`/hazards/${encodeURIComponent(hazardId)}/documents`, { signal });
  return r.ok ? r.body.items : null;
}
