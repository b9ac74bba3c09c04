/**
 * Public exports of the ports area (re-exported by the package root).
 *
 * @module
 */
export {};
