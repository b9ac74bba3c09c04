import { HttpProblem } from './problem.js';

/** The 400 `INVALID_CURSOR` problem: `after` is not a cursor this store issued. */
export function invalidCursor(): HttpProblem {
  return new HttpProblem(400, 'INVALID_CURSOR', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': '无效的分页游标 after', en: 'invalid page cursor in after' });
}
