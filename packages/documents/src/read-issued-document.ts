import { composeFound, findDocumentNumber, type IssuedDocument, type ReadIssuedDocumentInput } from './compose-numbered.js';
import { documentIssue } from './issue.js';
import { parseIssuedContent } from './issued-content.js';
import { formatDocumentNumber } from './numbering.js';
import type { DocumentResult } from './types.js';

/** An issued document as served to a reader, and where it came from. */
export interface ServedDocument extends IssuedDocument {
  /**
   * `register`: the content stored at issue, as it was issued. `recomposed`: the document was
   * issued before stores kept contents; it was composed again from the record and today's
   * directory and templates, and is served because its hash is the registered one — the same
   * content, but nothing kept it: a later change of the directory or templates makes it
   * `DOCUMENT_CHANGED`. An officer it names stores its content by issuing it again
   * (`issueDocument`, `POST …/issue`) while the hash still matches.
   */
  source: 'register' | 'recomposed';
}

/**
 * A hazard's issued document for a reader: the content the register stored when the document
 * was issued, byte for byte — the same content hash, verification and HTML and PDF bytes
 * whatever the directory and templates became since. Writes nothing (its store has no write
 * method). A number whose document was not issued yet (issuing was refused at the command,
 * e.g. the directory lacked the enterprise's address) is `DOCUMENT_NOT_ISSUED`; stored content
 * that does not match its registered hash is `DOCUMENT_CONTENT_ALTERED`. A document issued
 * before stores kept contents has none: it is composed again and served only when its hash is
 * the registered one (`source: 'recomposed'`), else `DOCUMENT_CHANGED`. Never throws for bad data.
 *
 * @example
 * ```ts
 * const doc = await readIssuedDocument({ store, hazardId, template, override, directory });
 * if (doc.ok) return renderDocumentHtml(doc.value.document);
 * ```
 */
export async function readIssuedDocument(input: ReadIssuedDocumentInput): Promise<DocumentResult<ServedDocument>> {
  const found = await findDocumentNumber(input);
  if (!found.ok) return found;
  const { record } = found.value;
  const name = formatDocumentNumber(record, input.override.override.numberPrefix, input.template.template.numberPrefix);
  if (record.contentHash === null) {
    return {
      ok: false,
      issues: [
        documentIssue('DOCUMENT_NOT_ISSUED', {
          'zh-CN': `文书「${name}」已随事件编号，但尚未出具（出具时被拒绝，如目录缺少必填信息）：由文书署名的执法人员补全后出具，阅读不会出具文书`,
          en: `document "${name}" was numbered with its event but not issued yet (issuing was refused, e.g. the directory lacked a required value): an officer it names issues it once that is complete; reading never issues a document`,
        }),
      ],
    };
  }
  const stored = await input.store.readDocumentContent(record);
  if (stored !== null) {
    const document = parseIssuedContent(stored, record, name);
    return document.ok ? { ok: true, value: { document: document.value, record, source: 'register' } } : document;
  }
  // Issued before stores kept contents: composed again, served only as the content registered then.
  const composed = await composeFound(input, found.value);
  if (!composed.ok) return composed;
  if (composed.value.document.verification.hash !== record.contentHash) {
    return {
      ok: false,
      issues: [
        documentIssue('DOCUMENT_CHANGED', {
          'zh-CN': `文书「${name}」于 ${record.hashedAt ?? ''} 出具，当时存储尚未保存文书原文（只登记了摘要）；现在按记录与当前目录、模板生成的内容与出具时不同（例如企业名称、执法证号或文书模板已改），无法提供原样文书：以纸质原件为准；恢复出具时的目录信息后由文书署名人员重新出具（POST …/issue）即可补存原文，或依法作废后重新出具`,
          en: `document "${name}" was issued at ${record.hashedAt ?? ''}, before the store kept issued contents (only its hash was registered); composed now from the record with today's directory and templates it differs from what was issued (e.g. an enterprise name, a certificate number or a template changed), so the document as issued cannot be served: the paper original stands; restore the directory values of the issue and an officer it names issues it again (POST …/issue) to store its content, or void it and issue anew`,
        }),
      ],
    };
  }
  return { ok: true, value: { ...composed.value, source: 'recomposed' } };
}
