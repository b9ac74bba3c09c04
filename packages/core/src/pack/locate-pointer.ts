import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Find where a JSON Pointer lands in a parsed YAML document: the value's start, or with
 * `key: true` the start of the key that holds it (better for "unknown property").
 * When the pointer leads nowhere (a missing property), the deepest existing node is used.
 * Iterative, so safe on any depth.
 *
 * @internal
 */
export function locatePointer(doc: Document.Parsed, lineCounter: LineCounter, pointer: string, options: { key?: boolean } = {}): Position {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
  let node: unknown = doc.contents;
  let keyNode: YamlNode | null | undefined;
  for (const segment of segments) {
    let next: unknown;
    let nextKey: YamlNode | null | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === segment) {
          next = pair.value;
          nextKey = pair.key as YamlNode;
          // `key:` with no value still has a location: its key.
          if (next === null || next === undefined) next = pair.key;
          break;
        }
      }
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      next = node.items[Number(segment)];
      nextKey = undefined;
    }
    if (next === undefined) break;
    node = next;
    keyNode = nextKey;
  }
  const target = options.key && keyNode ? keyNode : (node as YamlNode | null | undefined);
  const offset = target?.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * The JSON Pointer of the deepest node whose source range contains `offset` (the inverse
 * of {@link locatePointer}), for YAML errors that come with an offset only. Iterative.
 *
 * @internal
 */
export function pointerAtOffset(doc: Document.Parsed, offset: number): string {
  let node: unknown = doc.contents;
  let pointer = '';
  const within = (n: unknown) => {
    const range = (n as YamlNode | null | undefined)?.range;
    return range !== undefined && range !== null && offset >= range[0] && offset <= range[2];
  };
  for (;;) {
    let next: { node: unknown; segment: string } | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const segment = String(pair.key.value);
        if (within(pair.key) || within(pair.value)) {
          next = { node: within(pair.value) ? pair.value : undefined, segment };
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (next === undefined && within(item)) next = { node: item, segment: String(i) };
      });
    }
    if (next === undefined) return pointer;
    pointer += '/' + next.segment.replace(/~/g, '~0').replace(/\//g, '~1');
    if (next.node === undefined) return pointer;
    node = next.node;
  }
}
