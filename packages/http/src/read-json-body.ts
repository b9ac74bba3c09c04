import { HttpProblem } from './problem.js';

const BAD = { 'zh-CN': '请求无效', en: 'Bad request' };

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(
    413,
    'PAYLOAD_TOO_LARGE',
    { 'zh-CN': '请求体过大', en: 'Payload too large' },
    { 'zh-CN': `请求体超过 ${maxBytes} 字节`, en: `the request body exceeds ${maxBytes} bytes` },
  );
}

/**
 * The request body parsed as a JSON object, at most `maxBytes` long. Throws a 413
 * {@link HttpProblem} (`PAYLOAD_TOO_LARGE`) for a longer body (declared or actual), a 400
 * (`BAD_REQUEST`) when it is not JSON or not an object.
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpProblem(400, 'BAD_REQUEST', BAD, { 'zh-CN': '请求体不是有效的 JSON', en: 'the request body is not valid JSON' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpProblem(400, 'BAD_REQUEST', BAD, { 'zh-CN': '请求体必须是 JSON 对象', en: 'the request body must be a JSON object' });
  }
  return value as Record<string, unknown>;
}
