import { isTransientHttpStatus } from '@anjian/core/ports';
import { signWebhook, WEBHOOK_HEADERS } from './sign-webhook.js';
import type { DeliveryResult, WebhookMessage, WebhookNotifier, WebhookNotifierOptions } from './types.js';

/** Thrown for misuse of {@link createWebhookNotifier} (bad options), never for delivery failures. */
export class WebhookConfigError extends Error {
  override readonly name = 'WebhookConfigError';
  readonly code = 'WEBHOOK_CONFIG_INVALID';
}

/**
 * Create a notifier that POSTs each outbox message as JSON to a receiver, signed with
 * HMAC-SHA256 and carrying the message id as `Idempotency-Key`.
 *
 * Delivery is at least once: the outbox relay calls `deliver` again after a failure or a
 * crash, with the same id, so receivers MUST deduplicate by `Idempotency-Key`. A refusal
 * (HTTP 4xx but 408, 425, 429) is permanent — the relay dead-letters the message at once; no
 * answer, 5xx, 408, 425 and 429 are transient (core's `isTransientHttpStatus`).
 *
 * @example
 * ```ts
 * const notifier = createWebhookNotifier({ url: 'https://portal.example/hooks/anjian', secret });
 * // the outbox relay retries and dead-letters by the result: hand it the message as toOutboxEnvelope makes it
 * createOutboxRelay({ store, owner: 'portal-1', deliver: (m) => notifier.deliver(toOutboxEnvelope(m)) }).start();
 * ```
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): WebhookNotifier {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new WebhookConfigError(
      `webhook url is not a valid URL: ${JSON.stringify(options.url)} — give the receiver's full address, e.g. https://portal.example/hooks/anjian / Webhook 接收地址不是有效的 URL：${JSON.stringify(options.url)}，请填写完整地址，如 https://portal.example/hooks/anjian`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookConfigError(`webhook url must be https: (http: only to this machine), got ${url.protocol} / Webhook 接收地址须为 https:（仅本机可用 http:），实际为 ${url.protocol}`);
  }
  // Messages carry names, phone numbers and hazards: plain http only to this machine, or when asked for.
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && options.allowInsecureHttp !== true) {
    throw new WebhookConfigError(
      `webhook url must be https for a receiver on another machine (${url.host}): messages carry personal data and the signature does not hide them; set allowInsecureHttp: true only inside a trusted network / 发往其他机器（${url.host}）的 Webhook 须用 https:：消息含个人信息，签名不加密；仅在可信内网中设置 allowInsecureHttp: true`,
    );
  }
  if (typeof options.secret !== 'string' || options.secret.length < 16) {
    // Never the secret itself: its length, or what was given instead of a string.
    const given = typeof options.secret === 'string' ? null : options.secret === undefined ? 'undefined' : `a ${typeof options.secret}`;
    const got = given ?? `${(options.secret as string).length} characters`;
    const gotZh = given ?? `${(options.secret as string).length} 个字符`;
    const unset = options.secret === undefined;
    throw new WebhookConfigError(
      `webhook secret must be a string of at least 16 characters, the same the receiver verifies with (e.g. \`openssl rand -hex 32\`); got ${got}${unset ? ' — if it comes from an environment variable, is it set?' : ''} / Webhook 密钥须为至少 16 个字符的字符串，与接收方验证所用相同（可用 \`openssl rand -hex 32\` 生成）；实际为 ${gotZh}${unset ? '——若取自环境变量，请确认已设置' : ''}`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;

  return Object.freeze({
    async deliver(message: WebhookMessage): Promise<DeliveryResult> {
      const body = JSON.stringify({ id: message.id, kind: message.kind, payload: message.payload });
      const timestamp = String(Math.floor(now() / 1000));
      const signature = await signWebhook(options.secret, timestamp, body);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await doFetch(url, {
          method: 'POST',
          body,
          signal: controller.signal,
          redirect: 'manual',
          headers: {
            ...options.headers,
            'content-type': 'application/json; charset=utf-8',
            [WEBHOOK_HEADERS.idempotencyKey]: message.id,
            [WEBHOOK_HEADERS.kind]: message.kind,
            [WEBHOOK_HEADERS.timestamp]: timestamp,
            [WEBHOOK_HEADERS.signature]: signature,
          },
        });
        // Only the status counts: a short answer is drained so the connection can be reused, a longer one is cut off.
        await discardAnswer(response);
        if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
        const retryAfter = Number(response.headers.get('retry-after'));
        // One definition of permanent vs transient: core's Notifier port.
        const retryable = isTransientHttpStatus(response.status);
        return {
          ok: false,
          status: response.status,
          retryable,
          error: retryable
            ? `receiver answered HTTP ${response.status}, try again later / 接收方返回 HTTP ${response.status}，稍后重试`
            : `receiver refused the message: HTTP ${response.status} / 接收方拒收此消息：HTTP ${response.status}`,
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
        };
      } catch (error) {
        const aborted = controller.signal.aborted;
        return {
          ok: false,
          retryable: true,
          error: aborted ? `no answer within ${timeoutMs} ms / ${timeoutMs} 毫秒内无应答` : `request failed: ${error instanceof Error ? error.message : String(error)} / 请求失败`,
        };
      } finally {
        clearTimeout(timer);
      }
    },
  });
}

/**
 * The most of a receiver's answer read before the connection is closed. Reading it whole
 * (`arrayBuffer()`) let a receiver that answered 200 with 1.5 GB grow the sending process by
 * 1.6 GB: one hostile or broken receiver could take the host down.
 */
const MAX_ANSWER_BYTES = 64 * 1024;

/** Reads and drops up to {@link MAX_ANSWER_BYTES} of the answer's body, then cancels the rest. */
async function discardAnswer(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  try {
    for (let read = 0; read <= MAX_ANSWER_BYTES;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The body of the answer does not matter; its status was read.
  }
}

/** localhost, 127.0.0.0/8 or ::1 (as `URL` writes them). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}
