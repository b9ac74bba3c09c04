import { readBodyWithin } from './body-limit.js';
import { HttpProblem } from './problem.js';

const BAD = { 'zh-CN': '请求无效', en: 'Bad request' };

/**
 * The request body parsed as a JSON object, at most `maxBytes` long. Throws a 413
 * {@link HttpProblem} (`PAYLOAD_TOO_LARGE`) for a longer body (declared or actual), a 400
 * (`BAD_REQUEST`) for an invalid `Content-Length` or when it is not JSON or not an object.
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const bytes = await readBodyWithin(request, maxBytes);
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
