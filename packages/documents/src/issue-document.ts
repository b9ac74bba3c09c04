import type { ChainEvent, HazardState, Store } from '@anjian/core';
import type { DocumentRecord } from '@anjian/core/ports';
import { foldEvents } from '@anjian/core';
import { composeDocument, type ComposedDocument } from './compose.js';
import { gatherDocumentData, type DocumentDirectory } from './gather.js';
import { documentIssue } from './issue.js';
import { DOCUMENT_TRIGGERS, documentKindsFor } from './triggers.js';
import type { DocumentKind, DocumentResult, LoadedOverride, LoadedTemplate } from './types.js';
import { sealDocument, type DocumentVerification } from './verification.js';

/** Input of {@link issueDocument}. Everything printed comes from the store and the directory. */
export interface IssueDocumentInput {
  store: Pick<Store, 'readEvents' | 'readDocuments' | 'recordDocumentHash'>;
  hazardId: string;
  /** The kind's template; its `kind` is the document issued. */
  template: LoadedTemplate;
  /** The jurisdiction's override: department, prefixes, legal bodies. Its jurisdiction must own the number. */
  override: LoadedOverride;
  directory: DocumentDirectory;
  /** The issuing event; default: the hazard's latest event that issued this kind. */
  eventId?: string;
  /** The caller's clock (ISO), recorded with the hash on first issue. */
  now: string;
  /** The host's public verify address, printed in the QR code. */
  verifyUrl?: string;
}

/** An issued document: composed, sealed, and its register record (with the hash recorded). */
export interface IssuedDocument {
  document: ComposedDocument & { verification: DocumentVerification };
  record: DocumentRecord;
}

/**
 * Issue (or re-issue) a hazard's document from the record: the events the store kept, the
 * number it allocated with the issuing event, the directory's names. The first issue
 * records the content hash and verification code in the register; a later one must give
 * the same content (else `DOCUMENT_CHANGED`: e.g. the directory changed since, and the
 * issued document stands). Refuses with `DOCUMENT_NOT_ISSUED` when no event of the hazard
 * issues this kind or no number was allocated for it. Never throws for bad data.
 *
 * @example
 * ```ts
 * const issued = await issueDocument({ store, hazardId, template, override, directory, now: clock.now().toISOString() });
 * if (issued.ok) return renderDocumentHtml(issued.value.document);
 * ```
 */
export async function issueDocument(input: IssueDocumentInput): Promise<DocumentResult<IssuedDocument>> {
  const kind: DocumentKind = input.template.template.kind;
  const events = (await input.store.readEvents(input.hazardId)) as ChainEvent[];
  const numbers = await input.store.readDocuments(input.hazardId);
  const eventId = input.eventId ?? latestIssuing(events, kind);
  const number = numbers.find((n) => n.eventId === eventId && n.kind === kind);
  if (eventId === undefined || number === undefined) {
    // An officer acted alone: the act is recorded, its enforcement document was never numbered. Say how to get one.
    const alone = events.find(
      (e) =>
        (input.eventId === undefined || e.id === input.eventId) &&
        DOCUMENT_TRIGGERS.some((t) => t.kind === kind && t.twoOfficers && t.event === e.type && t.role === e.actor.role) &&
        !((e.data as { officers?: readonly unknown[] }).officers?.length === 2),
    );
    if (alone && !numbers.some((n) => n.kind === kind)) {
      return {
        ok: false,
        issues: [
          documentIssue('OFFICERS_REQUIRED', {
            'zh-CN': `事件「${alone.id}」只记录了一名执法人员，不产生执法文书「${input.template.template.title}」（《行政处罚法》第四十二条）：办理时须指定第二名执法人员（coOfficerId）`,
            en: `event "${alone.id}" records one officer and issues no "${input.template.template.titleEn ?? kind}" (Administrative Penalty Law Art. 42): name the second officer (coOfficerId) on the command`,
          }),
        ],
      };
    }
    return {
      ok: false,
      issues: [
        documentIssue('DOCUMENT_NOT_ISSUED', {
          'zh-CN': `隐患「${input.hazardId}」${input.eventId ? `的事件「${input.eventId}」` : ''}没有已编号的「${input.template.template.title}」：文号在产生文书的事件写入时分配（须启用 documentNumbering）`,
          en: `hazard "${input.hazardId}"${input.eventId ? ` event "${input.eventId}"` : ''} has no numbered "${input.template.template.titleEn ?? kind}": numbers are allocated when the issuing event is written (documentNumbering must be on)`,
        }),
      ],
    };
  }
  const data = await gatherDocumentData({ events, eventId, directory: input.directory, documents: numbers });
  if (!data.ok) return data;
  const composed = composeDocument(input.template, data.value, input.override);
  if (!composed.ok) return composed;
  const document = sealDocument(composed.value, input.verifyUrl ? { verifyUrl: input.verifyUrl } : {});
  const { hash, code } = document.verification;
  const recorded = await input.store.recordDocumentHash({ ...number, contentHash: hash, verificationCode: code, at: input.now });
  if (recorded.kind === 'recorded') return { ok: true, value: { document, record: recorded.record } };
  if (recorded.kind === 'exists' && recorded.record.contentHash === hash) return { ok: true, value: { document, record: recorded.record } };
  return {
    ok: false,
    issues: [
      documentIssue('DOCUMENT_CHANGED', {
        'zh-CN': `文书「${document.number ?? kind}」已于 ${recorded.kind === 'exists' ? recorded.record.hashedAt : '此前'} 出具，现在生成的内容与当时不同（例如目录中的企业信息已改）：已出具的文书不变，请以原件为准或依法作废后重新出具`,
        en: `document "${document.number ?? kind}" was issued ${recorded.kind === 'exists' ? `at ${recorded.record.hashedAt}` : 'before'} with other content (e.g. the directory changed since): the issued document stands; use it, or void it and issue anew`,
      }),
    ],
  };
}

function latestIssuing(events: readonly ChainEvent[], kind: DocumentKind): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ChainEvent;
    if (documentKindsFor(event, foldEvents(events.slice(0, i + 1)) as HazardState).includes(kind)) found = event.id;
  }
  return found;
}
