/**
 * `GET /places?enterprise=<id>`: the places (premises of the rental directory) where an
 * inspection of the enterprise can take place — those it holds and those it currently rents,
 * as the directory says now — with their names in both languages and their premises kinds.
 * The self-inspection form offers exactly these; the server then checks the one chosen and
 * derives its premises kind (core's `reportInspection`), so the list only helps the user choose.
 * Who may see them: whoever reads the enterprise as a whole (core's `readScopes`: its own users,
 * the grid and officers of its area whatever their domain, the administrator); a landlord's scope at one rented
 * premises is no such reader.
 */
import type { Directory } from '@anjian/core';
import type { RentalDirectory } from '@anjian/core/ports';
import { areaCovers, readScopes } from '@anjian/core/review';
import { mayAskAboutEnterprise, quoteInput } from '@anjian/core/internal';
import { portalProblem } from './portal-problem.js';
import { portalReader } from './portal-reader.js';

/** A place as the form offers it. */
export interface EnterprisePlace {
  id: string;
  name: { 'zh-CN': string; en?: string };
  address: string;
  kinds: string[];
  /** The landlord, when the enterprise rents the place. */
  landlordEnterpriseId?: string;
}

export function createEnterprisePlaces(deps: {
  rental: RentalDirectory;
  directory: Directory;
  /** Names of places in both languages (the demo's); others are named by their address. */
  names: Readonly<Record<string, { 'zh-CN': string; en: string }>>;
}) {
  return {
    async handle(request: Request, actorId: string | null): Promise<Response> {
      // 401 without a session, 403 UNKNOWN_ACTOR for a user the API's directory does not know (it was read as no scope at all).
      const reader = await portalReader(request, actorId, deps.directory);
      if (!reader.ok) return reader.response;
      const enterpriseId = new URL(request.url).searchParams.get('enterprise') ?? '';
      const scopes = readScopes(reader.actor);
      const refused = () => portalProblem(request, 403, 'FORBIDDEN', `你不能查看企业 ${quoteInput(enterpriseId)} 的场所。`, `You may not see the places of enterprise ${quoteInput(enterpriseId)}.`);
      // Refused before the look-up when the actor may not ask about the id (core's mayAskAboutEnterprise): a registered and an unknown one alike.
      if (!mayAskAboutEnterprise(scopes, enterpriseId)) return refused();
      const enterprise = enterpriseId ? await deps.directory.enterprise(enterpriseId) : null;
      if (!enterprise) return portalProblem(request, 404, 'ENTERPRISE_NOT_FOUND', `名录中没有企业 ${quoteInput(enterpriseId)}。`, `No enterprise ${quoteInput(enterpriseId)} in the directory.`);
      // Any scope of the enterprise as a whole, of whatever domain (an officer reads by domain, places are no domain's).
      const inspects =
        scopes === 'all' ||
        scopes.some((s) => s.premisesId === undefined && (s.enterpriseId === undefined || s.enterpriseId === enterprise.id) && (s.area === undefined || areaCovers(s.area, enterprise.area)));
      if (!inspects) return refused();
      const [held, rented] = await Promise.all([deps.rental.premisesOf(enterprise.id), deps.rental.tenancies({ tenantEnterpriseId: enterprise.id })]);
      const places: EnterprisePlace[] = [];
      for (const p of held) places.push(place(p, deps.names));
      for (const t of rented) {
        const p = await deps.rental.premises(t.premisesId);
        if (p) places.push({ ...place(p, deps.names), landlordEnterpriseId: t.landlordEnterpriseId });
      }
      return Response.json({ enterpriseId: enterprise.id, places });
    },
  };
}

function place(p: { id: string; address: string; kinds: readonly string[] }, names: Readonly<Record<string, { 'zh-CN': string; en: string }>>): EnterprisePlace {
  return { id: p.id, name: names[p.id] ?? { 'zh-CN': p.address }, address: p.address, kinds: [...p.kinds] };
}
