import type { ComposedDocument, DocumentDirectory, LoadedOverride, LoadedTemplate } from '@anjian/documents';
import type { DocumentServiceLog } from '@anjian/core/ports';

/**
 * What the document endpoints need (option `documents` of `createAnjianApi`). With it,
 * every accepted command also takes its document numbers (文号) in the store transaction of
 * its events (`documentNumbering` with the override's jurisdiction); without it the
 * document endpoints answer 404 and nothing is numbered.
 */
export interface DocumentsApiOptions {
  /** The templates the server issues from, as a list: `[...loadBuiltinTemplates().values()]` (the Map itself is refused), or `loadTemplate` results' `.value`. */
  templates: readonly LoadedTemplate[];
  /** The jurisdiction's override (`loadOverride(text).value` once `.ok`; the load result itself is refused): its `jurisdiction` is the numbering series, its department the issuer. */
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

/** `a Map`, `a list`, `undefined`, `a string`…: what a wrong value is, for a message. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (value instanceof Map) return 'a Map';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** A load result (`{ ok, value }` / `{ ok, issues }`) given where its value belongs. */
function isLoadResult(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

/**
 * What a JavaScript host can get wrong in `documents` before the first request: the Map
 * `loadBuiltinTemplates()` returns as `templates` (it was kept, and every document kind was
 * then unknown), a load result as `override` or a template (the first command then failed with
 * "Cannot read properties of undefined (reading 'jurisdiction')"). A bilingual `TypeError`
 * naming the option and what to pass.
 */
export function checkDocumentsOptions(documents: unknown): void {
  const fail = (en: string, zh: string): never => {
    throw new TypeError(`createAnjianApi: ${en} / ${zh}`);
  };
  if (typeof documents !== 'object' || documents === null || Array.isArray(documents))
    fail(
      `documents is ${kindOf(documents)}: pass { templates, override, renderPdf? } (docs/http.md, "Enforcement documents")`,
      `documents 为 ${kindOf(documents)}：请传入 { templates, override, renderPdf? }`,
    );
  const { templates, override, renderPdf } = documents as Partial<Record<keyof DocumentsApiOptions, unknown>>;
  if (templates instanceof Map)
    fail(
      'documents.templates is a Map (what loadBuiltinTemplates() returns): pass its templates as a list, templates: [...loadBuiltinTemplates().values()]',
      'documents.templates 是 Map（loadBuiltinTemplates() 的返回值）：请以数组传入其中的模板，templates: [...loadBuiltinTemplates().values()]',
    );
  if (!Array.isArray(templates))
    fail(
      `documents.templates is ${kindOf(templates)}: pass a list of loaded templates, e.g. [...loadBuiltinTemplates().values()]`,
      `documents.templates 为 ${kindOf(templates)}：请传入已加载模板的数组，如 [...loadBuiltinTemplates().values()]`,
    );
  (templates as unknown[]).forEach((t, i) => {
    const kind = (t as Partial<LoadedTemplate> | null)?.template?.kind;
    if (typeof kind === 'string') return;
    if (isLoadResult(t))
      fail(
        `documents.templates[${i}] is a load result, not a loaded template: pass loaded.value once loaded.ok is true (loadTemplate)`,
        `documents.templates[${i}] 是加载结果而非已加载的模板：请在 loaded.ok 为 true 时传入 loaded.value（loadTemplate）`,
      );
    fail(`documents.templates[${i}] is not a loaded template ({ template, source } of loadTemplate)`, `documents.templates[${i}] 不是已加载的模板（loadTemplate 返回的 { template, source }）`);
  });
  if (isLoadResult(override))
    fail(
      `documents.override is the load result of loadOverride${override.ok ? '' : ', and it failed (ok: false): fix the issues it lists (formatDocumentIssues), then'}: pass its .value once .ok is true (override: loaded.value)`,
      `documents.override 是 loadOverride 的加载结果${override.ok ? '' : '且加载失败（ok: false）：请先修正其中列出的问题（formatDocumentIssues），再'}：请在 .ok 为 true 时传入其 .value（override: loaded.value）`,
    );
  if (typeof (override as Partial<LoadedOverride> | null)?.override?.jurisdiction !== 'string')
    fail(
      `documents.override is ${kindOf(override)}, not a loaded override: pass loadOverride(text).value once .ok is true (jurisdiction.yaml, docs/documents.en.md)`,
      `documents.override 为 ${kindOf(override)}，不是已加载的辖区覆盖文件：请在 loadOverride(text).ok 为 true 时传入其 .value`,
    );
  if (renderPdf !== undefined && typeof renderPdf !== 'function')
    fail(
      `documents.renderPdf is ${kindOf(renderPdf)}: pass a function, (doc) => renderDocumentPdf(doc, { font })`,
      `documents.renderPdf 为 ${kindOf(renderPdf)}：请传入函数，(doc) => renderDocumentPdf(doc, { font })`,
    );
}
