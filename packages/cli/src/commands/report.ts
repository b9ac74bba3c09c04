import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPeriodicReport, domainLabels, renderReportHtml, reportPeriodOf, reportSheets, ReportError, REPORT_KINDS, type ReportKind } from '@anjian/core/internal';
import type { Command } from '../command.js';
import { LANGS } from '../lang.js';
import { loadPackSet } from '../load-pack-set.js';
import { openReportModel } from '../report/open-report-model.js';
import { sheetsXlsx } from '../report/sheets-xlsx.js';
import { UsageError } from '../usage-error.js';

const NAME = 'report';
const PERIOD_OPTION: Record<ReportKind, 'week' | 'month' | 'quarter'> = { weekly: 'week', monthly: 'month', quarterly: 'quarter' };

/**
 * `anjian report weekly|monthly|quarterly --week 2026-W48 | --month 2026-11 | --quarter 2026-Q4
 * [--area D1] [--domain gas] [--packs <folder>] [--format html|xlsx|json] [--output file] --store sqlite:<file>|postgres:<url>`:
 * the weekly analysis (周研判), monthly bulletin (月通报) or quarterly assessment (季度考核) of a
 * store — hazards found and closed by level, domain and source, closure and on-time rates,
 * overdue hazards, areas and enterprises ranked, recurrence — built by core from the store's
 * report read model. The domains are named from the packs under `--packs` (燃气 for `gas`);
 * a domain without a pack there shows as its code, marked. Exit 0; 2 on a usage error (bad
 * period, unknown area, no such store, no pack under `--packs`).
 *
 * @example
 * ```sh
 * anjian report monthly --month 2026-11 --store sqlite:.data/anjian.db --packs checklists --format xlsx --output 2026-11.xlsx
 * ```
 */
export const reportCommand: Command = {
  name: NAME,
  summary: { 'zh-CN': '生成周研判、月通报或季度考核报表（HTML、Excel 或 JSON）', en: 'Generate the weekly analysis, monthly bulletin or quarterly assessment (HTML, Excel or JSON)' },
  usage: 'anjian report weekly|monthly|quarterly (--week 2026-W48 | --month 2026-11 | --quarter 2026-Q4) --store sqlite:<file>|postgres:<url> [options]',
  details: {
    'zh-CN':
      '按期间（中国标准时间）统计：发现与整改隐患（按等级、领域、来源）、整改率与按期整改率、逾期隐患、区域与企业排名、重复发生。--area 限定区域（含下级区域），--domain 限定领域。领域名称取自 --packs 下的检查表（gas 显示为 燃气）；没有对应检查表的领域显示代码并加注。期间省略时取 --now（默认当前时间）所在的周/月/季。xlsx 须用 --output 写入文件。',
    en: 'Per period (China Standard Time): hazards found and closed by level, domain and source; closure and on-time rates; overdue hazards; areas and enterprises ranked; recurrence. --area narrows to an area and its sub-areas, --domain to one domain. Domains are named from the packs under --packs (gas shows as 燃气 / Gas); a domain without a pack there shows as its code, marked. Without a period, the week/month/quarter holding --now (default: now). xlsx needs --output.',
  },
  positionals: true,
  options: {
    week: { type: 'string', valueName: 'YYYY-Www', description: { 'zh-CN': '周（weekly）', en: 'the ISO week (weekly)' } },
    month: { type: 'string', valueName: 'YYYY-MM', description: { 'zh-CN': '月份（monthly）', en: 'the month (monthly)' } },
    quarter: { type: 'string', valueName: 'YYYY-Qn', description: { 'zh-CN': '季度（quarterly）', en: 'the quarter (quarterly)' } },
    area: { type: 'string', valueName: 'AREA', description: { 'zh-CN': '区域代码，如 D1 或 D1/G3', en: 'area code, e.g. D1 or D1/G3' } },
    domain: { type: 'string', valueName: 'DOMAIN', description: { 'zh-CN': '领域，如 gas', en: 'domain, e.g. gas' } },
    packs: { type: 'string', valueName: 'FOLDER', description: { 'zh-CN': '检查表文件夹，报表按其中的领域名称显示领域', en: 'a folder of packs; the report names the domains as they do' } },
    store: { type: 'string', valueName: 'sqlite:FILE|postgres:URL', description: { 'zh-CN': '数据所在的存储', en: 'the store holding the data' } },
    schema: { type: 'string', valueName: 'NAME', description: { 'zh-CN': 'PostgreSQL 模式名（默认 anjian）', en: 'PostgreSQL schema (default anjian)' } },
    format: { type: 'string', short: 'f', choices: ['html', 'xlsx', 'json'], valueName: 'FORMAT', description: { 'zh-CN': '输出格式（默认 html）', en: 'output format (default html)' } },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: { 'zh-CN': '写入文件（xlsx 必填）', en: 'write to a file (required for xlsx)' } },
    now: { type: 'string', valueName: 'INSTANT', description: { 'zh-CN': '统计时刻（ISO，默认当前时间）', en: 'the instant reported at (ISO, default now)' } },
    'recurrence-days': { type: 'string', valueName: 'N', description: { 'zh-CN': '重复发生的天数窗口（默认 30）', en: 'recurrence window in days (default 30)' } },
    limit: { type: 'string', valueName: 'N', description: { 'zh-CN': '排名与逾期清单条数（默认 20）', en: 'rows of the rankings and the overdue list (default 20)' } },
    lang: { type: 'string', choices: LANGS, valueName: 'LANG', description: { 'zh-CN': '报表语言', en: 'language of the report' } },
  },
  async run({ values, positionals }, { io, lang }) {
    const [kindText, ...extra] = positionals;
    if (!REPORT_KINDS.includes(kindText as ReportKind) || extra.length > 0) {
      throw new UsageError({ 'zh-CN': '用法：anjian report weekly|monthly|quarterly …', en: 'usage: anjian report weekly|monthly|quarterly …' }, NAME);
    }
    const kind = kindText as ReportKind;
    const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
    for (const [other, option] of Object.entries(PERIOD_OPTION)) {
      if (other !== kind && str(option) !== undefined) throw new UsageError({ 'zh-CN': `--${option} 只用于 ${other} 报表`, en: `--${option} belongs to the ${other} report` }, NAME);
    }
    const nowText = str('now') ?? new Date().toISOString();
    const nowMs = Date.parse(nowText);
    if (Number.isNaN(nowMs)) throw new UsageError({ 'zh-CN': `--now 不是时间：${nowText}`, en: `--now is not an instant: ${nowText}` }, NAME);
    const now = new Date(nowMs).toISOString();
    const int = (k: string, fallback: number) => {
      const t = str(k);
      if (t === undefined) return fallback;
      if (!/^\d+$/.test(t)) throw new UsageError({ 'zh-CN': `--${k} 应为正整数，实际为 ${t}`, en: `--${k} must be a positive integer, got ${t}` }, NAME);
      return Number(t);
    };
    const format = str('format') ?? 'html';
    const output = str('output');
    if (format === 'xlsx' && output === undefined) {
      throw new UsageError({ 'zh-CN': 'xlsx 是二进制文件，请用 --output <文件> 指定写到哪里', en: 'xlsx is a binary file; say where to write it with --output <file>' }, NAME);
    }
    const period = str(PERIOD_OPTION[kind]) ?? reportPeriodOf(kind, now).label;
    const recurrenceDays = int('recurrence-days', 30);
    const limit = int('limit', 20);
    // The domains' names come from the packs; a pack that does not load names nothing (its
    // domain then shows as its code, marked) and is reported here.
    const packsDir = str('packs');
    const packSet = packsDir === undefined ? undefined : await loadPackSet(packsDir, io.cwd, NAME);
    for (const issue of packSet?.issues ?? []) io.stderr.write(`${issue.file ?? packsDir}: ${issue.message[lang === 'en' ? 'en' : 'zh-CN']}\n`);
    const domains = domainLabels(packSet?.packs ?? []);
    const opened = await openReportModel(str('store'), str('schema'), io.cwd, NAME);
    let report;
    try {
      // A store with nothing in it would print a clean city: say so instead.
      if ((await opened.model.areas()).length === 0) {
        throw new UsageError({ 'zh-CN': `${opened.label} 中没有任何隐患或检查记录`, en: `${opened.label} holds no hazards and no inspections` }, NAME);
      }
      const area = str('area');
      const domain = str('domain');
      report = await buildPeriodicReport(opened.model, { kind, period, now, recurrenceDays, limit, ...(area === undefined ? {} : { area }), ...(domain === undefined ? {} : { domain }) });
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.messages, NAME);
      throw error;
    } finally {
      await opened.close();
    }
    const body =
      format === 'xlsx'
        ? await sheetsXlsx(reportSheets(report, lang, { domains }), 'anjian report', new Date(nowMs))
        : format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : renderReportHtml(report, { lang, domains });
    if (output === undefined) {
      io.stdout.write(body as string);
      return 0;
    }
    try {
      writeFileSync(resolve(io.cwd, output), body);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new UsageError({ 'zh-CN': `无法写入 ${output}：${why}`, en: `cannot write ${output}: ${why}` }, NAME);
    }
    const s = report.summary;
    io.stderr.write(
      lang === 'en'
        ? `wrote ${report.title.en} of ${opened.label} to ${output}: ${s.found} found, ${s.closed} closed, ${s.overdue} overdue\n`
        : `已写入 ${output}：${report.title['zh-CN']}（${opened.label}），发现 ${s.found}，整改 ${s.closed}，逾期 ${s.overdue}\n`,
    );
    return 0;
  },
};
