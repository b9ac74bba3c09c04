// Relay process for the outbox harness: delivers the store's outbox to a webhook receiver
// until killed. Short leases, so a killed relay's messages come back quickly.
import { createOutboxRelay } from '@anjian/core';
import { createWebhookNotifier } from '@anjian/notify-webhook';
import { openStore, type StoreKind } from './open-store.js';

async function main(): Promise<void> {
  const [kind, target, pgUrl, receiver, owner] = process.argv.slice(2) as [StoreKind, string, string, string, string];
  const { store } = await openStore(kind, target, pgUrl);
  const webhook = createWebhookNotifier({ url: receiver, secret: 'crash-harness-secret-0123', timeoutMs: 2000 });
  const relay = createOutboxRelay({
    store,
    owner,
    leaseMs: 1500,
    batchSize: 20,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    maxAttempts: 1000,
    deliver: (m) => webhook.deliver({ id: m.id, kind: m.topic, payload: m.payload }),
  });
  for (;;) {
    const pass = await relay.runOnce();
    if (pass.claimed === 0) await new Promise((r) => setTimeout(r, 20));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`relay failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
