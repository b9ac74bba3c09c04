/**
 * Public exports of the chain area (re-exported by the package root).
 *
 * @module
 */
export {};
