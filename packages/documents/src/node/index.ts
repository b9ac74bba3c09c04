/**
 * `@anjian/documents/node`: the built-in templates read from the package's `templates/`
 * folder (Node only).
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTemplate } from '../load-template.js';
import { DocumentError } from '../issue.js';
import { DOCUMENT_KINDS, type DocumentKind, type LoadedTemplate } from '../types.js';

/** File name of each kind's built-in template under `templates/`. */
export function builtinTemplateFile(kind: DocumentKind): string {
  return `${kind.replace(/_/g, '-')}.yaml`;
}

/** Absolute path of the package's `templates/` folder. */
export function builtinTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** Load one built-in template; throws a {@link DocumentError} if it is invalid (a packaging bug). */
export function loadBuiltinTemplate(kind: DocumentKind): LoadedTemplate {
  const file = builtinTemplateFile(kind);
  const loaded = loadTemplate(readFileSync(new URL(file, new URL('../../templates/', import.meta.url)), 'utf8'), `templates/${file}`);
  if (!loaded.ok) throw new DocumentError(loaded.issues);
  return loaded.value;
}

/** Every built-in template, by kind. */
export function loadBuiltinTemplates(): Map<DocumentKind, LoadedTemplate> {
  return new Map(DOCUMENT_KINDS.map((k) => [k, loadBuiltinTemplate(k)]));
}
