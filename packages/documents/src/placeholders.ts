/** Placeholders every text may use besides the template's own fields. */
export const JURISDICTION_PLACEHOLDERS = Object.freeze(['department', 'government', 'court']);

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]{0,39})\}/g;

/** Names of the `{placeholders}` in a text, in order. @internal */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Split a text into literal and placeholder parts. @internal */
export function splitPlaceholders(text: string): ({ literal: string } | { name: string })[] {
  const parts: ({ literal: string } | { name: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push({ literal: text.slice(last, m.index) });
    parts.push({ name: m[1] as string });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}
