/**
 * PostgreSQL store for anjian: multi-instance portals, transactional outbox with SKIP LOCKED.
 *
 * @packageDocumentation
 */
export {};
