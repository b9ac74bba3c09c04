/**
 * SMS notification for anjian: a generic HTTP SMS-gateway adapter (the host maps the
 * provider's API in one small function), templates per message kind in 中文, mainland
 * phone normalisation, and a console notifier for development.
 *
 * @packageDocumentation
 */
export { createSmsNotifier, SmsConfigError } from './create-sms-notifier.js';
export { createConsoleNotifier } from './create-console-notifier.js';
export type { ConsoleNotifierOptions } from './create-console-notifier.js';
export { normalizeMainlandPhone, maskPhone } from './normalize-phone.js';
export { DEFAULT_SMS_TEMPLATES, LEVEL_NAMES_ZH, renderSmsTemplate, SmsTemplateError } from './templates.js';
export type { SmsDeliveryResult, SmsHttpRequest, SmsMessage, SmsNotifier, SmsNotifierOptions, SmsRequestInput } from './types.js';
