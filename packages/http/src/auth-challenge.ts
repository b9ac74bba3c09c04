/** The `WWW-Authenticate` challenge of a 401 when the host supplies none. */
export const DEFAULT_AUTH_CHALLENGE = 'Bearer realm="anjian"';

// An auth-scheme token, then optionally a space and parameters; printable ASCII only, so
// the value is always a valid header value (a bad one would otherwise fail at the first 401).
const CHALLENGE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?: [\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * The challenge to send with every 401: `value`, or {@link DEFAULT_AUTH_CHALLENGE}.
 * Throws a `TypeError` when `value` is not a challenge (`<scheme>[ <params>]`, printable
 * ASCII, no line breaks): a configuration mistake, caught when the API is created.
 */
export function authChallenge(value: string | undefined): string {
  if (value === undefined) return DEFAULT_AUTH_CHALLENGE;
  if (typeof value !== 'string' || !CHALLENGE.test(value)) {
    throw new TypeError(`createAnjianApi: authChallenge ${JSON.stringify(value)} is not a WWW-Authenticate challenge; use '<scheme>[ <params>]' in printable ASCII, e.g. 'Bearer realm="anjian"'`);
  }
  return value;
}
