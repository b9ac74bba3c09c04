/**
 * Public exports of the rules area (re-exported by the package root).
 *
 * @module
 */
export {};
