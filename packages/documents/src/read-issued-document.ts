import { composeNumberedDocument, type IssuedDocument, type ReadIssuedDocumentInput } from './compose-numbered.js';
import { documentIssue } from './issue.js';
import type { DocumentResult } from './types.js';

/**
 * A hazard's issued document for a reader: composed from the record and served only when it
 * is the document registered at issue — the same content hash, so the same HTML and PDF
 * bytes every time. Writes nothing (its store has no write method). A number whose document
 * was not issued yet (issuing was refused at the command, e.g. the directory lacked the
 * enterprise's address) is `DOCUMENT_NOT_ISSUED`; content that differs from the registered
 * one (the directory or the templates changed since) is `DOCUMENT_CHANGED`. Never throws for
 * bad data.
 *
 * @example
 * ```ts
 * const doc = await readIssuedDocument({ store, hazardId, template, override, directory });
 * if (doc.ok) return renderDocumentHtml(doc.value.document);
 * ```
 */
export async function readIssuedDocument(input: ReadIssuedDocumentInput): Promise<DocumentResult<IssuedDocument>> {
  const composed = await composeNumberedDocument(input);
  if (!composed.ok) return composed;
  const { document, record } = composed.value;
  const name = document.number ?? record.kind;
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
  if (record.contentHash !== document.verification.hash) {
    return {
      ok: false,
      issues: [
        documentIssue('DOCUMENT_CHANGED', {
          'zh-CN': `文书「${name}」于 ${record.hashedAt ?? ''} 出具，现在按记录生成的内容与出具时不同（例如目录中的企业信息或文书模板已改）：以出具的原件为准，或依法作废后重新出具`,
          en: `document "${name}" was issued at ${record.hashedAt ?? ''}; composed from the record now it differs from what was issued (e.g. the directory or the templates changed since): the issued original stands, or void it and issue anew`,
        }),
      ],
    };
  }
  return { ok: true, value: composed.value };
}
