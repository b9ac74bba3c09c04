/**
 * Render a JSON Pointer the way an author reads a YAML file: `sections[0].items[2].hazards[0].when`.
 *
 * @internal
 */
export function describePointer(pointer: string): string {
  if (pointer === '') return '(top level / 顶层)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += (out === '' ? '' : '.') + segment;
  }
  return out;
}

/** Split a schema title `English / 中文` into its two languages. @internal */
export function splitTitle(title: unknown): { zh: string; en: string } | undefined {
  if (typeof title !== 'string') return undefined;
  const [en, zh] = title.split(' / ');
  return { en: en ?? title, zh: zh ?? en ?? title };
}
