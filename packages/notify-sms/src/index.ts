/**
 * Generic HTTP SMS-gateway notifier for anjian, with Chinese templates.
 *
 * @packageDocumentation
 */
export {};
