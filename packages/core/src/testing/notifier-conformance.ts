import { isTransientHttpStatus, type Notifier, type NotifierDelivery, type NotifierMessage } from '../ports/notifier.js';
import type { ConformanceExpect } from './store-conformance.js';

/**
 * How the test receiver answers one attempt: `accept` (2xx), `transient` (5xx: try again),
 * `permanent` (4xx: never succeeds), `unreachable` (the transport fails: connection refused),
 * or `{ status }`: that HTTP status (a notifier over another transport answers as its
 * receiver would for it — the suite expects what `isTransientHttpStatus` says).
 */
export type NotifierTestAnswer = 'accept' | 'transient' | 'permanent' | 'unreachable' | { status: number };

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
  /**
   * A message this notifier can never send whatever the receiver does (an SMS to a number that
   * is no mobile number), if there is such a thing: it MUST fail permanently without reaching
   * the receiver. Without it, that test is skipped.
   */
  undeliverable?: (id: string) => M;
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
  'a refusal (HTTP 4xx but 408, 425, 429) is permanent; 5xx, 408, 425 and 429 are transient',
  'a permanent failure says why in 中文 and English',
  'a message that can never be sent fails permanently without reaching the receiver',
] as const);

/** An HTTP status a receiver refuses a message with for good, and one after which it may take it. */
const PERMANENT_STATUSES = [400, 401, 403, 404, 405, 409, 410, 413, 415, 422] as const;
const TRANSIENT_STATUSES = [408, 425, 429, 500, 502, 503, 504] as const;

/**
 * Runs the `Notifier` port's contract against an adapter (see `Notifier`): the webhook and
 * SMS notifiers run it in their tests, and so should any notifier a host writes. It checks
 * the port's one definition of permanent and transient failures status by status, and that a
 * permanent failure says why in both languages (the dead-letter list shows it).
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

    options.it('a refusal (HTTP 4xx but 408, 425, 429) is permanent; 5xx, 408, 425 and 429 are transient', async () => {
      const seen: Array<[number, boolean]> = [];
      for (const status of [...PERMANENT_STATUSES, ...TRANSIENT_STATUSES]) {
        const { receiver } = scripted({ status });
        seen.push([status, failure(await options.createNotifier(receiver).deliver(options.message(nextId()))).retryable]);
      }
      expect(seen).toEqual([...PERMANENT_STATUSES.map((s) => [s, false]), ...TRANSIENT_STATUSES.map((s) => [s, true])]);
      expect(seen.every(([status, retryable]) => retryable === isTransientHttpStatus(status))).toBe(true);
    });

    options.it('a permanent failure says why in 中文 and English', async () => {
      const { receiver } = scripted('permanent');
      const { error } = failure(await options.createNotifier(receiver).deliver(options.message(nextId())));
      expect(/[\u4e00-\u9fff]/.test(error) && /[A-Za-z]{3}/.test(error)).toBe(true);
    });

    if (options.undeliverable) {
      const undeliverable = options.undeliverable;
      options.it('a message that can never be sent fails permanently without reaching the receiver', async () => {
        const { keys, receiver } = scripted('accept');
        const result = failure(await options.createNotifier(receiver).deliver(undeliverable(nextId())));
        expect(result.retryable).toBe(false);
        expect(/[\u4e00-\u9fff]/.test(result.error)).toBe(true);
        expect(keys).toEqual([]);
      });
    }
  });
}
