/**
 * Embedded SQLite store for anjian (the default): WAL, synchronous=FULL, transactional outbox.
 *
 * @packageDocumentation
 */
export {};
