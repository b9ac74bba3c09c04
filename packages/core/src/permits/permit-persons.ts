import type { ActorProfile } from '../ports/directory.js';
import { actsForEnterprise } from './permit-access.js';
import { permitRejection as reject } from './permit-rejection.js';
import type { PermitRejection } from './permit-types.js';

/** The ids an apply names (workers and the attendant; well-formed ones, at most 51), for the host to resolve in its directory. */
export function permitPersonIds(command: { workerIds?: unknown; attendantId?: unknown }): string[] {
  const ids = Array.isArray(command.workerIds) ? command.workerIds.slice(0, 50).filter((w): w is string => typeof w === 'string') : [];
  if (typeof command.attendantId === 'string') ids.push(command.attendantId);
  return [...new Set(ids.filter((id) => id.length > 0 && id.length <= 200))];
}

/**
 * Checks the persons an apply names against the directory (`persons`: each id's profile, or
 * `null` for one the directory does not know) and returns the workers stored as declared.
 *
 * - The attendant (监护人) must be a person the directory knows, acting for the applying
 *   enterprise: the attendant confirms being present in the system, and a permit must not
 *   name someone of another enterprise as its attendant.
 * - A worker the directory knows must act for the applying enterprise; a worker it does not
 *   know (a contractor's worker, a temporary hand) is stored as declared and listed in
 *   `declaredWorkerIds`, so every view can show it as such.
 *
 * The directory models no contractor relation, so "acts for the enterprise" means role
 * `enterprise` with the enterprise among its own (`actsForEnterprise`). Without a directory
 * (`persons` undefined) the apply is refused.
 */
export function checkPermitPersons(
  c: { enterpriseId: string; workerIds: readonly string[]; attendantId: string },
  persons: ReadonlyMap<string, ActorProfile | null> | undefined,
): { ok: true; declaredWorkerIds: string[] } | { ok: false; rejection: PermitRejection } {
  const fail = (pointer: string, zh: string, en: string) => ({ ok: false as const, rejection: { ...reject('PERSON_NOT_OF_ENTERPRISE', zh, en), pointer } });
  if (persons === undefined) return fail('/attendantId', '无法核对作业人员与监护人：未配置人员目录', 'the workers and the attendant cannot be checked: no directory is configured');
  const attendant = persons.get(c.attendantId) ?? null;
  if (attendant === null) {
    return fail(
      '/attendantId',
      `监护人 ${c.attendantId} 不在人员目录中：监护人须是 ${c.enterpriseId} 在系统中登记的人员（须本人确认到位）`,
      `the attendant ${c.attendantId} is not in the directory: the attendant must be a registered person of ${c.enterpriseId} (they confirm being present themselves)`,
    );
  }
  if (!actsForEnterprise(attendant, c.enterpriseId)) {
    return fail('/attendantId', `监护人 ${c.attendantId} 不是 ${c.enterpriseId} 的人员`, `the attendant ${c.attendantId} is not a person of ${c.enterpriseId}`);
  }
  const declared: string[] = [];
  for (let i = 0; i < c.workerIds.length; i++) {
    const id = c.workerIds[i] as string;
    const profile = persons.get(id) ?? null;
    if (profile === null) declared.push(id);
    else if (!actsForEnterprise(profile, c.enterpriseId)) {
      return fail(
        `/workerIds/${i}`,
        `作业人员 ${id} 是目录中登记的其他单位人员，不是 ${c.enterpriseId} 的人员`,
        `the worker ${id} is registered in the directory, but not as a person of ${c.enterpriseId}`,
      );
    }
  }
  return { ok: true, declaredWorkerIds: declared };
}
