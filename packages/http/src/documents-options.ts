import type { ComposedDocument, DocumentDirectory, LoadedOverride, LoadedTemplate } from '@anjian/documents';
import type { DocumentServiceLog } from '@anjian/core/ports';

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
  /**
   * Enterprise details and officers' names and 执法证号. Default: read from the API's own
   * `directory` (`documentDirectoryFrom`: `EnterpriseRecord.address`, `legalRepresentative`,
   * `ActorProfile.name`, `certificateNo`) — the same directory the chain decides with.
   */
  directory?: DocumentDirectory;
  /**
   * Where delivery (送达) and the enterprise's receipt (签收, or a refusal with a witness) are
   * recorded (core's `DocumentServiceLog`: `createMemoryDocumentServiceLog`,
   * `createSqliteDocumentServiceLog`, `createPostgresDocumentServiceLog`). Without it the
   * service endpoints answer 404.
   */
  service?: DocumentServiceLog;
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
