/** How many characters of a value a message echoes before it is cut. */
export const ECHO_MAX_CHARACTERS = 64;

/**
 * What an error message may echo of an untrusted value (a query parameter, a path segment, a
 * field): at most {@link ECHO_MAX_CHARACTERS} characters (code points, so a character is never
 * split), then `…`. Every message that repeats a request's input back goes through this one
 * function, so a 10 000-character `area` is never echoed in full. @internal
 *
 * @example
 * ```ts
 * cutInput('D'.repeat(100)); // 'DDDD…' (64 D, then …)
 * ```
 */
export function cutInput(value: string): string {
  if (value.length <= ECHO_MAX_CHARACTERS) return value;
  const chars = Array.from(value.slice(0, ECHO_MAX_CHARACTERS * 2));
  return chars.length <= ECHO_MAX_CHARACTERS && value.length <= ECHO_MAX_CHARACTERS * 2 ? value : `${chars.slice(0, ECHO_MAX_CHARACTERS).join('')}…`;
}

/**
 * {@link cutInput} in double quotes, JSON-escaped (a control character or a quote in the value
 * shows as its escape, never as itself): `"levle"`, `"DDDD…"`. @internal
 */
export function quoteInput(value: string): string {
  return JSON.stringify(cutInput(value));
}
