/**
 * Web-standard HTTP API (Request → Response) for anjian, with OpenAPI 3.1.
 *
 * @packageDocumentation
 */
export {};
