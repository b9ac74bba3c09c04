/**
 * Normalise a mainland-China mobile number to its 11 digits, or `null` when it is not one.
 *
 * Accepts spaces, dashes, dots and parentheses, and the country code written as `+86`,
 * `0086` or `86`. Only mobile numbers (1[3-9]xxxxxxxxx) can receive SMS.
 *
 * @example
 * ```ts
 * normalizeMainlandPhone('+86 138-0013-8000'); // '13800138000'
 * normalizeMainlandPhone('010-12345678');      // null (a landline)
 * ```
 */
export function normalizeMainlandPhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  let digits = input.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** Mask a normalised number for logs: `138****8000`. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
