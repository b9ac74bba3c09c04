import type { HandleCommandOptions } from '@anjian/core';
import type { ParameterSpec, RouteContext } from './types.js';

/** The header that carries the second officer’s own credential on a two-officer act. */
const CO_OFFICER_HEADER = 'Co-Officer-Authorization';

/** The documented header parameter of the routes that perform acts (`POST /hazards/{id}/commands`, `POST /inspections`). */
export const CO_OFFICER_PARAMETER: ParameterSpec = {
  name: CO_OFFICER_HEADER,
  in: 'header',
  description:
    "the second officer's own credential, in the host's scheme (as Authorization), when the body or query names coOfficerId: he confirms that he takes part (《行政处罚法》第四十二条); without it, or with another officer's, the act is refused (403 SEPARATION_OF_DUTIES) / 第二名执法人员本人的凭证：指定 coOfficerId 时须附上，由其本人确认参与",
  schema: { type: 'string', maxLength: 4096 },
};

/**
 * Who the request's `Co-Officer-Authorization` header authenticates, as `handleCommand`'s
 * options: the host's `authenticateCoOfficer`, else its `authenticate` run on a request whose
 * `Authorization` is that header. No header, or a credential that authenticates nobody: no
 * `coSignerId`, and core refuses an act that names a second officer.
 */
export async function coSignerOf(ctx: RouteContext): Promise<HandleCommandOptions> {
  const credential = ctx.request.headers.get(CO_OFFICER_HEADER);
  if (credential === null || credential.trim() === '') return {};
  const id = ctx.options.authenticateCoOfficer
    ? await ctx.options.authenticateCoOfficer(ctx.request)
    : await ctx.options.authenticate(new Request(ctx.request.url, { method: 'GET', headers: { authorization: credential } }));
  return typeof id === 'string' && id !== '' ? { coSignerId: id } : {};
}
