import type { PermitCommand, PermitStatus } from './permit-types.js';

/** The commands on an existing permit (every one but `apply`). */
export type PermitStepType = Exclude<PermitCommand['type'], 'apply'>;

/** The statuses in which a permit can still change (not expired, closed or cancelled). */
export const OPEN_PERMIT_STATUSES: readonly PermitStatus[] = Object.freeze(['applied', 'approved', 'in_progress', 'suspended']);

/**
 * The statuses in which each command on a permit may be given — outside them `decidePermit`
 * refuses it with `WRONG_STATUS`. One table for the lifecycle and for a page that offers only
 * the actions the permit's status allows (who may give them is decided apart: roles, the
 * attendant, the enterprise).
 */
export const PERMIT_COMMAND_STATUSES: Readonly<Record<PermitStepType, readonly PermitStatus[]>> = Object.freeze({
  approve: ['applied'],
  record_gas_test: ['applied', 'approved', 'suspended'],
  start: ['approved'],
  record_reading: ['in_progress', 'suspended'],
  attendant_present: OPEN_PERMIT_STATUSES,
  attendant_absent: OPEN_PERMIT_STATUSES,
  resume: ['suspended'],
  close: ['in_progress', 'suspended', 'expired'],
  cancel: ['applied', 'approved', 'suspended'],
});

/**
 * Whether a permit in `status` takes the command `type` ({@link PERMIT_COMMAND_STATUSES}).
 *
 * @example
 * ```ts
 * permitStatusAllows('start', 'approved'); // true
 * permitStatusAllows('record_gas_test', 'in_progress'); // false
 * ```
 */
export function permitStatusAllows(type: PermitStepType, status: PermitStatus): boolean {
  return PERMIT_COMMAND_STATUSES[type]?.includes(status) ?? false;
}
