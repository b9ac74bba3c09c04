import { isTransientHttpStatus } from '@anjian/core/ports';
import { maskPhone, normalizeMainlandPhone } from './normalize-phone.js';
import { DEFAULT_SMS_TEMPLATES, renderSmsTemplate, SmsTemplateError } from './templates.js';
import type { SmsDeliveryResult, SmsMessage, SmsNotifier, SmsNotifierOptions } from './types.js';

/** Thrown for misuse of {@link createSmsNotifier} (bad options). */
export class SmsConfigError extends Error {
  override readonly name = 'SmsConfigError';
  readonly code = 'SMS_CONFIG_INVALID';
}

/** Any 2xx is sent; otherwise permanent or transient as core's Notifier port defines it (`isTransientHttpStatus`). */
const defaultParse = (status: number): SmsDeliveryResult => {
  if (status >= 200 && status < 300) return { ok: true, status };
  const retryable = isTransientHttpStatus(status);
  return {
    ok: false,
    status,
    retryable,
    error: retryable
      ? `SMS gateway answered HTTP ${status}, try again later / 短信网关返回 HTTP ${status}，稍后重试`
      : `SMS gateway refused the message: HTTP ${status} / 短信网关拒绝发送：HTTP ${status}`,
  };
};

/** The most of a gateway's answer read: a provider answers in a few hundred bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * The gateway's answer as text, or `null` when it is longer than {@link MAX_ANSWER_BYTES} (the
 * rest is not read: `text()` read it whole, so a gateway answering gigabytes grew the sending
 * process by as much).
 */
async function readAnswer(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(read);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * Create an SMS notifier for a generic HTTP gateway. The host supplies the provider
 * mapping (`toRequest`, optionally `parseResponse`); anjian supplies templates in 中文, the
 * signature, phone normalisation, timeouts and the idempotency key.
 *
 * @example
 * ```ts
 * const sms = createSmsNotifier({
 *   endpoint: 'https://sms.example.cn/send',
 *   signature: '某市应急管理局',
 *   toRequest: ({ phone, text, idempotencyKey }) => ({
 *     headers: { 'content-type': 'application/json', 'x-request-id': idempotencyKey },
 *     body: JSON.stringify({ mobile: phone, content: text }),
 *   }),
 * });
 * await sms.deliver({ id: 'outbox-7', kind: 'hazard.overdue', to: '13800138000', params });
 * ```
 */
export function createSmsNotifier(options: SmsNotifierOptions): SmsNotifier {
  try {
    new URL(options.endpoint);
  } catch {
    throw new SmsConfigError(`SMS endpoint is not a valid URL: ${JSON.stringify(options.endpoint)}`);
  }
  if (!options.signature || /[【】]/.test(options.signature)) {
    throw new SmsConfigError('SMS signature is required, without the 【】 brackets');
  }
  if (typeof options.toRequest !== 'function') throw new SmsConfigError('toRequest (the provider mapping) is required');
  const templates = Object.freeze({ ...DEFAULT_SMS_TEMPLATES, ...options.templates });
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const parse = options.parseResponse ?? defaultParse;

  return Object.freeze({
    async deliver(message: SmsMessage): Promise<SmsDeliveryResult> {
      const phone = normalizeMainlandPhone(message.to);
      if (!phone) {
        const shown = JSON.stringify(message.to).slice(0, 40);
        return { ok: false, retryable: false, error: `not a mainland mobile number: ${shown} / 不是中国大陆手机号码：${shown}` };
      }
      let body: string;
      try {
        body = renderSmsTemplate(templates, message.kind, message.params);
      } catch (error) {
        if (error instanceof SmsTemplateError) return { ok: false, retryable: false, error: error.message };
        throw error;
      }
      const request = options.toRequest({
        phone,
        body,
        text: `【${options.signature}】${body}`,
        kind: message.kind,
        params: message.params,
        idempotencyKey: message.id,
      });
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await doFetch(request.url ?? options.endpoint, {
          method: request.method ?? 'POST',
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
          redirect: 'manual',
        });
        const answer = await readAnswer(response);
        if (answer === null) {
          const error = `SMS gateway answered HTTP ${response.status} with more than 64 KiB; not read (to ${maskPhone(phone)}), check the gateway / 短信网关返回 HTTP ${response.status}，应答超过 64 KiB，未读取，请检查网关`;
          return { ok: false, status: response.status, retryable: false, error };
        }
        return parse(response.status, answer);
      } catch (error) {
        return {
          ok: false,
          retryable: true,
          error: controller.signal.aborted
            ? `SMS gateway did not answer within ${timeoutMs} ms (to ${maskPhone(phone)}) / 短信网关 ${timeoutMs} 毫秒内无应答`
            : `SMS request failed: ${error instanceof Error ? error.message : String(error)} / 短信请求失败`,
        };
      } finally {
        clearTimeout(timer);
      }
    },
  });
}
