import { API_CONTENT_SECURITY_POLICY } from './security-headers.js';

/**
 * An uploaded file (evidence of a hazard, an attachment of a permit) as a response: its
 * recorded type when it is one of `served`, else `application/octet-stream`; a file name made
 * of the id's safe characters and the type's extension; `nosniff` and a sandboxing content
 * security policy, so a file opened on its own runs nothing even if a browser took it for a
 * page; the recorded SHA-256 as ETag; `no-store`, so a browser keeps no copy of a case file on
 * disk (a shared office computer). One definition for every route that serves an upload.
 */
export function uploadedFileResponse(bytes: Uint8Array, file: { id: string; mime: string; sha256: string }, served: readonly string[]): Response {
  const ext = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'application/json' ? 'json' : file.mime.replace('image/', '').replace('jpeg', 'jpg');
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': served.includes(file.mime) ? file.mime : 'application/octet-stream',
      'content-length': String(bytes.byteLength),
      'content-disposition': `inline; filename="${file.id.replace(/[^A-Za-z0-9._:-]/g, '_')}.${ext}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': `${API_CONTENT_SECURITY_POLICY}; sandbox`,
      etag: `"${file.sha256}"`,
      'cache-control': 'no-store',
    },
  });
}
