/**
 * Conformance suites every adapter runs unchanged (`@anjian/core/testing`).
 *
 * @packageDocumentation
 */
export {};
