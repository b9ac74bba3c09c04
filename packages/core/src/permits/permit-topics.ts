/**
 * Outbox topics of permit notifications: plain constants in a module of their own, so that
 * whoever only names a topic (the outbox envelope, SMS templates) does not load the permit
 * service and the permit rules with it (their JSON Schema was compiled by ajv, which a
 * browser under a CSP without `unsafe-eval` refuses; it is precompiled now, the split stays).
 *
 * @module
 */

/** Outbox topic (and SMS template kind) of a job suspended (failing or missed reading, attendant gone). */
export const PERMIT_SUSPENDED_TOPIC = 'permit.suspended';
/** Outbox topic (and SMS template kind) of a started job whose permit expired before it was closed. */
export const PERMIT_OVERDUE_TOPIC = 'permit.overdue_to_close';
/** Outbox topic (and SMS template kind) of a permit still waiting for approval near (or after) its planned start: tell the approver. */
export const PERMIT_APPROVAL_DUE_TOPIC = 'permit.approval_due';
