/** Deepest nesting of arrays and objects a JSON request body may have. */
export const MAX_JSON_DEPTH = 64;
/** Most values (separators, plus opened arrays and objects) a JSON request body may have. */
export const MAX_JSON_VALUES = 20_000;

/**
 * Why `text` must not reach `JSON.parse`, or `null`. One linear pass over the characters,
 * outside strings: JSON.parse of a body within the size limit can still block the event
 * loop for hundreds of milliseconds when it is half a million nested arrays or a few
 * hundred thousand tiny values (docs/security.md T25); no body this API takes comes near
 * either bound.
 */
export function jsonShapeProblem(text: string): 'depth' | 'values' | null {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return 'depth';
      if (++values > MAX_JSON_VALUES) return 'values';
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && ++values > MAX_JSON_VALUES) return 'values';
  }
  return null;
}
