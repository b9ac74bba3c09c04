interface Frame {
  /** The keys met so far, for an object; null for an array. */
  keys: Set<string> | null;
  /** The index of the current element, for an array. */
  index: number;
  /** The last key met, for an object. */
  key: string;
  /** This container's own segment in a JSON pointer. */
  segment: string;
}

const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointer of the first key that an object of `text` gives twice (`/type`,
 * `/findings/a`), or `null`. `text` is valid JSON (JSON.parse accepted it): JSON.parse keeps
 * the last of two equal keys, so `{"type":"x","type":"close"}` would act on one value while
 * anything that read the first — a proxy, a log, a reviewer — saw another; keys are compared
 * as decoded (`"p\u0061ck"` is `pack`). One pass, each key decoded once
 * (docs/security.md T51).
 */
export function duplicateJsonKey(text: string): string | null {
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && expectKey) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (top.keys.has(key)) return [...stack.slice(1).map((f) => f.segment), key].map((s) => `/${escapeSegment(s)}`).join('');
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
    } else if (c === 0x7b || c === 0x5b) {
      const top = stack[stack.length - 1];
      const segment = top === undefined ? '' : top.keys ? top.key : String(top.index);
      stack.push({ keys: c === 0x7b ? new Set() : null, index: 0, key: '', segment });
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return null;
}
