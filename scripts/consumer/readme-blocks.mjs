// The fenced code blocks the consumer test runs verbatim: the first block after a
// `<!-- consumer:NAME -->` marker in README.md.

/**
 * The code of the first fenced block after `<!-- consumer:NAME -->`, without its fences.
 * @param {string} markdown
 * @param {string} name
 * @returns {string}
 */
export function readmeBlock(markdown, name) {
  const marker = `<!-- consumer:${name} -->`;
  const at = markdown.indexOf(marker);
  if (at === -1) throw new Error(`README.md has no ${marker}`);
  const match = /^```[^\n]*\n([\s\S]*?)^```/m.exec(markdown.slice(at + marker.length));
  if (!match) throw new Error(`README.md has no code block after ${marker}`);
  return match[1];
}
