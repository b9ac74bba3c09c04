import type { Store } from '@anjian/core';
import { composeNumberedDocument, type ComposeNumberedInput, type IssuedDocument } from './compose-numbered.js';
import { issuedContentText } from './issued-content.js';
import { documentIssue } from './issue.js';
import type { DocumentResult } from './types.js';

/** Input of {@link issueDocument}. Everything printed comes from the store and the directory. */
export interface IssueDocumentInput extends Omit<ComposeNumberedInput, 'store'> {
  store: Pick<Store, 'readEvents' | 'readDocuments' | 'recordDocumentHash'>;
  /** The caller's clock (ISO), recorded with the hash. */
  now: string;
}

export type { IssuedDocument };

/**
 * Issue a hazard's document: compose it from the record (the events the store kept, the
 * number it allocated with the issuing event, the directory's names), seal it and record its
 * content hash, verification code and content (the sealed document, {@link issuedContentText})
 * in the register — once: readers are served that content ever after, whatever the directory
 * and templates become. This is the act of issuing: run
 * it for the acting officer's command that issued the document ({@link issueEventDocuments}
 * does, for every number of a command's events), never for a reader — readers get
 * {@link readIssuedDocument}, which writes nothing. Issuing again with the same content
 * answers the issued document (and stores its content if it was issued before stores kept
 * contents); with other content (the directory changed since) it is refused with
 * `DOCUMENT_CHANGED` and the issued document stands. No number for the kind →
 * `DOCUMENT_NOT_ISSUED` (or `OFFICERS_REQUIRED` when the officer acted alone). Never throws
 * for bad data.
 *
 * @example
 * ```ts
 * const issued = await issueDocument({ store, hazardId, template, override, directory, now: clock.now().toISOString() });
 * if (issued.ok) issued.value.record.verificationCode; // registered: the QR code verifies
 * ```
 */
export async function issueDocument(input: IssueDocumentInput): Promise<DocumentResult<IssuedDocument>> {
  const composed = await composeNumberedDocument(input);
  if (!composed.ok) return composed;
  const { document, record: number } = composed.value;
  const { hash, code } = document.verification;
  const recorded = await input.store.recordDocumentHash({ ...number, contentHash: hash, verificationCode: code, content: issuedContentText(document), at: input.now });
  if (recorded.kind === 'recorded') return { ok: true, value: { document, record: recorded.record } };
  if (recorded.kind === 'exists' && recorded.record.contentHash === hash) return { ok: true, value: { document, record: recorded.record } };
  return {
    ok: false,
    issues: [
      documentIssue('DOCUMENT_CHANGED', {
        'zh-CN': `文书「${document.number ?? number.kind}」已于 ${recorded.kind === 'exists' ? recorded.record.hashedAt : '此前'} 出具，现在生成的内容与当时不同（例如目录中的企业信息已改）：已出具的文书不变，请以原件为准或依法作废后重新出具`,
        en: `document "${document.number ?? number.kind}" was issued ${recorded.kind === 'exists' ? `at ${recorded.record.hashedAt}` : 'before'} with other content (e.g. the directory changed since): the issued document stands; use it, or void it and issue anew`,
      }),
    ],
  };
}
