import { quoteInput } from '@anjian/core/internal';
import { badRequest } from './bad-request.js';
import { HttpProblem } from './problem.js';

/** A 413 `PAYLOAD_TOO_LARGE` problem naming the limit. */
export function payloadTooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, 'PAYLOAD_TOO_LARGE', { 'zh-CN': '请求体过大', en: 'Payload too large' }, { 'zh-CN': `请求体超过 ${maxBytes} 字节`, en: `the request body exceeds ${maxBytes} bytes` });
}

/**
 * The declared `Content-Length`, or `null` when there is none. A value that is not a
 * decimal byte count (RFC 9110 §8.6), or a list of different counts, is a 400: such a
 * request smuggles or lies about its length.
 */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get('content-length');
  if (raw === null) return null;
  const values = new Set(raw.split(',').map((v) => v.trim()));
  const [only] = values;
  if (values.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) {
    throw badRequest(`Content-Length 无效：${quoteInput(raw)}`, `invalid Content-Length: ${quoteInput(raw)}`);
  }
  return Number(only);
}

/**
 * The request body, read while counting: a declared `Content-Length` above `maxBytes` is
 * refused before a byte is read; a body without one (chunked) is read up to `maxBytes` and
 * the stream cancelled as soon as it goes over. Throws a 413 {@link HttpProblem} in both
 * cases; never holds more than `maxBytes` plus one chunk.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // The source's own refusal (the Node adapter's limit) passes through as it is.
      if (error instanceof HttpProblem) throw error;
      throw badRequest('请求体读取中断', 'the request body could not be read');
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      // Cancelling tells the source (the Node adapter) to stop reading the socket.
      reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
