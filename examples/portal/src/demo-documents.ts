import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_KINDS, formatDocumentIssues, loadOverride, loadTemplate, type LoadedTemplate } from '@anjian/documents';
import { builtinTemplateFile } from '@anjian/documents/node';
import { findSystemCjkFont, renderDocumentPdf } from '@anjian/documents-pdf';
import type { DocumentsApiOptions } from '@anjian/http';
import { createSqliteDocumentServiceLog } from '@anjian/store-sqlite';

/**
 * The demo jurisdiction's override: its department heads and signs the documents, its
 * code word starts each 文号, its government and court are named in the remedies. Made up
 * for the demo (a real deployment writes its own, see docs/documents.en.md).
 */
export const DEMO_DOCUMENT_OVERRIDE = `format: anjian-document-override/1
jurisdiction: D1
department: D1区应急管理局（演示）
numberPrefix: （D1）应急
seal: （D1区应急管理局印章）
reconsideration:
  government: D1区人民政府（演示）
  court: D1区人民法院（演示）
`;

const portalDir = fileURLToPath(new URL('..', import.meta.url));

/** The built-in templates, read from the installed package's templates/ (the portal runs bundled). */
function builtinTemplates(): LoadedTemplate[] {
  const dir = join(dirname(createRequire(join(portalDir, 'package.json')).resolve('@anjian/documents/package.json')), 'templates');
  return DOCUMENT_KINDS.map((kind) => {
    const file = builtinTemplateFile(kind);
    const loaded = loadTemplate(readFileSync(join(dir, file), 'utf8'), `templates/${file}`);
    if (!loaded.ok) throw new Error(formatDocumentIssues(loaded.issues));
    return loaded.value;
  });
}

/**
 * The enforcement documents of the demo portal (issue 15): the built-in templates, the demo
 * override, the service log (送达/签收) in the store's file (own table), and PDF output
 * with the system's Noto CJK font when it is installed (else HTML only: the API answers
 * `format=pdf` with 404 PDF_NOT_CONFIGURED). Names, addresses and 执法证号 come from the
 * portal's directory (the API's default).
 */
export function createDemoDocuments(dataDir: string): DocumentsApiOptions {
  const override = loadOverride(DEMO_DOCUMENT_OVERRIDE, 'demo-d1.yaml');
  if (!override.ok) throw new Error(formatDocumentIssues(override.issues));
  const font = findSystemCjkFont();
  return {
    templates: builtinTemplates(),
    override: override.value,
    service: createSqliteDocumentServiceLog({ path: join(dataDir, 'anjian.db') }),
    ...(font ? { renderPdf: (doc) => renderDocumentPdf(doc, { font }) } : {}),
  };
}
