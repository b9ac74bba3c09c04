import { normalizeMainlandPhone } from './normalize-phone.js';
import { DEFAULT_SMS_TEMPLATES, renderSmsTemplate } from './templates.js';
import type { SmsDeliveryResult, SmsMessage, SmsNotifier } from './types.js';

/** Options of {@link createConsoleNotifier}. */
export interface ConsoleNotifierOptions {
  signature?: string;
  templates?: Record<string, string>;
  /** Where lines go. Default `console.log`. */
  write?: (line: string) => void;
}

/**
 * A development notifier: renders each SMS exactly as the gateway would send it and prints
 * it instead. Same validation as the real one, so template mistakes show up early.
 */
export function createConsoleNotifier(options: ConsoleNotifierOptions = {}): SmsNotifier & { sent: SmsMessage[] } {
  const templates = { ...DEFAULT_SMS_TEMPLATES, ...options.templates };
  const write = options.write ?? ((line: string) => console.log(line));
  const sent: SmsMessage[] = [];
  return {
    sent,
    async deliver(message: SmsMessage): Promise<SmsDeliveryResult> {
      const phone = normalizeMainlandPhone(message.to);
      if (!phone) return { ok: false, retryable: false, error: `not a mainland mobile number: ${message.to}` };
      let body: string;
      try {
        body = renderSmsTemplate(templates, message.kind, message.params);
      } catch (error) {
        return { ok: false, retryable: false, error: error instanceof Error ? error.message : String(error) };
      }
      sent.push(message);
      write(`[sms ${message.id}] → ${phone}: 【${options.signature ?? 'anjian'}】${body}`);
      return { ok: true, status: 200 };
    },
  };
}
