/** Header names used by the webhook notifier. */
export const WEBHOOK_HEADERS = Object.freeze({
  signature: 'x-anjian-signature',
  timestamp: 'x-anjian-timestamp',
  idempotencyKey: 'idempotency-key',
  kind: 'x-anjian-kind',
});

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sign a webhook body: `v1=` + hex HMAC-SHA256 over `"<timestamp>.<body>"` with the shared
 * secret. Uses Web Crypto, so it runs in Node ≥ 20 and in browsers.
 *
 * @example
 * ```ts
 * const signature = await signWebhook(secret, '1764300000', body); // "v1=3f1c…"
 * ```
 */
export async function signWebhook(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`));
  return `v1=${toHex(mac)}`;
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  secret: string;
  /** Raw request body, exactly as received. */
  body: string;
  /**
   * Value of the timestamp header (Unix seconds): `request.headers.get('x-anjian-timestamp')` of a
   * web `Request`, or `req.headers['x-anjian-timestamp']` of node:http / Express as it comes. A
   * list (the header given more than once) is refused.
   */
  timestamp: string | readonly string[] | null | undefined;
  /** Value of the signature header, taken the same way (a list is refused). */
  signature: string | readonly string[] | null | undefined;
  /** Reject timestamps further than this from now. Default 300 s. */
  toleranceSeconds?: number;
  /** Clock in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/**
 * For receivers: check a webhook's signature and freshness in constant time.
 * Returns `true` only when the signature matches and the timestamp is within tolerance
 * (which bounds replays; deduplicate by the `Idempotency-Key` header for the rest).
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<boolean> {
  const { secret, body, timestamp, signature } = options;
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const now = (options.now ?? Date.now)() / 1000;
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = await signWebhook(secret, timestamp, body);
  if (expected.length !== signature.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  return diff === 0;
}
