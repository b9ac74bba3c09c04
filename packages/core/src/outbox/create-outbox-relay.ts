import { systemClock, type Clock } from '../ports/clock.js';
import { PermanentDeliveryError, type NotifierDelivery } from '../ports/notifier.js';
import type { ClaimedOutboxMessage, OutboxStore } from '../ports/store.js';

/** What a delivery attempt reports back; the notifiers of `@anjian/notify-*` return this (the `Notifier` port's result). */
export type RelayDelivery = NotifierDelivery;

/** Options of {@link createOutboxRelay}. */
export interface OutboxRelayOptions {
  /** The outbox facet of a store (only these three methods are used). */
  store: Pick<OutboxStore, 'claimOutbox' | 'ackOutbox' | 'failOutbox'>;
  /**
   * Deliver one message. MUST pass `message.id` on as the idempotency key. A result with
   * `retryable: false` or a thrown `PermanentDeliveryError` (such as `toOutboxEnvelope`'s
   * `OutboxKindError`) is permanent: the message goes to the dead letters at once. Any other
   * throw is transient, retried with backoff like `retryable: true`.
   */
  deliver: (message: ClaimedOutboxMessage) => Promise<RelayDelivery>;
  /** This relay instance's id; leases are held in its name. */
  owner: string;
  clock?: Clock;
  /** Lease length: a relay that dies releases its messages after this. Default 60 s. */
  leaseMs?: number;
  /** Messages claimed per batch. Default 50. */
  batchSize?: number;
  /** First retry delay; doubles with each failure (full jitter). Default 5 s. */
  backoffBaseMs?: number;
  /** Longest retry delay. Default 1 h. */
  backoffMaxMs?: number;
  /** After this many failed attempts a message goes to the dead letters. Default 12. */
  maxAttempts?: number;
  /** Randomness for jitter, for tests. Default `Math.random`. */
  random?: () => number;
  /**
   * Called after every pass of {@link OutboxRelay.start}'s loop with its tally (also when
   * nothing was claimed): feed a metric or a health check from it. A throw is reported to
   * `onError`, the loop goes on.
   */
  onPass?: (pass: RelayPass) => void;
  /**
   * Called when a pass of {@link OutboxRelay.start}'s loop fails (the store unreachable, a
   * lease lost mid-write…); the loop waits `idleMs` and tries again. Without it errors are
   * written to `console.error` — never swallowed. A failed delivery is not an error: it is
   * retried or dead-lettered and counted in {@link RelayPass} — except an error `deliver`
   * threw whose message goes to the dead letters (a `PermanentDeliveryError`, or the last
   * attempt): it is reported here too, with the pass going on, so a message of a kind this
   * release does not know shows up in the logs, not only on the dashboard.
   */
  onError?: (error: unknown) => void;
}

/** Tally of one {@link OutboxRelay.runOnce} pass. */
export interface RelayPass {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
  /** Messages whose lease was lost before the result could be recorded (another relay has them). */
  lost: number;
}

/** A relay that moves outbox messages to a notifier. */
export interface OutboxRelay {
  /** Claim one batch, deliver it, record the outcomes. */
  runOnce(): Promise<RelayPass>;
  /**
   * Run passes until stopped; sleeps `idleMs` (default 1 000) when a pass found nothing or failed. Each
   * pass is reported to `onPass`, each failure to `onError`.
   */
  start(idleMs?: number): void;
  /** Stop after the current pass (an idle relay at once, without waiting out `idleMs`); resolves when it has ended. */
  stop(): Promise<void>;
}

/**
 * Create an outbox relay: at-least-once delivery of the messages a store wrote in the same
 * transaction as their events, under leases so several relays can run at once, with
 * exponential backoff and a dead-letter state a dashboard can show.
 *
 * A crash between delivery and acknowledgement re-delivers the message after its lease
 * runs out, with the same id: receivers MUST deduplicate by it (docs/security.md T16).
 *
 * @example
 * ```ts
 * // toOutboxEnvelope: { id, kind, payload } typed by kind; a kind this release does not know is a dead letter at once
 * const relay = createOutboxRelay({ store, owner: `portal-${process.pid}`, deliver: (m) => webhook.deliver(toOutboxEnvelope(m)) });
 * relay.start();
 * // on shutdown: await relay.stop();
 * ```
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 50;
  const base = options.backoffBaseMs ?? 5_000;
  const max = options.backoffMaxMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const random = options.random ?? Math.random;
  let running: Promise<void> | null = null;
  const report = (error: unknown, what = 'pass failed / 外发队列处理失败'): void => {
    try {
      if (options.onError) options.onError(error);
      else console.error(`[anjian outbox relay] ${what}:`, error);
    } catch (hookError) {
      console.error('[anjian outbox relay] onError threw / onError 抛出异常:', hookError, 'while reporting', error);
    }
  };
  let stopping = false;
  /** Ends the idle wait of the running loop early (set while it sleeps). */
  let wake: (() => void) | null = null;

  const backoff = (attempts: number, retryAfter?: number): number => {
    const exponential = Math.min(max, base * 2 ** Math.min(30, attempts));
    const jittered = exponential / 2 + random() * (exponential / 2);
    return Math.max(jittered, (retryAfter ?? 0) * 1000);
  };

  async function runOnce(): Promise<RelayPass> {
    const now = clock.now();
    const batch = await options.store.claimOutbox({ owner: options.owner, now: now.toISOString(), leaseMs, limit: batchSize });
    const pass: RelayPass = { claimed: batch.length, delivered: 0, retried: 0, dead: 0, lost: 0 };
    const done: string[] = [];
    for (const message of batch) {
      let outcome: RelayDelivery;
      let thrown: { error: unknown } | null = null;
      try {
        outcome = await options.deliver(message);
      } catch (error) {
        thrown = { error };
        const permanent = PermanentDeliveryError.is(error);
        const text = error instanceof Error ? error.message : String(error);
        outcome = { ok: false, retryable: !permanent, error: permanent ? `permanent failure, not retried / 永久性失败，不再重试: ${text}` : text };
      }
      if (outcome.ok) {
        done.push(message.id);
        continue;
      }
      const attempts = message.attempts + 1;
      const dead = !outcome.retryable || attempts >= maxAttempts;
      if (thrown && dead) report(thrown.error, `message ${message.id} dead-lettered / 消息 ${message.id} 转入死信`);
      const retryAt = dead ? null : new Date(clock.now().getTime() + backoff(message.attempts, outcome.retryAfter)).toISOString();
      const kept = await options.store.failOutbox({ id: message.id, owner: options.owner, error: outcome.error.slice(0, 500), retryAt });
      if (!kept) pass.lost++;
      else if (dead) pass.dead++;
      else pass.retried++;
    }
    if (done.length > 0) {
      const acked = await options.store.ackOutbox(options.owner, done, clock.now().toISOString());
      pass.delivered += acked;
      pass.lost += done.length - acked;
    }
    return pass;
  }

  return {
    runOnce,
    start(idleMs = 1000) {
      if (running) return;
      stopping = false;
      running = (async () => {
        while (!stopping) {
          let claimed = 0;
          try {
            const pass = await runOnce();
            claimed = pass.claimed;
            options.onPass?.(pass);
          } catch (error) {
            report(error);
          }
          if (claimed === 0 && !stopping) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                wake = null;
                resolve();
              }, idleMs);
              wake = () => {
                clearTimeout(timer);
                wake = null;
                resolve();
              };
            });
          }
        }
      })();
    },
    async stop() {
      stopping = true;
      // An idle relay stops now, not when its idle wait ends (a host's shutdown waited up to idleMs per relay).
      wake?.();
      await running;
      running = null;
    },
  };
}
