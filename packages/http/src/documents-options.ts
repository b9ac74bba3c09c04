import type { ComposedDocument, DocumentDirectory, LoadedOverride, LoadedTemplate } from '@anjian/documents';

/**
 * What the document endpoints need (option `documents` of `createAnjianApi`). With it,
 * every accepted command also takes its document numbers (文号) in the store transaction of
 * its events (`documentNumbering` with the override's jurisdiction); without it the
 * document endpoints answer 404 and nothing is numbered.
 */
export interface DocumentsApiOptions {
  /** The templates the server issues from (e.g. `loadBuiltinTemplate` of every kind). */
  templates: readonly LoadedTemplate[];
  /** The jurisdiction's override: its `jurisdiction` is the numbering series, its department the issuer. */
  override: LoadedOverride;
  /** Enterprise details and officers' names and 执法证号. */
  directory: DocumentDirectory;
  /**
   * Renders a sealed document as PDF, e.g. `(doc) => renderDocumentPdf(doc, { font })` of
   * `@anjian/documents-pdf` with the host's CJK font. Without it `format=pdf` answers 404.
   */
  renderPdf?: (document: ComposedDocument) => Promise<Uint8Array>;
  /**
   * The public address of `GET /documents/verify/{code}` as the host serves it, e.g.
   * `https://portal.example/api/documents/verify`: printed in each document's QR code.
   */
  verifyUrl?: string;
}
