import { HttpProblem } from './problem.js';

/**
 * The request body parsed as a JSON object. Throws a 400 {@link HttpProblem}
 * (`BAD_REQUEST`) when it is not JSON or not an object.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await request.text());
  } catch {
    throw new HttpProblem(400, 'BAD_REQUEST', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': '请求体不是有效的 JSON', en: 'the request body is not valid JSON' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpProblem(400, 'BAD_REQUEST', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': '请求体必须是 JSON 对象', en: 'the request body must be a JSON object' });
  }
  return value as Record<string, unknown>;
}
