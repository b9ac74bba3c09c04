/**
 * Public exports of the pack area (re-exported by the package root).
 *
 * @module
 */
export {};
