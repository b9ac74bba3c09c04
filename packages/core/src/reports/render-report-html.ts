/**
 * A {@link PeriodicReport} as HTML: tables and SVG charts, one self-contained page that
 * prints on A4 (or an `<article>` fragment for a host page). Pure string building — no DOM,
 * no Node built-ins, every text escaped — so it runs on a server and in a browser alike.
 *
 * @module
 */
import type { Lang } from '../pack/types.js';
import type { PeriodicReport, ReportBreakdownRow } from './build-report.js';
import { domainWord, levelWord, percent, reportPeriodDays, reportTime, reportWord, sourceWord, type DomainLabels } from './report-labels.js';

/** Options of {@link renderReportHtml}. */
export interface RenderReportHtmlOptions {
  lang?: Lang;
  /**
   * The domains' names (`domainLabels(packs)` of the packs the host loaded): the report shows
   * 燃气 / Gas for `gas`. A domain without a name here shows as its code, marked
   * (`gas（无对应检查表）`) — so does every domain when this is left out.
   */
  domains?: DomainLabels;
  /** Only the `<article>` (styles included), for embedding in a page; default a whole document. */
  fragment?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const e = escapeHtml;
const COLORS = ['#1f5fa8', '#c8102e', '#e08a00', '#2e7d32', '#6a1b9a', '#00838f', '#5d4037', '#455a64'];

/** A horizontal bar chart (found and closed per row) as SVG. */
function barChart(title: string, rows: Array<{ label: string; a: number; b: number }>, legend: [string, string]): string {
  const shown = rows.slice(0, 12);
  const max = Math.max(1, ...shown.map((r) => Math.max(r.a, r.b)));
  const labelW = 150;
  const barW = 360;
  const rowH = 26;
  const h = 28 + shown.length * rowH;
  const bars = shown
    .map((r, i) => {
      const y = 24 + i * rowH;
      const wa = Math.round((r.a / max) * barW);
      const wb = Math.round((r.b / max) * barW);
      return (
        `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="12">${e(r.label)}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${wa}" height="10" fill="${COLORS[0]}"><title>${e(`${r.label} ${legend[0]} ${r.a}`)}</title></rect>` +
        `<rect x="${labelW}" y="${y + 13}" width="${wb}" height="8" fill="${COLORS[3]}"><title>${e(`${r.label} ${legend[1]} ${r.b}`)}</title></rect>` +
        `<text x="${labelW + Math.max(wa, wb) + 4}" y="${y + 12}" font-size="11">${r.a} / ${r.b}</text>`
      );
    })
    .join('');
  const key =
    `<rect x="${labelW}" y="6" width="10" height="10" fill="${COLORS[0]}"/><text x="${labelW + 14}" y="15" font-size="11">${e(legend[0])}</text>` +
    `<rect x="${labelW + 120}" y="6" width="10" height="10" fill="${COLORS[3]}"/><text x="${labelW + 134}" y="15" font-size="11">${e(legend[1])}</text>`;
  return `<svg class="chart" role="img" aria-label="${e(title)}" viewBox="0 0 ${labelW + barW + 80} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${e(title)}</title>${key}${bars}</svg>`;
}

/** The widest a day's slot in the daily chart gets (its column is 70% of it), in SVG units. */
const DAY_STEP_MAX = 40;

/** Columns per day (found) with a line (closed) as SVG. */
function dayChart(title: string, days: PeriodicReport['days'], legend: [string, string]): string {
  if (days.length === 0) return '';
  const w = 640;
  const h = 180;
  const pad = 30;
  const max = Math.max(1, ...days.map((d) => Math.max(d.found, d.closed)));
  // A day is at most DAY_STEP_MAX wide: a report of one or a few days is not stretched across the chart.
  const step = Math.min((w - 2 * pad) / days.length, DAY_STEP_MAX);
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  const cols = days
    .map(
      (d, i) =>
        `<rect x="${(pad + i * step + step * 0.15).toFixed(1)}" y="${y(d.found).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${(h - pad - y(d.found)).toFixed(1)}" fill="${COLORS[0]}"><title>${e(`${d.day} ${legend[0]} ${d.found}, ${legend[1]} ${d.closed}`)}</title></rect>`,
    )
    .join('');
  const line = days.map((d, i) => `${(pad + i * step + step / 2).toFixed(1)},${y(d.closed).toFixed(1)}`).join(' ');
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  return (
    `<svg class="chart" role="img" aria-label="${e(title)}" viewBox="0 0 ${w} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${e(title)}</title>` +
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#888"/>` +
    `<text x="${pad - 4}" y="${pad}" text-anchor="end" font-size="11">${max}</text><text x="${pad - 4}" y="${h - pad}" text-anchor="end" font-size="11">0</text>` +
    cols +
    `<polyline points="${line}" fill="none" stroke="${COLORS[3]}" stroke-width="2"/>` +
    `<text x="${pad}" y="${h - 8}" font-size="11">${e(first)}</text>${days.length > 1 ? `<text x="${(pad + days.length * step).toFixed(1)}" y="${h - 8}" text-anchor="end" font-size="11">${e(last)}</text>` : ''}` +
    `<rect x="${w - 200}" y="4" width="10" height="10" fill="${COLORS[0]}"/><text x="${w - 186}" y="13" font-size="11">${e(legend[0])}</text>` +
    `<rect x="${w - 110}" y="8" width="10" height="3" fill="${COLORS[3]}"/><text x="${w - 96}" y="13" font-size="11">${e(legend[1])}</text></svg>`
  );
}

function table(headers: string[], rows: Array<Array<string | number>>, numeric: boolean[] = []): string {
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${e(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
.anjian-report{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#111;max-width:190mm;margin:0 auto;line-height:1.5}
.anjian-report h1{font-size:1.5rem;text-align:center;margin:.5rem 0}
.anjian-report h2{font-size:1.1rem;border-bottom:2px solid #1f5fa8;margin-top:1.4rem}
.anjian-report .meta{text-align:center;color:#333;font-size:.9rem}
.anjian-report table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.4rem 0}
.anjian-report th,.anjian-report td{border:1px solid #999;padding:2px 6px;text-align:left}
.anjian-report td.n{text-align:right;font-variant-numeric:tabular-nums}
.anjian-report .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.4rem}
.anjian-report .kpi{border:1px solid #bbb;padding:.3rem .5rem}
.anjian-report .kpi b{display:block;font-size:1.3rem}
.anjian-report .note{font-size:.8rem;color:#444}
.anjian-report svg.chart{max-width:100%;height:auto}
@media print{.anjian-report{max-width:none}.anjian-report h2{break-after:avoid}.anjian-report table,.anjian-report svg{break-inside:avoid}}
@page{size:A4;margin:15mm}
`;

/** The report as HTML (a whole document unless `fragment`). */
export function renderReportHtml(report: PeriodicReport, options: RenderReportHtmlOptions = {}): string {
  const lang: Lang = options.lang ?? 'zh-CN';
  const w = (k: Parameters<typeof reportWord>[0]) => reportWord(k, lang);
  const d = (code: string) => domainWord(code, lang, options.domains);
  const title = lang === 'en' ? report.title.en : report.title['zh-CN'];
  const s = report.summary;
  const colon = lang === 'en' ? ': ' : '：';
  const kpi = (label: string, value: string) => `<div class="kpi">${e(label)}<b>${e(value)}</b></div>`;
  const legend: [string, string] = [w('found'), w('closed')];
  const breakdown = (rows: ReportBreakdownRow[], label: (k: string) => string, heading: string) =>
    table(
      [heading, w('found'), w('closed'), w('closedOnTime'), w('onTimeRate')],
      rows.map((r) => [label(r.key), r.found, r.closed, r.onTime, percent(r.closed === 0 ? 0 : r.onTime / r.closed)]),
      [false, true, true, true, true],
    );
  const parts: string[] = [];
  parts.push(`<h1>${e(title)}</h1>`);
  parts.push(
    `<p class="meta">${e(w('scope'))}${colon}${e(report.area ?? w('city'))}${report.domain === null ? '' : ` · ${e(w('domain'))}${colon}${e(d(report.domain))}`} · ${e(w('period'))}${colon}${e(report.period.label)} (${e(reportPeriodDays(report.period))}) · ${e(w('asOf'))}${colon}${e(reportTime(report.asOf))} · ${e(w('generatedAt'))}${colon}${e(reportTime(report.generatedAt))} (${e(w('chinaTime'))})</p>`,
  );
  parts.push(`<h2>${e(w('summary'))}</h2><div class="kpis">`);
  parts.push(
    kpi(w('found'), String(s.found)) +
      kpi(w('closureRate'), percent(s.closureRate)) +
      kpi(w('closed'), String(s.closed)) +
      kpi(w('onTimeRate'), percent(s.onTimeRate)) +
      kpi(w('overdue'), String(s.overdue)) +
      kpi(w('recurrent'), `${s.recurrent} (${s.recurrentEnterprises} ${w('recurrentEnterprises')})`) +
      kpi(w('inspections'), String(s.inspections)),
  );
  parts.push('</div>');
  parts.push(`<p class="note">${e(w('recurrenceNote').replace('{days}', String(report.recurrenceDays)))} ${e(w('onTimeNote'))}</p>`);
  parts.push(`<h2>${e(w('trend'))}</h2>${dayChart(w('trend'), report.days, legend)}`);
  parts.push(
    `<h2>${e(w('byLevel'))}</h2>${barChart(
      w('byLevel'),
      report.byLevel.map((r) => ({ label: levelWord(r.key, lang), a: r.found, b: r.closed })),
      legend,
    )}`,
  );
  parts.push(breakdown(report.byLevel, (k) => levelWord(k, lang), w('level')));
  parts.push(
    `<h2>${e(w('byDomain'))}</h2>${barChart(
      w('byDomain'),
      report.byDomain.map((r) => ({ label: d(r.key), a: r.found, b: r.closed })),
      legend,
    )}`,
  );
  parts.push(breakdown(report.byDomain, d, w('domain')));
  parts.push(
    `<h2>${e(w('bySource'))}</h2>${barChart(
      w('bySource'),
      report.bySource.map((r) => ({ label: sourceWord(r.key, lang), a: r.found, b: r.closed })),
      legend,
    )}`,
  );
  parts.push(breakdown(report.bySource, (k) => sourceWord(k, lang), w('source')));
  parts.push(`<h2>${e(w('inspectionsBySource'))}</h2>`);
  parts.push(
    table(
      [w('source'), w('count')],
      report.inspectionsBySource.map((r) => [sourceWord(r.key, lang), r.count]),
      [false, true],
    ),
  );
  parts.push(`<h2>${e(w('areas'))}</h2>`);
  parts.push(
    table(
      [w('rank'), w('area'), w('found'), w('closed'), w('onTimeRate'), w('overdue'), w('recurrent'), w('inspections')],
      report.areas.map((a) => [a.rank, a.area, a.found, a.closed, percent(a.onTimeRate), a.overdue, a.recurrent, a.inspections]),
      [true, false, true, true, true, true, true, true],
    ),
  );
  parts.push(`<h2>${e(w('enterprises'))}</h2>`);
  parts.push(
    table(
      [w('rank'), w('enterprise'), w('area'), w('found'), w('recurrent'), w('overdue')],
      report.enterprises.map((r) => [r.rank, r.enterpriseId, r.area, r.found, r.recurrent, r.overdue]),
      [true, false, false, true, true, true],
    ),
  );
  parts.push(`<h2>${e(w('overdueList'))}</h2><p class="note">${e(w('shownOf').replace('{n}', String(report.overdue.items.length)).replace('{total}', String(report.overdue.total)))}</p>`);
  parts.push(
    table(
      [w('hazard'), w('enterprise'), w('area'), w('domain'), w('level'), w('deadline'), w('reportedAt')],
      report.overdue.items.map((o) => [o.hazardId, o.enterpriseId, o.area, d(o.domain), levelWord(o.level, lang), reportTime(o.deadline), reportTime(o.createdAt)]),
    ),
  );
  parts.push(`<h2>${e(w('coverage'))}</h2>`);
  parts.push(
    report.coverage === null
      ? `<p class="note">${e(w('noCoverage'))}</p>`
      : table(
          [w('round'), w('due'), w('done'), w('overdue')],
          report.coverage.map((c) => [lang === 'en' ? (c.title.en ?? c.title['zh-CN']) : c.title['zh-CN'], c.due, c.done, c.overdue]),
          [false, true, true, true],
        ),
  );
  const article = `<article class="anjian-report" lang="${lang}"><style>${STYLE}</style>${parts.join('\n')}</article>`;
  if (options.fragment === true) return article;
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title></head><body>${article}</body></html>\n`;
}
