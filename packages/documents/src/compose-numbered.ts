import type { ChainEvent, HazardState, Store } from '@anjian/core';
import type { DocumentRecord } from '@anjian/core/ports';
import { foldEvents } from '@anjian/core';
import { composeDocument, type ComposedDocument } from './compose.js';
import { gatherDocumentData, type DocumentDirectory } from './gather.js';
import { documentIssue } from './issue.js';
import { documentKindsFor, kindsWithoutSecondOfficer } from './triggers.js';
import type { DocumentKind, DocumentResult, LoadedOverride, LoadedTemplate } from './types.js';
import { sealDocument, type DocumentVerification } from './verification.js';

/** Input of `readIssuedDocument` (and, with a clock and a writable store, `issueDocument`): the record, never the request. */
export interface ReadIssuedDocumentInput {
  /** The register: the content stored at issue is what a reader is served. */
  store: Pick<Store, 'readEvents' | 'readDocuments' | 'readDocumentContent'>;
  hazardId: string;
  /** The kind's template; its `kind` is the document composed. */
  template: LoadedTemplate;
  /** The jurisdiction's override: department, prefixes, legal bodies. Its jurisdiction must own the number. Read only to compose (issuing, or serving a document issued before stores kept contents). */
  override: LoadedOverride;
  directory: DocumentDirectory;
  /** The issuing event; default: the hazard's latest event that issued this kind. */
  eventId?: string;
  /** The host's public verify address, printed in the QR code when the document is composed (an issued document keeps the one it was issued with). */
  verifyUrl?: string;
}

/** What composing a numbered document reads: the input of a read without the stored contents. @internal */
export type ComposeNumberedInput = Omit<ReadIssuedDocumentInput, 'store'> & { store: Pick<Store, 'readEvents' | 'readDocuments'> };

/** A numbered document composed and sealed from the record, with its register record (the hash once issued). */
export interface IssuedDocument {
  document: ComposedDocument & { verification: DocumentVerification };
  record: DocumentRecord;
}

/** The number a document of `template.kind` was allocated with its event, and the record it was found in. @internal */
export interface FoundNumber {
  events: ChainEvent[];
  numbers: DocumentRecord[];
  eventId: string;
  record: DocumentRecord;
}

/**
 * The register record of the document of `template.kind` issued by `eventId` (default: the
 * hazard's latest event that issued this kind). Writes nothing. No number for the kind →
 * `OFFICERS_REQUIRED` (the officer acted alone) or `DOCUMENT_NOT_ISSUED`. @internal
 */
export async function findDocumentNumber(input: Pick<ComposeNumberedInput, 'store' | 'hazardId' | 'template' | 'eventId'>): Promise<DocumentResult<FoundNumber>> {
  const kind: DocumentKind = input.template.template.kind;
  const events = (await input.store.readEvents(input.hazardId)) as ChainEvent[];
  const numbers = await input.store.readDocuments(input.hazardId);
  const eventId = input.eventId ?? latestIssuing(events, kind);
  const number = numbers.find((n) => n.eventId === eventId && n.kind === kind);
  if (eventId === undefined || number === undefined) {
    // An officer acted alone: the act is recorded, its enforcement document was never numbered. Say how to get one.
    const alone = events.find((e) => (input.eventId === undefined || e.id === input.eventId) && kindsWithoutSecondOfficer(e).includes(kind));
    if (alone && !numbers.some((n) => n.kind === kind)) {
      return {
        ok: false,
        issues: [
          documentIssue('OFFICERS_REQUIRED', {
            'zh-CN': `事件「${alone.id}」只记录了一名执法人员，不产生执法文书「${input.template.template.title}」（《行政处罚法》第四十二条）：办理时第二名执法人员须在本人账号中为该行为生成确认码，随指令提交（Co-Sign-Code）`,
            en: `event "${alone.id}" records one officer and issues no "${input.template.template.titleEn ?? kind}" (Administrative Penalty Law Art. 42): the second officer generates a co-sign code for the act in his own session, and it is sent with the command (Co-Sign-Code)`,
          }),
        ],
      };
    }
    return {
      ok: false,
      issues: [
        documentIssue('DOCUMENT_NOT_ISSUED', {
          'zh-CN': `隐患「${input.hazardId}」${input.eventId ? `的事件「${input.eventId}」` : ''}没有出具「${input.template.template.title}」：文书只由产生它的执法行为出具并编号（见文书种类表）`,
          en: `hazard "${input.hazardId}"${input.eventId ? ` event "${input.eventId}"` : ''} issued no "${input.template.template.titleEn ?? kind}": a document is issued and numbered only by the act that issues it (see the table of kinds)`,
        }),
      ],
    };
  }
  return { ok: true, value: { events, numbers, eventId, record: number } };
}

/**
 * Compose and seal the document of `template.kind` from the stored events, the number the
 * store allocated with its event and the directory — today's directory and templates: what
 * issuing does, once. Writes nothing. @internal
 */
export async function composeNumberedDocument(input: ComposeNumberedInput): Promise<DocumentResult<IssuedDocument>> {
  const found = await findDocumentNumber(input);
  if (!found.ok) return found;
  return composeFound(input, found.value);
}

/** {@link composeNumberedDocument} of a number already found. @internal */
export async function composeFound(input: ComposeNumberedInput, found: FoundNumber): Promise<DocumentResult<IssuedDocument>> {
  const data = await gatherDocumentData({ events: found.events, eventId: found.eventId, directory: input.directory, documents: found.numbers });
  if (!data.ok) return data;
  const composed = composeDocument(input.template, data.value, input.override);
  if (!composed.ok) return composed;
  return { ok: true, value: { document: sealDocument(composed.value, input.verifyUrl ? { verifyUrl: input.verifyUrl } : {}), record: found.record } };
}

function latestIssuing(events: readonly ChainEvent[], kind: DocumentKind): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ChainEvent;
    if (documentKindsFor(event, foldEvents(events.slice(0, i + 1)) as HazardState).includes(kind)) found = event.id;
  }
  return found;
}
