import { escapePointerSegment } from './create-issue.js';
import type { PackIndex } from './merge-pack-files.js';

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Map a JSON Pointer into the merged pack (what `compilePack` reports) back to the file
 * the entry came from and a pointer into that file: sections, facts and composites are
 * concatenated across files, named conditions merged by name, the rest is the entry file's.
 *
 * @internal
 */
export function locateInPackFiles(index: PackIndex, pointer: string): { file: string; pointer: string } {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  const [head, at, ...rest] = segments;
  const tail = rest.length === 0 ? '' : `/${rest.join('/')}`;
  const n = at === undefined ? Number.NaN : Number(at);
  const located = (entry: { file: string; pointer: string } | undefined) => (entry ? { file: entry.file, pointer: `${entry.pointer}${tail}` } : { file: index.entryFile, pointer });
  switch (head) {
    case 'sections':
      return located(index.sections[n]);
    case 'facts':
      return located(index.facts[n]);
    case 'composites':
      return located(index.composites[n]);
    case 'conditions': {
      const name = at === undefined ? undefined : unescape(at);
      const entry = index.conditions.find((c) => c.name === name);
      return entry ? { file: entry.file, pointer: `/conditions/${escapePointerSegment(entry.name)}${tail}` } : { file: index.entryFile, pointer };
    }
    default:
      return { file: index.entryFile, pointer };
  }
}
