/**
 * Public exports of the classify area (re-exported by the package root).
 *
 * @module
 */
export {};
