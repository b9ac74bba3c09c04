import type { RejectionCode } from '@anjian/core';

/**
 * The HTTP status of a refused command: FORBIDDEN, UNKNOWN_ACTOR and SEPARATION_OF_DUTIES
 * (the actor may not do this here, e.g. the second officer of a major hazard's 销号 is the
 * one who accepted it) and CO_SIGN_CODE_INVALID (no valid code of the second officer) 403,
 * CO_SIGN_CODE_LIMITED (too many code attempts) 429, HAZARD_NOT_FOUND 404, HAZARD_EXISTS 409, CONFLICT 412 when
 * the client pinned a version (`If-Match` or `expectedVersion`) and 409 otherwise, every
 * other rule violation (EVIDENCE_INVALID included) 422.
 */
export function rejectionStatus(code: RejectionCode, pinnedVersion: boolean): number {
  switch (code) {
    case 'FORBIDDEN':
    case 'UNKNOWN_ACTOR':
    case 'SEPARATION_OF_DUTIES':
    case 'CO_SIGN_CODE_INVALID':
      return 403;
    case 'CO_SIGN_CODE_LIMITED':
      return 429;
    case 'HAZARD_NOT_FOUND':
      return 404;
    case 'HAZARD_EXISTS':
      return 409;
    case 'CONFLICT':
      return pinnedVersion ? 412 : 409;
    default:
      return 422;
  }
}
