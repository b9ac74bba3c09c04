import type { Notifier, NotifierDelivery, NotifierMessage } from '../ports/notifier.js';
import type { ConformanceExpect } from './store-conformance.js';

/**
 * How the test receiver answers one attempt: `accept` (2xx), `transient` (5xx: try again),
 * `permanent` (4xx: never succeeds), `unreachable` (the transport fails: connection refused).
 */
export type NotifierTestAnswer = 'accept' | 'transient' | 'permanent' | 'unreachable';

/**
 * The receiver the suite plays: the adapter's test wires it into the notifier's transport
 * (a `fetch` stub), passes the idempotency key the adapter sent, and answers as told.
 */
export type NotifierTestReceiver = (idempotencyKey: string) => NotifierTestAnswer;

/** Options of {@link runNotifierConformance}. */
export interface NotifierConformanceOptions<M extends NotifierMessage> {
  /** Adapter name shown in the test titles. */
  name: string;
  /** A valid message for this notifier with the given outbox id. */
  message: (id: string) => M;
  /** A notifier whose transport asks `receiver` how to answer each attempt. */
  createNotifier: (receiver: NotifierTestReceiver) => Notifier<M>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the notifier suite. */
export const NOTIFIER_CONFORMANCE_TESTS = Object.freeze([
  'an accepted message is delivered',
  'the message id is the idempotency key, the same on a retry',
  'a transient failure is retryable',
  'a permanent refusal is not retryable',
  'an unreachable receiver is a retryable failure, never a throw',
  'deliver does not change the message',
] as const);

/**
 * Runs the `Notifier` port's contract against an adapter (see `Notifier`): the webhook and
 * SMS notifiers run it in their tests, and so should any notifier a host writes.
 *
 * @example
 * ```ts
 * runNotifierConformance({
 *   name: 'webhook', describe, it, expect,
 *   message: (id) => ({ id, kind: 'hazard.notice_overdue', payload: {} }),
 *   createNotifier: (receiver) => createWebhookNotifier({ url, secret, fetch: stubFetch(receiver) }),
 * });
 * ```
 */
export function runNotifierConformance<M extends NotifierMessage>(options: NotifierConformanceOptions<M>): void {
  const { expect } = options;
  let counter = 0;
  const nextId = () => `conformance-${Date.now().toString(36)}-${++counter}`;

  /** A receiver answering `answers` in turn (the last one repeats), recording the keys it saw. */
  const scripted = (...answers: NotifierTestAnswer[]) => {
    const keys: string[] = [];
    const receiver: NotifierTestReceiver = (key) => {
      keys.push(key);
      return answers[Math.min(keys.length - 1, answers.length - 1)] as NotifierTestAnswer;
    };
    return { keys, receiver };
  };

  const failure = (result: NotifierDelivery) => {
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('unreachable');
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    if (result.retryAfter !== undefined) {
      expect(Number.isFinite(result.retryAfter)).toBe(true);
      expect(result.retryAfter >= 0).toBe(true);
    }
    return result;
  };

  options.describe(`Notifier conformance: ${options.name}`, () => {
    options.it('an accepted message is delivered', async () => {
      const { keys, receiver } = scripted('accept');
      const id = nextId();
      const result = await options.createNotifier(receiver).deliver(options.message(id));
      expect(result.ok).toBe(true);
      expect(keys).toEqual([id]);
    });

    options.it('the message id is the idempotency key, the same on a retry', async () => {
      const { keys, receiver } = scripted('transient', 'accept');
      const notifier = options.createNotifier(receiver);
      const id = nextId();
      const first = await notifier.deliver(options.message(id));
      expect(failure(first).retryable).toBe(true);
      expect((await notifier.deliver(options.message(id))).ok).toBe(true);
      expect(keys).toEqual([id, id]);
    });

    options.it('a transient failure is retryable', async () => {
      const { receiver } = scripted('transient');
      expect(failure(await options.createNotifier(receiver).deliver(options.message(nextId()))).retryable).toBe(true);
    });

    options.it('a permanent refusal is not retryable', async () => {
      const { receiver } = scripted('permanent');
      expect(failure(await options.createNotifier(receiver).deliver(options.message(nextId()))).retryable).toBe(false);
    });

    options.it('an unreachable receiver is a retryable failure, never a throw', async () => {
      const { receiver } = scripted('unreachable');
      let thrown: unknown = null;
      let result: NotifierDelivery | null = null;
      try {
        result = await options.createNotifier(receiver).deliver(options.message(nextId()));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeNull();
      expect(failure(result as NotifierDelivery).retryable).toBe(true);
    });

    options.it('deliver does not change the message', async () => {
      const { receiver } = scripted('transient');
      const message = options.message(nextId());
      const before = JSON.stringify(message);
      await options.createNotifier(receiver).deliver(message);
      expect(JSON.stringify(message)).toBe(before);
    });
  });
}
