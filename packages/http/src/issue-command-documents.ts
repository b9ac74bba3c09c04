import { DOCUMENT_KINDS, issueEventDocuments } from '@anjian/documents';
import { documentDirectoryOf, documentNumberOf } from './document-context.js';
import type { JsonSchema, RouteContext } from './types.js';

/** One document a command's events issued, as the command's answer shows it. */
interface IssuedDocumentView {
  kind: string;
  number: string;
  eventId: string;
  issued: boolean;
  verificationCode: string | null;
  contentHash: string | null;
  /** Why it was not issued (the act is recorded and its number taken): bilingual, located. */
  issues?: { code: string; severity: 'error'; message: { 'zh-CN': string; en: string }; pointer?: string }[];
}

/**
 * Issue the documents of an accepted (or replayed) command's events, in the acting officer's
 * request: each number allocated with them is composed from the record and its hash and code
 * registered (`issueEventDocuments`). Readers never issue. Without the `documents` option,
 * or for events that issue nothing, an empty list.
 */
export async function issueCommandDocuments(ctx: RouteContext, hazardId: string, eventIds: readonly string[]): Promise<IssuedDocumentView[]> {
  const documents = ctx.options.documents;
  if (!documents || eventIds.length === 0) return [];
  const outcomes = await issueEventDocuments({
    store: ctx.deps.store,
    hazardId,
    eventIds,
    templates: documents.templates,
    override: documents.override,
    directory: documentDirectoryOf(ctx, documents),
    now: ctx.deps.clock.now().toISOString(),
    ...(documents.verifyUrl ? { verifyUrl: documents.verifyUrl } : {}),
  });
  return outcomes.map(({ record, issued, issues }) => ({
    kind: record.kind,
    number: documentNumberOf(documents, record),
    eventId: record.eventId,
    issued,
    verificationCode: record.verificationCode,
    contentHash: record.contentHash,
    ...(issues ? { issues: issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message, ...(i.pointer !== undefined ? { pointer: i.pointer } : {}) })) } : {}),
  }));
}

/** The `documents` of a command's answer (present when the API issues documents). */
export const ISSUED_DOCUMENTS: JsonSchema = {
  type: 'array',
  description:
    "The documents the command's events issued (执法文书), issued with it: numbered, composed from the record, hash and verification code registered. `issued: false` with `issues` when issuing was refused (e.g. the directory lacks the enterprise's address): the act is recorded, the number taken; an officer the document names issues it later (POST …/documents/{kind}/{number}/issue) / 本指令出具的文书",
  items: {
    type: 'object',
    required: ['kind', 'number', 'eventId', 'issued', 'verificationCode', 'contentHash'],
    properties: {
      kind: { enum: [...DOCUMENT_KINDS] },
      number: { type: 'string', description: '文号' },
      eventId: { type: 'string' },
      issued: { type: 'boolean' },
      verificationCode: { type: ['string', 'null'] },
      contentHash: { type: ['string', 'null'] },
      issues: {
        type: 'array',
        items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, severity: { type: 'string' }, message: { type: 'object' }, pointer: { type: 'string' } } },
      },
    },
  },
};
