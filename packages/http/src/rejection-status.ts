import type { RejectionCode } from '@anjian/core';

/**
 * The HTTP status of a refused command: FORBIDDEN and UNKNOWN_ACTOR 403,
 * HAZARD_NOT_FOUND 404, HAZARD_EXISTS 409, CONFLICT 412 when the client pinned a version
 * (`If-Match`) and 409 otherwise, every other rule violation 422.
 */
export function rejectionStatus(code: RejectionCode, pinnedVersion: boolean): number {
  switch (code) {
    case 'FORBIDDEN':
    case 'UNKNOWN_ACTOR':
      return 403;
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
