import { quoteInput } from '@anjian/core/internal';
import { readBodyWithin } from './body-limit.js';
import { duplicateJsonKey } from './duplicate-json-key.js';
import { jsonShapeProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-shape-problem.js';
import { HttpProblem } from './problem.js';

const BAD = { 'zh-CN': '请求无效', en: 'Bad request' };

/** The media type of a JSON request body: `application/json`, parameters (`charset=utf-8`) allowed. */
export const JSON_MEDIA_TYPE = 'application/json';

/**
 * Refuses a JSON route's body unless its `Content-Type` is {@link JSON_MEDIA_TYPE}: 415
 * `UNSUPPORTED_MEDIA_TYPE`, naming the expected type in both languages. A body sent as
 * `text/plain`, form data or with no type is what a page on another site can send without a
 * CORS preflight (a cross-site request forgery for hosts whose sessions ride on cookies,
 * Basic or client certificates); a JSON type cannot be sent that way. A request without a
 * body is left to its route.
 */
export function requireJsonContentType(request: Request): void {
  const given = request.headers.get('content-type');
  const type = (given ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === JSON_MEDIA_TYPE) return;
  const shown = given === null ? { zh: '没有 Content-Type', en: 'no Content-Type' } : { zh: `收到 ${quoteInput(given)}`, en: `got ${quoteInput(given)}` };
  throw new HttpProblem(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    { 'zh-CN': '不支持的请求体类型', en: 'Unsupported media type' },
    { 'zh-CN': `请求体须为 JSON，Content-Type 为 ${JSON_MEDIA_TYPE}（${shown.zh}）`, en: `the body must be JSON sent as Content-Type: ${JSON_MEDIA_TYPE} (${shown.en})` },
  );
}
const NOT_JSON = () => new HttpProblem(400, 'BAD_REQUEST', BAD, { 'zh-CN': '请求体不是有效的 JSON', en: 'the request body is not valid JSON' });

/**
 * The request body parsed as a JSON object, at most `maxBytes` long. Throws a 415 for a body
 * not sent as JSON ({@link requireJsonContentType}), a 413
 * {@link HttpProblem} (`PAYLOAD_TOO_LARGE`) for a longer body (declared or actual), a 400
 * (`BAD_REQUEST`) for an invalid `Content-Length`, when it is not JSON or not an object, when an
 * object gives a key twice (issue `DUPLICATE_KEY` at its pointer), or
 * when it nests deeper than {@link MAX_JSON_DEPTH} or holds more than {@link MAX_JSON_VALUES}
 * values (checked before parsing: such a body would hold the event loop in `JSON.parse`).
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const bytes = await readBodyWithin(request, maxBytes);
  if (bytes.byteLength > 0) requireJsonContentType(request);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw NOT_JSON();
  }
  const shape = jsonShapeProblem(text);
  if (shape === 'depth') {
    throw new HttpProblem(400, 'BAD_REQUEST', BAD, { 'zh-CN': `请求体嵌套超过 ${MAX_JSON_DEPTH} 层`, en: `the request body nests deeper than ${MAX_JSON_DEPTH} levels` });
  }
  if (shape === 'values') {
    throw new HttpProblem(400, 'BAD_REQUEST', BAD, { 'zh-CN': `请求体的值超过 ${MAX_JSON_VALUES} 个`, en: `the request body holds more than ${MAX_JSON_VALUES} values` });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw NOT_JSON();
  }
  // A key given twice: JSON.parse would keep the last one silently (docs/security.md T51).
  const repeated = duplicateJsonKey(text);
  if (repeated !== null) {
    const message = { 'zh-CN': `请求体中的字段 ${quoteInput(repeated)} 出现了不止一次`, en: `the request body gives ${quoteInput(repeated)} more than once` };
    throw new HttpProblem(400, 'BAD_REQUEST', BAD, message, [{ code: 'DUPLICATE_KEY', severity: 'error', pointer: repeated, message }]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpProblem(400, 'BAD_REQUEST', BAD, { 'zh-CN': '请求体必须是 JSON 对象', en: 'the request body must be a JSON object' });
  }
  return value as Record<string, unknown>;
}
