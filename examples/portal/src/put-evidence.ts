import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalProblem } from './portal-problem.js';

/** The largest photo the demo accepts (bytes). */
export const MAX_EVIDENCE_BYTES = 10_000_000;

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `PUT /evidence/<sha256>`: stores a signed-in user's (`actorId`) photo under its SHA-256 in
 * `evidenceDir` (the chain keeps only the reference). 405 for other methods, 401 without a
 * login, 413 over {@link MAX_EVIDENCE_BYTES}, 422 when empty or not matching the hash, 204
 * when stored (or already there).
 */
export async function putEvidence(request: Request, sha256: string, evidenceDir: string, actorId: string | null): Promise<Response> {
  if (request.method !== 'PUT') return portalProblem(request, 405, 'METHOD_NOT_ALLOWED', '上传证据请用 PUT。', 'Upload evidence with PUT.', { allow: 'PUT' });
  if (!actorId) return portalProblem(request, 401, 'UNAUTHENTICATED', '请先登录。', 'Sign in first.');
  const bytes = await readLimited(request, MAX_EVIDENCE_BYTES);
  if (bytes === null) return portalProblem(request, 413, 'EVIDENCE_TOO_LARGE', `照片不能超过 ${MAX_EVIDENCE_BYTES / 1e6} MB。`, `A photo may be at most ${MAX_EVIDENCE_BYTES / 1e6} MB.`);
  if (bytes.length === 0) return portalProblem(request, 422, 'EVIDENCE_EMPTY', '照片内容为空。', 'The photo is empty.');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    return portalProblem(request, 422, 'EVIDENCE_HASH_MISMATCH', '照片内容与地址中的 SHA-256 不符，请重新上传。', 'The bytes do not match the SHA-256 in the address; upload again.');
  }
  const target = join(evidenceDir, sha256);
  if (!existsSync(target)) {
    // Write then rename: a crash mid-write never leaves a truncated photo under its hash.
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  }
  return new Response(null, { status: 204 });
}
