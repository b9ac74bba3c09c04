/**
 * A tiny XML 1.0 well-formedness check for tests (no DTDs, no CDATA, no comments needed):
 * one root element, tags nest and match, attributes are quoted and unique, `&` starts a
 * known entity or a character reference, `<` never appears in text or attribute values.
 * Returns `null` when well formed, else a description of the first problem.
 */
export function xmlProblem(xml: string): string | null {
  let i = 0;
  const stack: string[] = [];
  let roots = 0;
  const fail = (what: string) => `${what} at offset ${i}`;
  const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
  const isName = (c: string) => isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';
  const readName = () => {
    const start = i;
    if (!isNameStart(xml[i] ?? '')) return null;
    while (i < xml.length && isName(xml[i]!)) i++;
    return xml.slice(start, i);
  };
  const skipSpace = () => {
    while (xml[i] === ' ' || xml[i] === '\n' || xml[i] === '\t' || xml[i] === '\r') i++;
  };
  const checkReference = (): string | null => {
    // at '&'
    const end = xml.indexOf(';', i);
    if (end === -1 || end - i > 12) return fail('unterminated reference');
    const body = xml.slice(i + 1, end);
    const known = ['amp', 'lt', 'gt', 'quot', 'apos'];
    if (!known.includes(body)) {
      if (body.startsWith('#x')) {
        if (body.length < 3 || [...body.slice(2)].some((c) => !'0123456789abcdefABCDEF'.includes(c))) return fail('bad hex reference');
      } else if (body.startsWith('#')) {
        if (body.length < 2 || [...body.slice(1)].some((c) => c < '0' || c > '9')) return fail('bad reference');
      } else return fail(`unknown entity &${body};`);
    }
    i = end + 1;
    return null;
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) return fail('unterminated declaration');
    i = end + 2;
  }
  while (i < xml.length) {
    const c = xml[i]!;
    if (c === '<') {
      if (xml[i + 1] === '/') {
        i += 2;
        const name = readName();
        if (name === null) return fail('bad closing tag');
        skipSpace();
        if (xml[i] !== '>') return fail('expected >');
        i++;
        if (stack.pop() !== name) return fail(`mismatched </${name}>`);
        continue;
      }
      i++;
      const name = readName();
      if (name === null) return fail('bad tag name');
      if (stack.length === 0) roots++;
      if (roots > 1) return fail('second root element');
      const seen = new Set<string>();
      for (;;) {
        skipSpace();
        if (xml[i] === '/' && xml[i + 1] === '>') {
          i += 2;
          break;
        }
        if (xml[i] === '>') {
          i++;
          stack.push(name);
          break;
        }
        const attr = readName();
        if (attr === null) return fail('bad attribute name');
        if (seen.has(attr)) return fail(`duplicate attribute ${attr}`);
        seen.add(attr);
        skipSpace();
        if (xml[i] !== '=') return fail('expected =');
        i++;
        skipSpace();
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") return fail('unquoted attribute');
        i++;
        while (xml[i] !== quote) {
          if (i >= xml.length) return fail('unterminated attribute');
          if (xml[i] === '<') return fail('< in attribute');
          if (xml[i] === '&') {
            const problem = checkReference();
            if (problem) return problem;
            continue;
          }
          i++;
        }
        i++;
      }
      continue;
    }
    if (stack.length === 0 && !(c === ' ' || c === '\n' || c === '\r' || c === '\t')) return fail('text outside the root');
    if (c === '&') {
      const problem = checkReference();
      if (problem) return problem;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code < 0x20 && c !== '\n' && c !== '\r' && c !== '\t') return fail('control character');
    i++;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return 'no root element';
  return null;
}
