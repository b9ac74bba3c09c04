/**
 * Inspections viewable later: `GET /inspections?enterprise=<id>[&before=<id>]` lists an
 * enterprise's recorded inspections (自查, 巡查, 执法检查), newest first, 20 a page;
 * `GET /inspections/<id>` answers one. Records come from core's InspectionLog port (the
 * SQLite log beside the store), filled by core's `reportInspection` when an inspection is
 * submitted; who may see one is core's read policy (`readScopes`/`canRead`, the same as for
 * hazards and as the API's enterprise file: the enterprise itself, the grid of its area, the
 * officers of its area and domain, and a landlord those its tenant recorded at the premises it
 * rents to it during the tenancy). `directory` must be the API's, which knows the tenancies.
 */
import type { Directory, LocalizedText } from '@anjian/core';
import { canRead, enterpriseForRead, quoteInput, readableInspection, readScopes, type InspectionLog } from '@anjian/core/internal';
import { portalProblem } from './portal-problem.js';
import { portalReader } from './portal-reader.js';

const PAGE = 20;

/** What {@link createInspectionRecords} reads. */
export interface InspectionRecordsOptions {
  log: InspectionLog;
  /** The API's directory (a landlord's profile carries its tenancies), so the portal reads as the API does. */
  directory: Directory;
  /** Pack titles by id (the list names the checklist, not its id). */
  packTitles: ReadonlyMap<string, LocalizedText>;
}

/** A percent-encoded path segment decoded, or undefined when it is not valid UTF-8 (`%zz`, a cut sequence). */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The portal's inspection-record routes. */
export function createInspectionRecords(options: InspectionRecordsOptions): { handle(request: Request, actorId: string | null): Promise<Response> } {
  const { log, directory } = options;
  return {
    async handle(request, actorId) {
      const url = new URL(request.url);
      // 401 without a session, 403 UNKNOWN_ACTOR for a user the API's directory does not know (fail closed, as the API).
      const reader = await portalReader(request, actorId, directory);
      if (!reader.ok) return reader.response;
      const scopes = readScopes(reader.actor);
      const id = url.pathname.startsWith('/inspections/') ? decodedSegment(url.pathname.slice('/inspections/'.length)) : null;
      if (id === undefined) return portalProblem(request, 400, 'BAD_REQUEST', '检查记录编号的百分号编码无效。', 'The inspection id is not valid percent-encoded UTF-8.');
      if (id !== null) {
        const record = await log.readInspection(id);
        // Not readable answers like missing: no hint that another enterprise's record exists.
        if (!record || !canRead(scopes, readableInspection(record)))
          return portalProblem(request, 404, 'NOT_FOUND', '没有这条检查记录，或你无权查看。', 'No such inspection record, or not yours to see.');
        return Response.json({ record, packTitle: options.packTitles.get(record.pack.id) ?? null });
      }
      const enterpriseId = url.searchParams.get('enterprise') ?? '';
      // Core's order (enterpriseForRead): who may not ask about the id (an enterprise user naming another) is refused before
      // it is looked up, the same for a registered and an unknown one; then unknown; then who may read nothing of it (as GET /places).
      const decided = enterpriseId ? await enterpriseForRead(scopes, enterpriseId, (id) => directory.enterprise(id)) : ({ ok: false, reason: 'unknown' } as const);
      if (!decided.ok && decided.reason === 'forbidden')
        return portalProblem(request, 403, 'FORBIDDEN', `你不能查看企业 ${quoteInput(enterpriseId)} 的检查记录。`, `You may not see the inspections of enterprise ${quoteInput(enterpriseId)}.`);
      if (!decided.ok) return portalProblem(request, 422, 'UNKNOWN_ENTERPRISE', '请指定已登记的企业。', 'Name a registered enterprise.');
      const { enterprise } = decided;
      const before = url.searchParams.get('before') ?? undefined;
      // More than a page is read so that records outside the reader's domains do not leave the page short.
      const items = [];
      let cursor = before;
      for (let round = 0; round < 5 && items.length < PAGE; round++) {
        const batch = await log.listInspections({ enterpriseId, limit: PAGE * 2, ...(cursor === undefined ? {} : { before: cursor }) });
        for (const r of batch) if (canRead(scopes, readableInspection(r)) && items.length < PAGE) items.push(r);
        if (batch.length < PAGE * 2) break;
        cursor = batch[batch.length - 1]!.id;
      }
      const summaries = items.map((r) => ({
        id: r.id,
        packTitle: options.packTitles.get(r.pack.id) ?? null,
        domain: r.domain,
        source: r.source,
        actorId: r.actorId,
        inspectedAt: r.inspectedAt,
        recordedAt: r.recordedAt,
        hazards: r.hazards.length,
        major: r.hazards.filter((h) => h.level === 'major').length,
      }));
      return Response.json({ enterprise: { id: enterprise.id, name: enterprise.name, area: enterprise.area }, items: summaries, next: items.length === PAGE ? items[PAGE - 1]!.id : null });
    },
  };
}
