/**
 * Node-only helpers of `@anjian/core`: loading packs from the file system.
 *
 * @packageDocumentation
 */
export {};
