import type { Inspection } from '../classify/types.js';
import type { Issue } from '../pack/types.js';
import type { RentalDirectory } from '../ports/rental-directory.js';

function issue(code: string, pointer: string, zh: string, en: string): Issue {
  return { code, severity: 'error', pointer, message: { 'zh-CN': zh, en } };
}

/**
 * The premises kind of a report at a place, derived from the directory (the place's `kinds`
 * that `pack` has questions for), never taken from the request. Returns the inspection with
 * that kind, or `null` and a located issue:
 *
 * - the place has one kind of the pack: that kind; a declared other one is refused
 *   (`PREMISES_KIND_MISMATCH`, `/premises`);
 * - several: the declared one when it is among them, else `PREMISES_KIND_AMBIGUOUS`
 *   (`/premises`, naming them);
 * - none: a place the report named (`named`) is refused (`PACK_NOT_AT_PREMISES`,
 *   `/premisesId`: the pack asks nothing there); a place derived for a report that named
 *   none (the enterprise's only one) leaves the inspection as it came — the directory says
 *   nothing of this pack there (a device's `monitored_device`, a directory that lists other
 *   kinds).
 *
 * A pack without premises kinds (or an evaluator that does not list them) leaves the inspection as it came.
 */
export async function withPremisesKind(
  rental: RentalDirectory | undefined,
  premisesId: string,
  named: boolean,
  pack: { readonly id: string; readonly premises?: readonly string[] },
  inspection: Inspection,
  issues: Issue[],
): Promise<Inspection | null> {
  const packKinds = pack.premises ?? [];
  if (packKinds.length === 0 || !rental) return inspection;
  const place = await rental.premises(premisesId);
  if (!place) return inspection; // resolved just before: an unknown place was refused there
  const kinds = place.kinds.filter((k) => packKinds.includes(k));
  const declared = (inspection as { premises?: unknown }).premises;
  if (kinds.length === 0) {
    if (!named) return inspection;
    issues.push(
      issue(
        'PACK_NOT_AT_PREMISES',
        '/premisesId',
        `检查表 ${pack.id} 不适用于场所 ${premisesId}：名录中它的类型（${place.kinds.join('、') || '无'}）不在该检查表的场所类型中`,
        `pack ${pack.id} has no questions for premises ${premisesId}: its kinds in the directory (${place.kinds.join(', ') || 'none'}) are none of the pack's`,
      ),
    );
    return null;
  }
  if (declared !== undefined && !kinds.includes(declared as string)) {
    issues.push(
      issue(
        'PREMISES_KIND_MISMATCH',
        '/premises',
        `场所类型由名录决定：场所 ${premisesId} 是 ${kinds.join('、')}，不是 ${String(declared)}`,
        `the premises kind comes from the directory: premises ${premisesId} is ${kinds.join(', ')}, not ${String(declared)}`,
      ),
    );
    return null;
  }
  if (declared !== undefined) return inspection;
  if (kinds.length > 1) {
    issues.push(
      issue(
        'PREMISES_KIND_AMBIGUOUS',
        '/premises',
        `场所 ${premisesId} 在名录中有多种类型（${kinds.join('、')}），请选择其中之一`,
        `premises ${premisesId} has several kinds in the directory (${kinds.join(', ')}); choose one of them`,
      ),
    );
    return null;
  }
  return { ...inspection, premises: kinds[0] as string };
}
