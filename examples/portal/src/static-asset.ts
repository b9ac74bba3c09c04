import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Cache-Control of a file whose name carries its content hash: never asked for again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of a file under a stable name: kept, but checked (ETag) before each use. */
export const REVALIDATE = 'no-cache';

/** A file served from memory: its bytes, type, ETag and (made once, on first need) compressed forms. */
export interface StaticAsset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** The first 16 hex digits of the content's SHA-256 (also the fingerprint in hashed names). */
  hash: string;
  /** Compressed forms, made on first request (in zlib's thread pool, not blocking requests). */
  encoded: Partial<Record<'br' | 'gzip', Promise<Uint8Array>>>;
}

/** Wraps bytes (or text) as a {@link StaticAsset}. */
export function staticAsset(content: Uint8Array | string, type: string): StaticAsset {
  const body = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 16), encoded: {} };
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg)/;

/** The encoding to send: brotli, else gzip, when the client accepts it (and not refused with q=0). */
function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/**
 * Answers a GET/HEAD for an asset: `ETag` and `Cache-Control` as given, 304 for a matching
 * `If-None-Match`, and the body brotli- or gzip-compressed for text when the client accepts
 * it (`Vary: Accept-Encoding`), compressed once per asset and kept. `quality`: brotli's (default 9;
 * a page made per request takes a lower, faster one).
 */
export async function assetResponse(request: Request, asset: StaticAsset, cacheControl: string, options: { quality?: number } = {}): Promise<Response> {
  const etag = `"${asset.hash}"`;
  const headers: Record<string, string> = { 'content-type': asset.type, 'cache-control': cacheControl, etag, vary: 'Accept-Encoding' };
  const inm = request.headers.get('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  let body: Uint8Array = asset.body;
  const encoding = COMPRESSIBLE.test(asset.type) && asset.body.length > 512 ? pickEncoding(request.headers.get('accept-encoding')) : undefined;
  if (encoding) {
    asset.encoded[encoding] ??=
      encoding === 'br'
        ? brotli(asset.body, { params: { [constants.BROTLI_PARAM_QUALITY]: options.quality ?? 9, [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length } })
        : gzipAsync(asset.body, { level: 9 });
    body = await asset.encoded[encoding]!;
    headers['content-encoding'] = encoding;
  }
  headers['content-length'] = String(body.length);
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { headers });
}
