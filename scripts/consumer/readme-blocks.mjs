// The fenced code blocks the consumer test runs verbatim: the first block after a
// `<!-- consumer:NAME -->` marker in README.md (and docs/http.md's first snippet).

/**
 * The code of the first fenced block after `<!-- consumer:NAME -->`, without its fences.
 * @param {string} markdown
 * @param {string} name
 * @returns {string}
 */
export function readmeBlock(markdown, name, file = 'README.md') {
  const marker = `<!-- consumer:${name} -->`;
  const at = markdown.indexOf(marker);
  if (at === -1) throw new Error(`${file} has no ${marker}`);
  const match = /^```[^\n]*\n([\s\S]*?)^```/m.exec(markdown.slice(at + marker.length));
  if (!match) throw new Error(`${file} has no code block after ${marker}`);
  return match[1];
}

/** How docs/http.md's first snippet ends: the one line the consumer test replaces. */
const HTTP_SNIPPET_LISTEN = ".listen(3000, '127.0.0.1');";

/**
 * docs/http.md's first snippet (`<!-- consumer:http-node -->`) as a script that runs it as written
 * — with the host's `mySessions`, which its doc-snippet context declares, and a port of its own —
 * then asks the API it serves three things and prints `packs <status> anonymous <status> owner
 * <status>`: the pack list, the hazard list without a session (401) and as the enterprise user the
 * snippet's directory knows (200). Throws when the snippet no longer ends with
 * {@link HTTP_SNIPPET_LISTEN}.
 * @param {string} markdown docs/http.md
 * @returns {string}
 */
export function httpSnippetScript(markdown) {
  const block = readmeBlock(markdown, 'http-node', 'docs/http.md');
  if (!block.includes(HTTP_SNIPPET_LISTEN)) throw new Error(`docs/http.md's consumer:http-node block no longer contains ${HTTP_SNIPPET_LISTEN}: update httpSnippetScript`);
  const probe = [
    ".listen(0, '127.0.0.1', async function () {",
    '  const base = `http://127.0.0.1:${this.address().port}/api`;',
    '  const packs = await fetch(`${base}/packs`);',
    '  const anonymous = await fetch(`${base}/hazards`);',
    "  const owner = await fetch(`${base}/hazards`, { headers: { cookie: 'session=owner-1' } });",
    '  console.log(`packs ${packs.status} anonymous ${anonymous.status} owner ${owner.status}`);',
    '  this.close();',
    '});',
  ].join('\n');
  return [
    "// the host's own session check, which the snippet's doc-snippet context declares",
    "const mySessions = { actorOf: async (cookie) => (cookie === 'session=owner-1' ? 'owner-1' : null) };",
    block.replace(HTTP_SNIPPET_LISTEN, probe),
  ].join('\n');
}
