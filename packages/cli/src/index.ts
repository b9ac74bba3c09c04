/**
 * Programmatic entry of the anjian CLI.
 *
 * @packageDocumentation
 */
export {};
