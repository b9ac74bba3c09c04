import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portalProblem } from './portal-problem.js';

const publicDir = join(fileURLToPath(new URL('..', import.meta.url)), 'public');

/** Content types of the files the portal serves. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * A file of `public/` (`/` is `index.html`), or a 404 problem. Decoded paths that would leave
 * `public/` (`..`, encoded or with backslashes) are 404; a malformed encoding is 400.
 */
export function serveStatic(request: Request, pathname: string): Response {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return portalProblem(request, 400, 'BAD_PATH', '地址编码有误。', 'The address is not validly encoded.');
  }
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const file = join(publicDir, rel);
  if (!file.startsWith(publicDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return portalProblem(request, 404, 'NOT_FOUND', '没有这个页面。', 'No such page.');
  return new Response(readFileSync(file), { headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' } });
}
