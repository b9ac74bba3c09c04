import { chinaDate, type DocumentData } from './gather.js';
import { documentIssue } from './issue.js';
import { CASE_SERIES_PREFIX, formatDocumentNumber, NOTICE_SERIES_PREFIXES } from './numbering.js';
import { DOCUMENT_TRIGGERS } from './triggers.js';
import type { DocumentVerification } from './verification.js';
import { JURISDICTION_PLACEHOLDERS, placeholdersOf, splitPlaceholders } from './placeholders.js';
import type { DocumentIssue, DocumentKind, DocumentResult, LoadedOverride, LoadedTemplate } from './types.js';

/** A run of text: literal wording, or a value filled from a field (printed underlined). */
export interface TextRun {
  text: string;
  filled?: boolean;
}

/** A block of a composed document: layout-neutral, rendered to HTML or PDF. */
export type ComposedBlock =
  | { type: 'paragraph'; runs: TextRun[]; indent: boolean; align: 'left' | 'right' | 'center' }
  | { type: 'table'; rows: { label: string; value: string }[] }
  | { type: 'officers'; officers: { name: string; certificateNo: string }[] }
  | { type: 'signatures'; labels: string[] }
  | { type: 'issuer'; department: string; date: string; seal: string };

/** A document with every value in place: what renderers print. */
export interface ComposedDocument {
  kind: DocumentKind;
  templateVersion: string;
  header: string;
  title: string;
  /**
   * The document number (文号): the one the store allocated with the event, formatted with
   * the override's and the template's prefixes; else a number the event itself carries
   * (`noticeNo`, `caseNo`); else null.
   */
  number: string | null;
  /** The allocated number behind {@link number}, when there is one. */
  registered: { jurisdiction: string; kind: string; year: number; seq: number } | null;
  /** Content hash, verification code and QR address, once `sealDocument` added them (printed at the foot). */
  verification?: DocumentVerification;
  hazardId: string;
  eventId: string;
  issuedAt: string;
  blocks: ComposedBlock[];
}

const PLACEHOLDER_DEPARTMENT = '（执法部门名称）';

/**
 * Put a template, a jurisdiction's override and the gathered data together. Refuses, with
 * every located, bilingual issue, when a required value is missing, the event does not
 * issue this kind of document, or an enforcement document lacks two officers each with a
 * 执法证号; nothing is composed then.
 */
export function composeDocument(loaded: LoadedTemplate, data: DocumentData, override?: LoadedOverride): DocumentResult<ComposedDocument> {
  const { template, source } = loaded;
  const o = override?.override;
  const kindOverride = o?.kinds?.[template.kind];
  const issues: DocumentIssue[] = [];

  const wantsSecond = DOCUMENT_TRIGGERS.some((t) => t.kind === template.kind && t.twoOfficers && t.event === data.eventType);
  if (!data.kinds.includes(template.kind) && wantsSecond && data.officers.length < 2) {
    // The act was recorded by one officer: it issues no enforcement document, and says how to get one.
    issues.push(
      documentIssue(
        'OFFICERS_REQUIRED',
        {
          'zh-CN': `事件「${data.eventId}」只记录了一名执法人员，不产生执法文书「${template.title}」（《行政处罚法》第四十二条：执法人员不得少于两人）：下达该指令时第二名执法人员须在本人账号中为该行为生成确认码，随指令提交（Co-Sign-Code）`,
          en: `event "${data.eventId}" records one officer and issues no "${template.titleEn ?? template.kind}" (Administrative Penalty Law Art. 42: at least two officers): the second officer generates a co-sign code for the act in his own session, and it is sent with the command (Co-Sign-Code)`,
        },
        source,
        '/enforcement',
      ),
    );
    return { ok: false, issues };
  }
  if (!data.kinds.includes(template.kind)) {
    issues.push(
      documentIssue(
        'WRONG_DOCUMENT_FOR_EVENT',
        {
          'zh-CN': `事件「${data.eventId}」（${data.eventType}）不产生「${template.title}」；它产生：${data.kinds.join('、') || '无文书'}`,
          en: `event "${data.eventId}" (${data.eventType}) does not issue "${template.titleEn ?? template.kind}"; it issues: ${data.kinds.join(', ') || 'no document'}`,
        },
        source,
        '/kind',
      ),
    );
    // The other checks would only repeat the mismatch (values this event cannot have).
    return { ok: false, issues };
  }

  if (override) {
    for (const label of Object.keys(kindOverride?.labels ?? {})) {
      if (!(label in template.fields)) {
        issues.push(
          documentIssue(
            'OVERRIDE_UNKNOWN_LABEL',
            {
              'zh-CN': `覆盖文件为「${template.kind}」的未知字段「${label}」改了标签；该模板的字段：${Object.keys(template.fields).join('、')}`,
              en: `the override relabels "${label}", which template "${template.kind}" does not have; its fields: ${Object.keys(template.fields).join(', ')}`,
            },
            override.source,
            `/kinds/${template.kind}/labels/${label}`,
            { key: true },
          ),
        );
      }
    }
  }

  if (override) {
    // Override wording may only use the template's fields and the jurisdiction's names.
    const known = [...Object.keys(template.fields), ...JURISDICTION_PLACEHOLDERS];
    const entries: [string, string][] = [
      ...Object.entries(o?.wording ?? {}).map(([k, v]): [string, string] => [`/wording/${k}`, v]),
      ...Object.entries(kindOverride?.wording ?? {}).map(([k, v]): [string, string] => [`/kinds/${template.kind}/wording/${k}`, v]),
    ];
    for (const [pointer, text] of entries) {
      for (const name of placeholdersOf(text)) {
        if (!known.includes(name)) {
          issues.push(
            documentIssue(
              'TEMPLATE_UNKNOWN_FIELD',
              {
                'zh-CN': `覆盖文件的固定文字引用了模板「${template.kind}」没有的字段「${name}」；可用：${known.join('、')}`,
                en: `the override's wording refers to "${name}", which template "${template.kind}" does not have; known: ${known.join(', ')}`,
              },
              override.source,
              pointer,
            ),
          );
        }
      }
    }
  }

  // The case number (案号) is the 文号 the store allocated to the hazard's 立案审批表; a number
  // the file_case command recorded is printed only when none was allocated (numbering off).
  const caseNumber = data.caseNumber
    ? formatDocumentNumber(data.caseNumber, o?.numberPrefix, template.kind === 'case_filing_approval' ? template.numberPrefix : CASE_SERIES_PREFIX)
    : data.values['hazard.caseNo'];
  // The running notice's or order's 文号 (a review opinion names what it reviews); the number
  // the notice_issued command declared only when none was allocated.
  const notice = data.noticeNumber;
  const noticeNumber = notice ? formatDocumentNumber(notice, o?.numberPrefix, NOTICE_SERIES_PREFIXES[notice.kind as keyof typeof NOTICE_SERIES_PREFIXES]) : data.values['notice.number'];
  const sourced: Partial<Record<string, string>> = {
    ...data.values,
    ...(caseNumber === undefined ? {} : { 'case.number': caseNumber }),
    ...(noticeNumber === undefined ? {} : { 'notice.number': noticeNumber }),
  };
  const values: Record<string, string> = {};
  for (const [id, field] of Object.entries(template.fields)) {
    const value = field.source === 'manual' ? data.manual[id] : sourced[field.source];
    if (value !== undefined && value.trim() !== '') values[id] = value;
    else if (field.required !== false) {
      issues.push(
        documentIssue(
          'VALUE_MISSING',
          {
            'zh-CN': `必填字段「${field.label}」（${id}，来源 ${field.source}）没有值${field.source === 'manual' ? '：请手工填写' : field.source.startsWith('directory.') ? '：请在目录（Directory）中补全企业信息' : ''}`,
            en: `required field "${id}" (${field.label}, source ${field.source}) has no value${field.source === 'manual' ? ': fill it in by hand' : field.source.startsWith('directory.') ? ': complete the enterprise in the Directory' : ''}`,
          },
          source,
          `/fields/${id}`,
          { key: true },
        ),
      );
    }
  }

  if (template.enforcement) {
    if (data.officers.length < 2) {
      issues.push(
        documentIssue(
          'OFFICERS_REQUIRED',
          {
            'zh-CN': `执法文书「${template.title}」须有两名执法人员（《行政处罚法》第四十二条），此事件只有 ${data.officers.length} 名`,
            en: `enforcement document "${template.titleEn ?? template.kind}" needs two officers (Administrative Penalty Law Art. 42); this event has ${data.officers.length}`,
          },
          source,
          '/enforcement',
        ),
      );
    }
    for (const officer of data.officers) {
      if (!officer.certificateNo) {
        issues.push(
          documentIssue(
            'OFFICER_CERTIFICATE_MISSING',
            {
              'zh-CN': `执法人员「${officer.name}」（${officer.id}）没有执法证号，不能在执法文书上署名`,
              en: `officer "${officer.name}" (${officer.id}) has no 执法证号 (law-enforcement certificate number) and cannot sign an enforcement document`,
            },
            source,
            '/enforcement',
          ),
        );
      }
    }
  }
  const registered = data.numbers.find((n) => n.kind === template.kind) ?? null;
  if (registered && o && registered.jurisdiction !== o.jurisdiction) {
    issues.push(
      documentIssue(
        'NUMBER_JURISDICTION_MISMATCH',
        {
          'zh-CN': `文号属于辖区「${registered.jurisdiction}」的编号序列，而覆盖文件是辖区「${o.jurisdiction}」的：请使用该辖区的覆盖文件`,
          en: `the document number belongs to the series of jurisdiction "${registered.jurisdiction}", the override is for "${o.jurisdiction}": use that jurisdiction's override`,
        },
        override?.source,
        '/jurisdiction',
      ),
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  const department = o?.department ?? PLACEHOLDER_DEPARTMENT;
  const jurisdiction: Record<string, string> = {
    department,
    government: o?.reconsideration.government ?? '（人民政府）',
    court: o?.reconsideration.court ?? '（人民法院）',
  };
  const wording = { ...(template.wording ?? {}), ...(o?.wording ?? {}), ...(kindOverride?.wording ?? {}) };
  const label = (id: string) => kindOverride?.labels?.[id] ?? template.fields[id]?.label ?? id;
  const runsOf = (text: string): TextRun[] =>
    splitPlaceholders(text).map((p) =>
      'literal' in p
        ? { text: p.literal }
        : p.name in values
          ? { text: values[p.name] as string, filled: true }
          : p.name in jurisdiction
            ? { text: jurisdiction[p.name] as string }
            : { text: '', filled: true },
    );

  const blocks: ComposedBlock[] = [];
  for (const block of template.body) {
    if ('text' in block) blocks.push({ type: 'paragraph', runs: runsOf(block.text), indent: block.indent ?? false, align: block.align ?? 'left' });
    else if ('table' in block) {
      // An optional value the record lacks leaves its row out: a labelled blank on an issued (hashed) document reads as a value
      // the server forgot and invites handwriting the hash does not cover. Only `manual` fields keep their blank, to fill in by hand.
      const rows = block.table.filter((id) => id in values || template.fields[id]?.source === 'manual');
      blocks.push({ type: 'table', rows: rows.map((id) => ({ label: label(id), value: values[id] ?? '' })) });
    } else if ('wording' in block) blocks.push({ type: 'paragraph', runs: runsOf(wording[block.wording] as string), indent: true, align: 'left' });
    else if ('officers' in block) blocks.push({ type: 'officers', officers: data.officers.map((x) => ({ name: x.name, certificateNo: x.certificateNo ?? '' })) });
    else if ('signatures' in block) blocks.push({ type: 'signatures', labels: [...block.signatures] });
    else blocks.push({ type: 'issuer', department, date: chinaDate(data.issuedAt), seal: o?.seal ?? '（印章）' });
  }
  return {
    ok: true,
    value: {
      kind: template.kind,
      templateVersion: template.version,
      header: o?.header ?? department,
      title: kindOverride?.title ?? template.title,
      number: registered ? formatDocumentNumber(registered, o?.numberPrefix, template.numberPrefix) : (data.values['event.noticeNo'] ?? data.values['event.caseNo'] ?? null),
      registered: registered ? { jurisdiction: registered.jurisdiction, kind: registered.kind, year: registered.year, seq: registered.seq } : null,
      hazardId: data.hazardId,
      eventId: data.eventId,
      issuedAt: data.issuedAt,
      blocks,
    },
  };
}
