import type { ChainEvent } from '@anjian/core';
import { checkText, type CommandIssue } from '@anjian/core/internal';
import { isCalendarDay, PUBLIC_NOTICE_DAYS, PUBLIC_NOTICE_DAYS_SINCE, publicNoticeServedAt } from '@anjian/core/review';
import type { DocumentRecord, DocumentServiceEntry, DocumentServiceRecord, ServiceMethod } from '@anjian/core/ports';

/** Every service method (送达方式), with its Chinese name. */
export const SERVICE_METHOD_LABELS: Readonly<Record<ServiceMethod, string>> = Object.freeze({
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
});

/** A problem with a service entry: a code and the message in both languages. */
export interface ServiceProblem {
  code: 'SERVICE_INVALID' | 'DOCUMENT_NOT_ISSUED' | 'DOCUMENT_VOIDED' | 'DOCUMENT_NOT_SERVED';
  pointer?: string;
  message: { 'zh-CN': string; en: string };
}

const NAME_MAX = 100;
const NOTE_MAX = 500;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The China-time calendar day (YYYY-MM-DD) of an instant. */
function chinaDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

const realDay = isCalendarDay;

/**
 * What the served-at of each method is (the API's and the portal's label): the day the service
 * took effect as the officer observed it. 公告送达 records the publication day instead
 * (`publishedOn`), and the server derives the service from it.
 */
export const SERVED_AT_MEANING: Readonly<Record<Exclude<ServiceMethod, 'public_notice'>, { 'zh-CN': string; en: string }>> = Object.freeze({
  direct: { 'zh-CN': '送达时间（交付受送达人或留置之时）', en: 'when it was handed over (or left, on a refusal)' },
  post: { 'zh-CN': '回执上注明的收件日期', en: 'the date of receipt written on the postal receipt' },
  electronic: { 'zh-CN': '送达信息到达受送达人特定系统的时间', en: 'when it reached the recipient’s designated system' },
  entrusted: { 'zh-CN': '受托机关送达受送达人的时间（送达回证上的日期）', en: 'when the entrusted authority delivered it (the date on its proof of service)' },
});

/**
 * Why `servedAt` is required for the methods whose service never took effect at the recording
 * time (the refusal at `/servedAt` when it is missing, naming the date to enter). Only `direct`
 * (handed over as it is recorded) defaults to now; `public_notice` derives it.
 */
const SERVED_AT_REQUIRED: Readonly<Record<'post' | 'electronic' | 'entrusted', { 'zh-CN': string; en: string }>> = Object.freeze({
  post: {
    'zh-CN': '邮寄送达须填写回执上注明的收件日期 servedAt（以回执日期为送达日期）',
    en: 'a service by post needs servedAt, the date of receipt written on the postal receipt (the day it counts from)',
  },
  electronic: {
    'zh-CN': '电子送达须填写送达时间 servedAt：送达信息到达受送达人特定系统的时间（以到达之日为送达日期），不以登记时间代替',
    en: 'an electronic service needs servedAt, when it reached the recipient’s designated system (the day it counts from); the time of recording is not it',
  },
  entrusted: {
    'zh-CN': '委托送达须填写送达时间 servedAt：受托机关送达受送达人的时间（送达回证上的日期），不以登记时间代替',
    en: 'an entrusted service needs servedAt, when the entrusted authority delivered it (the date on its proof of service); the time of recording is not it',
  },
});

/**
 * Reads a service body from a request, closed: a delivery is `{ method, recipient, servedAt? }`
 * — `servedAt` when the service took effect as the officer observed it (`SERVED_AT_MEANING`;
 * required for `post`, `electronic` and `entrusted`, whose service is never the recording time:
 * only `direct` defaults to now) —
 * or, for `public_notice`, `{ method, recipient, publishedOn }`: the China-time day the notice
 * was published, from which the server derives `servedAt` (`publicNoticeServedAt`: the end of
 * the 30th day after it, 视为送达); a `servedAt` there, or a `publishedOn` with another method, is
 * refused at its pointer. The receipt is `{ outcome: 'signed', signedBy, signedOn }` or
 * `{ outcome: 'refused', witness, witnessRole, refusedOn, note? }`. Every problem is located,
 * in both languages.
 */
export function parseServiceBody(body: Record<string, unknown>, phase: 'service' | 'receipt', now: Date): { ok: true; entry: DocumentServiceEntry } | { ok: false; problems: ServiceProblem[] } {
  const problems: ServiceProblem[] = [];
  const bad = (pointer: string, zh: string, en: string) => problems.push({ code: 'SERVICE_INVALID', pointer, message: { 'zh-CN': zh, en } });
  const allowed =
    phase === 'service'
      ? ['method', 'recipient', 'servedAt', 'publishedOn']
      : body.outcome === 'refused'
        ? ['outcome', 'witness', 'witnessRole', 'refusedOn', 'note']
        : ['outcome', 'signedBy', 'signedOn'];
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) bad(`/${key}`, `不认识的字段 ${JSON.stringify(key)}；允许：${allowed.join('、')}`, `unknown key ${JSON.stringify(key)}; allowed: ${allowed.join(', ')}`);
  // Every free text goes through core's one text check (checkText): no bidi control, control
  // character or lone surrogate, not blank once white space and invisible characters are removed.
  // The entry is the record of a legal service (who was served, who witnessed a refusal): a lone
  // surrogate is stored as U+FFFD by a UTF-8 database (not what was recorded), a bidi override
  // reorders the name a reader sees, a control character hides text (docs/security.md T71).
  const text = (key: string, zh: string, rule: Parameters<typeof checkText>[2]): string => {
    const issues: CommandIssue[] = [];
    const v = checkText(body[key] ?? null, `/${key}`, rule, issues);
    if (v === undefined) {
      const why = issues[0]?.message;
      const limit = rule.multiLine ? `至多 ${rule.max} 个字符` : `须为 1–${rule.max} 个字符的一行文字`;
      const limitEn = rule.multiLine ? `at most ${rule.max} characters` : `1–${rule.max} characters on one line`;
      bad(`/${key}`, `${zh}${limit}，不含控制字符：${why?.['zh-CN'] ?? ''}`, `${key} must be ${limitEn} without control characters: ${why?.en ?? ''}`);
      return '';
    }
    return v;
  };
  const name = (key: string, zh: string) => text(key, zh, { max: NAME_MAX });
  const day = (key: string, zh: string) => {
    const v = body[key];
    if (!realDay(v)) bad(`/${key}`, `${zh}须为日期 YYYY-MM-DD`, `${key} must be a date YYYY-MM-DD`);
    else if (v > chinaDay(now.getTime())) bad(`/${key}`, `${zh}不能晚于今天`, `${key} cannot be after today`);
    return typeof v === 'string' ? v : '';
  };
  let entry: DocumentServiceEntry | null = null;
  if (phase === 'service') {
    const method = body.method;
    if (typeof method !== 'string' || !(method in SERVICE_METHOD_LABELS)) {
      bad('/method', `送达方式须为：${Object.keys(SERVICE_METHOD_LABELS).join('、')}`, `method must be one of ${Object.keys(SERVICE_METHOD_LABELS).join(', ')}`);
    }
    const recipient = name('recipient', '受送达人');
    if (method === 'public_notice') {
      // 公告送达: the officer records the day he published the notice; the service is derived from it.
      if (body.servedAt !== undefined) {
        bad(
          '/servedAt',
          `公告送达不填送达时间：自发出公告之日起经过${PUBLIC_NOTICE_DAYS}日即视为送达，由服务器计算；请填写公告发出日期 publishedOn（YYYY-MM-DD）`,
          `a public notice takes no servedAt: it counts as served once ${PUBLIC_NOTICE_DAYS} days have passed since its publication, which the server derives; give publishedOn (YYYY-MM-DD), the day it was published`,
        );
      }
      const publishedOn = body.publishedOn;
      if (publishedOn === undefined)
        bad('/publishedOn', '公告送达须填写公告发出日期 publishedOn（YYYY-MM-DD，北京时间）', 'a public notice needs publishedOn, the day it was published (YYYY-MM-DD, China time)');
      else if (!realDay(publishedOn)) bad('/publishedOn', '公告发出日期须为日期 YYYY-MM-DD（北京时间）', 'publishedOn must be a date YYYY-MM-DD (China time)');
      else if (publishedOn > chinaDay(now.getTime())) bad('/publishedOn', '公告发出日期不能晚于今天', 'publishedOn cannot be after today');
      else if (publishedOn < PUBLIC_NOTICE_DAYS_SINCE) {
        bad(
          '/publishedOn',
          `${PUBLIC_NOTICE_DAYS_SINCE} 前发出的公告适用六十日的公告期，本系统不计算`,
          `a notice published before ${PUBLIC_NOTICE_DAYS_SINCE} ran sixty days, which this system does not count`,
        );
      } else if (problems.length === 0) entry = { type: 'served', method: 'public_notice', recipient, publishedOn, servedAt: publicNoticeServedAt(publishedOn) };
    } else {
      if (body.publishedOn !== undefined) {
        bad('/publishedOn', '只有公告送达填写公告发出日期 publishedOn；其他送达方式填写送达时间 servedAt', 'only a public notice (public_notice) takes publishedOn; other methods give servedAt');
      }
      let servedAt = now.toISOString();
      if (body.servedAt === undefined && typeof method === 'string' && Object.hasOwn(SERVED_AT_REQUIRED, method)) {
        const required = SERVED_AT_REQUIRED[method as keyof typeof SERVED_AT_REQUIRED];
        bad('/servedAt', required['zh-CN'], required.en);
      } else if (body.servedAt !== undefined) {
        const t = typeof body.servedAt === 'string' && ISO.test(body.servedAt) ? Date.parse(body.servedAt) : Number.NaN;
        if (Number.isNaN(t)) bad('/servedAt', '送达时间须为带时区的时间', 'servedAt must be a time with an offset');
        else if (t > now.getTime() + 5 * 60_000) bad('/servedAt', '送达时间不能晚于现在', 'servedAt cannot be in the future');
        else servedAt = new Date(t).toISOString();
      }
      entry = { type: 'served', method: method as ServiceMethod, recipient, servedAt };
    }
  } else if (body.outcome === 'signed') {
    entry = { type: 'signed', signedBy: name('signedBy', '签收人'), signedOn: day('signedOn', '签收日期') };
  } else if (body.outcome === 'refused') {
    // A note of white space only is left out; any other note is checked (lines and tabs allowed).
    const note = body.note === undefined || (typeof body.note === 'string' && body.note.trim() === '') ? undefined : text('note', '说明', { max: NOTE_MAX, multiLine: true });
    entry = {
      type: 'refused',
      witness: name('witness', '见证人'),
      witnessRole: name('witnessRole', '见证人身份'),
      refusedOn: day('refusedOn', '拒签日期'),
      ...(note ? { note } : {}),
    };
  } else {
    bad('/outcome', 'outcome 须为 signed（签收）或 refused（拒绝签收，须有见证人）', "outcome must be 'signed' or 'refused' (with a witness)");
  }
  return problems.length > 0 || entry === null ? { ok: false, problems } : { ok: true, entry };
}

/**
 * Whether `entry` may be recorded for the document `record`, given the entries already
 * recorded for it: the document was issued (its hash recorded) and is not voided; a receipt
 * follows the delivery, dated no earlier than the delivery day. (Once per phase is the
 * store's: `DocumentServiceLog.recordService`.)
 */
export function checkServiceEntry(record: DocumentRecord, recorded: readonly DocumentServiceRecord[], entry: DocumentServiceEntry): ServiceProblem | null {
  if (record.contentHash === null) {
    return { code: 'DOCUMENT_NOT_ISSUED', message: { 'zh-CN': '文书尚未生成（未登记摘要），不能登记送达', en: 'the document was not rendered yet (no hash recorded): nothing to serve' } };
  }
  if (record.voided)
    return { code: 'DOCUMENT_VOIDED', message: { 'zh-CN': `文书已于 ${record.voided.at} 作废，不能登记送达或签收`, en: `the document was voided at ${record.voided.at}: no service or receipt` } };
  if (entry.type === 'served') {
    if (entry.publishedOn !== undefined) {
      // A public notice is published on a day: not before the day the document was issued (China time).
      return entry.publishedOn < chinaDay(Date.parse(record.issuedAt))
        ? { code: 'SERVICE_INVALID', pointer: '/publishedOn', message: { 'zh-CN': '公告发出日期早于文书出具日期', en: 'published before the document was issued' } }
        : null;
    }
    if (Date.parse(entry.servedAt) < Date.parse(record.issuedAt)) {
      return { code: 'SERVICE_INVALID', pointer: '/servedAt', message: { 'zh-CN': '送达时间早于文书出具时间', en: 'served before the document was issued' } };
    }
    return null;
  }
  const served = recorded.find((r) => r.entry.type === 'served' && r.jurisdiction === record.jurisdiction && r.kind === record.kind && r.year === record.year && r.seq === record.seq);
  if (!served || served.entry.type !== 'served') {
    return { code: 'DOCUMENT_NOT_SERVED', message: { 'zh-CN': '请先登记送达，再登记签收或拒签', en: 'record the delivery before the receipt or refusal' } };
  }
  const day = entry.type === 'signed' ? entry.signedOn : entry.refusedOn;
  if (day < chinaDay(Date.parse(served.entry.servedAt))) {
    return {
      code: 'SERVICE_INVALID',
      pointer: entry.type === 'signed' ? '/signedOn' : '/refusedOn',
      message: { 'zh-CN': '签收（拒签）日期早于送达日期', en: 'the receipt is dated before the delivery' },
    };
  }
  return null;
}

/**
 * The officers a document names: those its issuing event recorded (both, on a two-officer
 * act), else the event's actor. The same people sign, serve and may void it.
 */
export function documentOfficerIds(event: Pick<ChainEvent, 'actor' | 'data'>): string[] {
  const officers = (event.data as { officers?: readonly { id: string }[] }).officers;
  return officers && officers.length > 0 ? officers.map((o) => o.id) : [event.actor.id];
}
