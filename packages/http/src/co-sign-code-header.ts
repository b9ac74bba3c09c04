import type { HandleCommandOptions } from '@anjian/core';
import { CO_OFFICER_DERIVED } from '@anjian/core/internal';
import { HttpProblem } from './problem.js';
import type { ParameterSpec, RouteContext } from './types.js';

/** The header that carries the co-sign code the second officer generated in his own session. */
const CO_SIGN_CODE_HEADER = 'Co-Sign-Code';

/** The documented header parameter of the routes that perform acts (`POST /hazards/{id}/commands`, `POST /inspections`). */
export const CO_SIGN_CODE_PARAMETER: ParameterSpec = {
  name: CO_SIGN_CODE_HEADER,
  in: 'header',
  description:
    "a two-officer act's co-sign code: the second officer generates it in his own session (POST /hazards/{id}/co-sign-codes, for a report POST /enterprises/{id}/co-sign-codes) for this hazard and act, and tells it to the first officer; single use, valid 5 minutes. The server derives the second officer from it (《行政处罚法》第四十二条) — the body never names him. Wrong, used, expired, for another hazard or act, or the sender's own: 403 CO_SIGN_CODE_INVALID; the act's content not what the second officer co-signed (a penalty's article, kind or fine, a stop order's scope, a level, the hazard's facts): 422 CO_SIGN_CONTENT_MISMATCH at the field, the code kept; more than 5 attempts in 15 minutes: 429 CO_SIGN_CODE_LIMITED / 第二名执法人员在本人账号中为此隐患和此行为生成的确认码（一次有效，5 分钟内）：服务器据此认定第二名执法人员",
  schema: { type: 'string', maxLength: 32, pattern: '^[0-9 -]{1,32}$' },
};

/** The handleCommand options of a request: its `Co-Sign-Code`, if any. */
export function coSignCodeOf(ctx: RouteContext): HandleCommandOptions {
  const code = ctx.request.headers.get(CO_SIGN_CODE_HEADER);
  if (code === null || code.trim() === '') return {};
  return { coSignCode: code.slice(0, 64) };
}

/**
 * The 422 of a request that names the second officer itself (`coOfficerId` in the body or the
 * query): over HTTP he is derived from his co-sign code, never declared by the first officer.
 */
export function namedCoOfficer(pointer: string): HttpProblem {
  return new HttpProblem(422, 'INVALID_COMMAND', { 'zh-CN': '指令无效', en: 'Invalid command' }, { 'zh-CN': '请求不能指定第二名执法人员', en: 'a request does not name the second officer' }, [
    {
      code: 'SERVER_ASSIGNED',
      severity: 'error',
      pointer,
      message: { ...CO_OFFICER_DERIVED },
    },
  ]);
}
