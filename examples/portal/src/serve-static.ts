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
 * A file of `public/` (`/` is `index.html`), or a problem: 400 for a malformed encoding or a
 * NUL/control character (`/app.js%00.html`), 404 for anything else that is not a file of
 * `public/` — paths that would leave it (`..`, encoded or with backslashes), directories,
 * a trailing slash after a file (`/index.html/`). Never a 500 for odd paths.
 */
export function serveStatic(request: Request, pathname: string): Response {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return portalProblem(request, 400, 'BAD_PATH', '地址编码有误。', 'The address is not validly encoded.');
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return portalProblem(request, 400, 'BAD_PATH', '地址中有控制字符。', 'The address contains a control character.');
  const notFound = () => portalProblem(request, 404, 'NOT_FOUND', '没有这个页面。', 'No such page.');
  if (decoded !== '/' && /[/\\]$/.test(decoded)) return notFound();
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const file = join(publicDir, rel);
  if (!file.startsWith(publicDir + sep)) return notFound();
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return notFound();
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    return notFound(); // ENOTDIR, EACCES, a name too long…: not a file we serve
  }
  return new Response(request.method === 'HEAD' ? null : bytes, { headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': String(bytes.length) } });
}
