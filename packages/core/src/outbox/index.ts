/**
 * The outbox relay (re-exported by the package root).
 *
 * @module
 */
export { createOutboxRelay } from './create-outbox-relay.js';
export type { OutboxRelay, OutboxRelayOptions, RelayDelivery, RelayPass } from './create-outbox-relay.js';
export { toOutboxEnvelope, OutboxKindError } from './to-outbox-envelope.js';
export type { OutboxEnvelope, OutboxKind, OutboxPayloads } from './outbox-envelope.js';
