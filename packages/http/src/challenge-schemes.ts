/** One challenge of a `WWW-Authenticate` value: its auth-scheme, lower-cased, and its text. */
export interface ChallengeScheme {
  /** The auth-scheme, lower-cased as OpenAPI `http` schemes are written (`bearer`, `basic`, `digest`). */
  scheme: string;
  /** The challenge as the host wrote it, e.g. `Basic realm="portal", charset="UTF-8"`. */
  challenge: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * The challenges of a `WWW-Authenticate` value (RFC 9110 §11.6.1), in order, one per
 * auth-scheme: `Basic realm="a", charset="UTF-8", Bearer` is `basic` (with its charset
 * parameter) then `bearer`. A list element that is a token followed by `=` is a parameter
 * of the challenge before it; any other element starts a challenge. Commas inside quoted
 * strings separate nothing. A scheme named twice (two realms) is listed once, with its first
 * challenge. Never throws; expects a value {@link authChallenge} accepted.
 */
export function challengeSchemes(value: string): ChallengeScheme[] {
  const out: ChallengeScheme[] = [];
  const seen = new Set<string>();
  let current: { scheme: string; parts: string[] } | undefined;
  const flush = () => {
    if (current === undefined || seen.has(current.scheme)) return;
    seen.add(current.scheme);
    out.push({ scheme: current.scheme, challenge: current.parts.join(', ') });
  };
  for (const element of listElements(value)) {
    const token = TOKEN.exec(element)?.[0];
    const isParam = token !== undefined && element.slice(token.length).trimStart().startsWith('=');
    if (token !== undefined && !isParam) {
      flush();
      current = { scheme: token.toLowerCase(), parts: [element] };
    } else current?.parts.push(element);
  }
  flush();
  return out;
}

/** The non-empty elements of a comma-separated list, trimmed; commas in quoted strings do not count. */
function listElements(value: string): string[] {
  const elements: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      elements.push(value.slice(start, i));
      start = i + 1;
    }
  }
  elements.push(value.slice(start));
  return elements.map((e) => e.trim()).filter((e) => e.length > 0);
}
