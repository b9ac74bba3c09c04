import type { Condition } from '../pack/types.js';

const STRUCTURAL = ['all', 'any', 'of'] as const;

/**
 * Names referenced by `{ condition: name }` anywhere inside a condition (without following
 * them). Iterative and cycle-safe over the object graph, so hostile nesting cannot
 * overflow the stack.
 */
export function referencedConditions(condition: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [condition];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (Object.hasOwn(record, 'condition') && typeof record['condition'] === 'string') names.push(record['condition']);
    if (Object.hasOwn(record, 'not')) stack.push(record['not']);
    for (const key of STRUCTURAL) {
      const list = Object.hasOwn(record, key) ? record[key] : undefined;
      if (Array.isArray(list)) for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
    }
  }
  return names;
}

/**
 * Find a reference cycle among named conditions reachable from `start`, by an iterative
 * depth-first search (docs/security.md T3: json-rules-engine overflows the stack on `a → b → a`).
 * Returns the cycle as a list of names (`['a', 'b', 'a']`), or `undefined`. Names in
 * `acyclic` are known to be cycle-free and are skipped; names found cycle-free are added.
 */
export function findConditionCycle(start: string, conditions: Readonly<Record<string, Condition>>, acyclic: Set<string>): string[] | undefined {
  if (acyclic.has(start)) return undefined;
  const onPath = new Map<string, number>();
  const path: string[] = [];
  const frames: { name: string; next: string[] }[] = [];
  const enter = (name: string) => {
    onPath.set(name, path.length);
    path.push(name);
    const target = Object.hasOwn(conditions, name) ? conditions[name] : undefined;
    frames.push({ name, next: target === undefined ? [] : referencedConditions(target) });
  };
  enter(start);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const next = frame.next.pop();
    if (next === undefined) {
      frames.pop();
      path.pop();
      onPath.delete(frame.name);
      acyclic.add(frame.name);
      continue;
    }
    const at = onPath.get(next);
    if (at !== undefined) return [...path.slice(at), next];
    if (!acyclic.has(next)) enter(next);
  }
  return undefined;
}
