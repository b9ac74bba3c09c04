import type { ChainEvent } from '@anjian/core';
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

const NAME = /^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]{1,100}$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The China-time calendar day (YYYY-MM-DD) of an instant. */
function chinaDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function realDay(s: unknown): s is string {
  return typeof s === 'string' && DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/**
 * Reads a service body from a request, closed: `{ method, recipient, servedAt? }` for a
 * delivery; `{ outcome: 'signed', signedBy, signedOn }` or `{ outcome: 'refused', witness,
 * witnessRole, refusedOn, note? }` for the receipt. Every problem is located.
 */
export function parseServiceBody(body: Record<string, unknown>, phase: 'service' | 'receipt', now: Date): { ok: true; entry: DocumentServiceEntry } | { ok: false; problems: ServiceProblem[] } {
  const problems: ServiceProblem[] = [];
  const bad = (pointer: string, zh: string, en: string) => problems.push({ code: 'SERVICE_INVALID', pointer, message: { 'zh-CN': zh, en } });
  const allowed =
    phase === 'service' ? ['method', 'recipient', 'servedAt'] : body.outcome === 'refused' ? ['outcome', 'witness', 'witnessRole', 'refusedOn', 'note'] : ['outcome', 'signedBy', 'signedOn'];
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) bad(`/${key}`, `不认识的字段 ${JSON.stringify(key)}；允许：${allowed.join('、')}`, `unknown key ${JSON.stringify(key)}; allowed: ${allowed.join(', ')}`);
  const name = (key: string, zh: string) => {
    const v = body[key];
    if (typeof v !== 'string' || v.trim() === '' || !NAME.test(v.trim())) {
      bad(`/${key}`, `${zh}须为 1–100 个字符，不含控制字符`, `${key} must be 1–100 characters without control characters`);
      return '';
    }
    return v.trim();
  };
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
    let servedAt = now.toISOString();
    if (body.servedAt !== undefined) {
      const t = typeof body.servedAt === 'string' && ISO.test(body.servedAt) ? Date.parse(body.servedAt) : Number.NaN;
      if (Number.isNaN(t)) bad('/servedAt', '送达时间须为带时区的时间', 'servedAt must be a time with an offset');
      else if (t > now.getTime() + 5 * 60_000) bad('/servedAt', '送达时间不能晚于现在', 'servedAt cannot be in the future');
      else servedAt = new Date(t).toISOString();
    }
    entry = { type: 'served', method: method as ServiceMethod, recipient, servedAt };
  } else if (body.outcome === 'signed') {
    entry = { type: 'signed', signedBy: name('signedBy', '签收人'), signedOn: day('signedOn', '签收日期') };
  } else if (body.outcome === 'refused') {
    const note = body.note;
    if (note !== undefined && (typeof note !== 'string' || note.length > 500)) bad('/note', '说明至多 500 个字符', 'note is at most 500 characters');
    entry = {
      type: 'refused',
      witness: name('witness', '见证人'),
      witnessRole: name('witnessRole', '见证人身份'),
      refusedOn: day('refusedOn', '拒签日期'),
      ...(typeof note === 'string' && note.trim() !== '' ? { note: note.trim() } : {}),
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
