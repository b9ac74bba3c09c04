import type { HazardFinding, Lang, ResolvedCitation } from '@anjian/core';
import type { ClassifyEntry } from '../classify-inspections.js';
import { localize } from '../lang.js';
import { CONFIDENCE_NAMES, deadlineText, LEVEL_NAMES, OUTCOME_NAMES } from './classification-labels.js';
import { issueBlock, type Paint } from './issue-block.js';
import { stripControl } from './strip-control.js';

const LEVEL_COLOR = { major: '31', general: '33', simple: '36' } as const;

/**
 * One classified inspection for people: a header (pack id@version, premises, subject,
 * inspection time), each hazard most severe first — level in both forms, 疑似/provisional
 * marker, title, the explanation in both languages, basis (number, edition, clause,
 * confidence; superseded editions marked), rectification and deadline — then the item
 * outcome counts. A file with errors shows its located issues instead.
 *
 * @example
 * ```text
 * 1. 重大事故隐患 / major  DEMO-001-H1 (item DEMO-001)  LPG used below ground
 *    why: LPG used below ground. Gas used: Bottled LPG; …
 *         在地下或半地下使用液化石油气。使用的燃气种类：瓶装液化石油气；…
 *    basis: 建城规〔2023〕4号 (2023), clause 第九条 — verified
 * ```
 */
export function classificationPretty(entry: ClassifyEntry, lang: Lang, paint: Paint, lines: (file: string) => readonly string[] | undefined): string {
  const en = lang === 'en';
  const out: string[] = [];
  const c = entry.classification;
  const s = (text: string | undefined) => stripControl(text ?? '');
  out.push(paint('1', `${s(entry.file)}`));
  for (const issue of entry.issues) out.push(issueBlock(issue, lang, paint, lines));
  if (c === null) return out.join('\n');
  const subject = entry.inspection?.subject;
  const head: [string, string][] = [
    [en ? 'pack' : '检查表', `${c.pack.id}@${c.pack.version}`],
    [en ? 'premises' : '场所类型', c.premises === undefined ? (en ? '(not given)' : '（未填写）') : entry.premisesLabel ? localize(entry.premisesLabel, lang) : c.premises],
    [en ? 'subject' : '检查对象', [subject?.name, subject?.address].filter((v) => typeof v === 'string' && v !== '').join(', ') || (en ? '(not given)' : '（未填写）')],
    [en ? 'inspected at' : '检查时间', c.inspectedAt === undefined ? (en ? '(not given)' : '（未填写）') : chinaTime(c.inspectedAt, en)],
  ];
  if (c.asOf !== undefined) head.push([en ? 'law as of' : '适用法规日期', en ? `${c.asOf} (the editions in force that day)` : `${c.asOf}（按当日施行的版本）`]);
  for (const [label, value] of head) out.push(`  ${label}${en ? ': ' : '：'}${s(value)}`);
  out.push('');
  const { hazards, summary } = c;
  if (hazards.length === 0) {
    out.push(paint('32', en ? '  No hazard found.' : '  未发现隐患。'));
  } else {
    const counts = (['major', 'general', 'simple'] as const).filter((l) => summary.hazards[l] > 0);
    out.push(
      en
        ? `  ${hazards.length} ${hazards.length === 1 ? 'hazard' : 'hazards'}: ${counts.map((l) => `${summary.hazards[l]} ${l}`).join(', ')}${summary.provisional > 0 ? ` (${summary.provisional} provisional)` : ''}`
        : `  发现隐患 ${hazards.length} 项：${counts.map((l) => `${LEVEL_NAMES[l].split(' / ')[0]} ${summary.hazards[l]} 项`).join('，')}${summary.provisional > 0 ? `（其中疑似 ${summary.provisional} 项）` : ''}`,
    );
    hazards.forEach((h, i) => out.push('', hazardBlock(h, i + 1, lang, paint)));
  }
  out.push('');
  const outcomes = (['hazard', 'pass', 'not_applicable', 'not_checked'] as const).map((o) => `${summary.items[o]} ${OUTCOME_NAMES[o][lang]}`);
  out.push(`  ${en ? 'items' : '检查项'}${en ? ': ' : '：'}${outcomes.join(' · ')}`);
  for (const item of c.items.filter((i) => i.outcome === 'not_checked')) {
    const missing = item.missing?.length ? (en ? ` (missing: ${item.missing.join(', ')})` : `（缺少：${item.missing.join('、')}）`) : '';
    out.push(`    ${s(item.item)} ${OUTCOME_NAMES.not_checked[lang]}${s(missing)}`);
  }
  return out.join('\n');
}

/**
 * An inspection time as people in China read it: `2026-11-20 10:00 (China time)` /
 * `2026-11-20 10:00（北京时间）`, whatever offset it was recorded with; seconds only when not
 * zero. A text that is not a date-time is shown as recorded.
 */
function chinaTime(iso: string, en: boolean): string {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return iso;
  const parts = Object.fromEntries(CHINA_TIME.formatToParts(ms).map((p) => [p.type, p.value]));
  const seconds = parts['second'] === '00' ? '' : `:${parts['second']}`;
  const text = `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}${seconds}`;
  return en ? `${text} (China time)` : `${text}（北京时间）`;
}

const CHINA_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function hazardBlock(h: HazardFinding, n: number, lang: Lang, paint: Paint): string {
  const en = lang === 'en';
  const s = (text: string | undefined) => stripControl(text ?? '');
  const other: Lang = en ? 'zh-CN' : 'en';
  const label = (zh: string, english: string) => (en ? `${english}: ` : `${zh}：`).padEnd(en ? 13 : 0);
  const pad = ' '.repeat(String(n).length + 4);
  const where = h.item ? (en ? ` (item ${h.item})` : `（检查项 ${h.item}）`) : en ? ' (composite)' : '（综合判定）';
  const provisional = h.provisional ? `  ${paint('35', '疑似 / provisional')}` : '';
  const out = [`  ${n}. ${paint(LEVEL_COLOR[h.level], LEVEL_NAMES[h.level])}${provisional}  ${paint('1', s(h.rule))}${s(where)}  ${s(localize(h.title, lang))}`];
  out.push(`${pad}${label('说明', 'why')}${s(h.explanation[lang] ?? h.explanation.en)}`);
  const second = h.explanation[other];
  if (second) out.push(`${pad}${' '.repeat(en ? 13 : 6)}${s(second)}`);
  if (h.elements?.length) out.push(`${pad}${label('构成', 'elements')}${s(h.elements.join(', '))}`);
  h.basis.forEach((citation, i) => out.push(`${pad}${i === 0 ? label('依据', 'basis') : ' '.repeat(en ? 13 : 6)}${s(citationText(citation, lang))}`));
  if (h.basis.length === 0) out.push(`${pad}${label('依据', 'basis')}${en ? '(none cited)' : '（未引用）'}`);
  if (h.rectification) out.push(`${pad}${label('整改', 'rectify')}${s(localize(h.rectification, lang))}`);
  out.push(`${pad}${label('期限', 'deadline')}${deadlineText(h.deadline, lang)}`);
  return out.join('\n');
}

function citationText(c: ResolvedCitation, lang: Lang): string {
  const en = lang === 'en';
  const title = localize(c.title, lang);
  let superseded = c.status === 'superseded' ? (en ? ' [superseded edition / 已被替代]' : ' 【已被替代的版本 / superseded】') : '';
  if (c.inForce === false && c.withdrawn !== undefined) {
    const next = c.replacedBy ? (en ? `; in force: ${c.replacedBy.number}` : `；施行中：${c.replacedBy.number}`) : '';
    superseded = en ? ` [withdrawn ${c.withdrawn}${next}]` : ` 【${c.withdrawn} 废止${next}】`;
  } else if (c.inForce === false) {
    superseded = en ? ` [not yet in force${c.effective ? ` until ${c.effective}` : ''}]` : ` 【尚未施行${c.effective ? `（${c.effective} 起施行）` : ''}】`;
  }
  const confidence = CONFIDENCE_NAMES[c.confidence][lang];
  const clause = c.clause === '—' ? (en ? 'clause not yet encoded' : '条款尚未编入') : en ? `clause ${c.clause}` : `条款 ${c.clause}`;
  return en ? `${c.number} ${title} (edition ${c.edition}), ${clause} — ${confidence}${superseded}` : `${c.number}《${title}》（${c.edition} 版）${clause} — ${confidence}${superseded}`;
}
