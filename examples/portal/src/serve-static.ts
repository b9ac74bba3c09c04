import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portalProblem } from './portal-problem.js';
import { assetResponse, REVALIDATE, staticAsset, type StaticAsset } from './static-asset.js';

const publicDir = join(fileURLToPath(new URL('..', import.meta.url)), 'public');

/** Content types of the files the portal serves. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A file of `public/` (`/` is `index.html`), or a problem: 400 for a malformed encoding or a
 * NUL/control character (`/app.js%00.html`), 404 for anything else that is not a file of
 * `public/` — paths that would leave it (`..`, encoded or with backslashes), directories,
 * a trailing slash after a file (`/index.html/`). Never a 500 for odd paths.
 *
 * Files are kept in memory (read again when their size or time changes), sent with an ETag
 * and `Cache-Control: no-cache` (a revalidation answers 304), brotli- or gzip-compressed.
 */
export async function serveStatic(request: Request, pathname: string): Promise<Response> {
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
  let asset: StaticAsset;
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return notFound();
    const version = `${stat.size}:${stat.mtimeMs}`;
    const kept = cache.get(file);
    if (kept?.version === version) asset = kept.asset;
    else {
      asset = staticAsset(readFileSync(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
      cache.set(file, { version, asset });
    }
  } catch {
    return notFound(); // ENOTDIR, EACCES, a name too long…: not a file we serve
  }
  return assetResponse(request, asset, REVALIDATE);
}

const cache = new Map<string, { version: string; asset: StaticAsset }>();
