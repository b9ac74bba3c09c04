// A measuring probe, not shipped: a pack's decisions (each item's premises scope and `when`,
// then each hazard rule's condition) written out as one JavaScript function, to see how much
// faster generated code decides than the compiled closures do. Used by
// `pnpm bench:rules-floor` ("conditions as generated JavaScript"), whose figures ADR 005
// records. The library never generates code (no `eval`, no `new Function`: CSP-safe); this
// probe does, in a bench script, only to measure what ahead-of-time generated code could
// gain.
//
// Leaves with the comparisons json-rules-engine defines on a plain fact (equal, notEqual,
// in, notIn, contains, doesNotContain and the four numeric ones, literal values) become
// inline JavaScript with the compiler's semantics (strict equality, `indexOf`, numbers
// through the same number test); `$premises` leaves compare the evaluation's premises. A
// condition with any other leaf (dates, durations, paths, referenced facts) is decided by the
// compiled closure instead, over its own slots. Each answer is read at most once, on first
// use, by a function with the fact's name written in (a named property load), and an
// inherited function is no answer, as in the library.
import type { Condition, Pack } from '@anjian/core';
import type { CompiledPack } from '../../packages/core/src/classify/compiled-pack.js';
import { slotsOver } from '../../packages/core/src/rules/condition-nodes.js';
import { isNumberLike } from '../../packages/core/src/rules/operators/define-operator.js';

/** Fired rules of one record: a bit per rule, in the compiled pack's rule order. */
export type DecideFired = (findings: Record<string, unknown>, premises: string, inspectedAt: string) => number[];

interface Probe {
  /** Number of rules fired for a record (what the bench times). */
  count(findings: Record<string, unknown>, premises: string, inspectedAt: string): number;
  /** Indexes of the fired rules (what the agreement check compares). */
  fired: DecideFired;
  /** Conditions decided by the compiled closure (a leaf the probe does not write out). */
  fallbacks: number;
  /** Conditions written out. */
  inline: number;
}

const NUMERIC: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

export function generatedConditionsProbe(pack: Pack, compiled: CompiledPack): Probe {
  const slotOf = new Map<string, number>();
  const read = (name: string): string => {
    let i = slotOf.get(name);
    if (i === undefined) slotOf.set(name, (i = slotOf.size));
    return `(s${i} !== H ? s${i} : (s${i} = r${i}(f)))`;
  };
  const lit = (x: unknown) => JSON.stringify(x);
  const primitive = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);
  const write = (c: Condition): string | undefined => {
    const node = c as unknown as Record<string, unknown>;
    const parts = (list: Condition[], join: string) => {
      const written = list.map(write);
      return written.includes(undefined) ? undefined : written.length === 0 ? 'true' : `(${written.join(join)})`;
    };
    if (Array.isArray(node.all)) return parts(node.all as Condition[], ' && ');
    if (Array.isArray(node.any)) return parts(node.any as Condition[], ' || ');
    if (node.not !== undefined) {
      const inner = write(node.not as Condition);
      return inner === undefined ? undefined : `!${inner}`;
    }
    if (typeof node.condition === 'string') return write(pack.conditions[node.condition]!);
    const { fact, operator, value, path } = node as { fact?: string; operator?: string; value?: unknown; path?: string };
    if (typeof fact !== 'string' || path !== undefined || fact === '__proto__') return undefined;
    if (fact === '$premises') {
      if (operator === 'equal' && primitive(value)) return `(premises === ${lit(value)})`;
      if (operator === 'in' && Array.isArray(value) && value.every(primitive)) return `(${lit(value)}.indexOf(premises) > -1)`;
      return undefined;
    }
    if (fact.startsWith('$')) return undefined;
    const x = read(fact);
    if (operator === 'equal' && primitive(value)) return `(${x} === ${lit(value)})`;
    if (operator === 'notEqual' && primitive(value)) return `(${x} !== ${lit(value)})`;
    if (operator === 'in' && Array.isArray(value) && value.every(primitive)) return `(${lit(value)}.indexOf(${x}) > -1)`;
    if (operator === 'notIn' && Array.isArray(value) && value.every(primitive)) return `(${lit(value)}.indexOf(${x}) === -1)`;
    if (operator === 'contains' && primitive(value)) return `((v = ${x}), Array.isArray(v) && v.indexOf(${lit(value)}) > -1)`;
    if (operator === 'doesNotContain' && primitive(value)) return `((v = ${x}), Array.isArray(v) && v.indexOf(${lit(value)}) === -1)`;
    if (operator !== undefined && NUMERIC[operator] && typeof value === 'number' && Number.isFinite(value)) return `((v = ${x}), num(v) && v ${NUMERIC[operator]} ${value})`;
    return undefined;
  };

  const source = pack.sections.flatMap((s) => s.items);
  const lines: string[] = [];
  let inline = 0;
  let fallbacks = 0;
  compiled.items.forEach((item, i) => {
    const raw = source[i]!;
    const scope = item.scope === undefined ? 'true' : `(${item.scope.flatMap((yes, p) => (yes ? [`where === ${p}`] : [])).join(' || ') || 'false'})`;
    let applies = scope;
    if (raw.when !== undefined) {
      const w = write(raw.when);
      if (w === undefined) fallbacks += 1;
      else inline += 1;
      applies += ` && ${w ?? `I[${i}].when.holds(S())`}`;
    }
    lines.push(`if (${applies}) {`);
    item.rules.forEach((rule, r) => {
      const w = write(raw.hazards[r]!.when);
      if (w === undefined) fallbacks += 1;
      else inline += 1;
      lines.push(`  if (${w ?? `I[${i}].rules[${r}].when.holds(S())`}) out(${rule.index});`);
    });
    lines.push('}');
  });
  const readers = [...slotOf].map(([name, i]) => `function r${i}(f) { const v = f[${lit(name)}]; return typeof v === 'function' && !hasOwn(f, ${lit(name)}) ? undefined : v; }`);
  const slots = [...slotOf.values()].map((i) => `s${i} = H`).join(', ');
  const body = [
    `const hasOwn = Object.hasOwn;`,
    ...readers,
    `return function decide(f, premises, where, S, I, out) {`,
    `  let v${slots ? `, ${slots}` : ''};`,
    ...lines.map((l) => `  ${l}`),
    `};`,
  ].join('\n');
  // A bench script may; the library may not (see the header).
  const decide = new Function('H', 'num', body)(Symbol('unread'), isNumberLike) as (
    f: Record<string, unknown>,
    premises: string,
    where: number,
    S: () => unknown[],
    I: CompiledPack['items'],
    out: (index: number) => void,
  ) => void;

  const where = (premises: string) => compiled.premisesIndex.get(premises) ?? -1;
  let n = 0;
  const tally = () => {
    n += 1;
  };
  return {
    inline,
    fallbacks,
    count(findings, premises, inspectedAt) {
      n = 0;
      let slots: unknown[] | undefined;
      if (fallbacks > 0) compiled.setReserved(premises, inspectedAt);
      decide(findings, premises, where(premises), () => (slots ??= slotsOver(findings, compiled.slotCount)), compiled.items, tally);
      return n;
    },
    fired(findings, premises, inspectedAt) {
      const list: number[] = [];
      let slots: unknown[] | undefined;
      compiled.setReserved(premises, inspectedAt);
      decide(
        findings,
        premises,
        where(premises),
        () => (slots ??= slotsOver(findings, compiled.slotCount)),
        compiled.items,
        (index) => list.push(index),
      );
      return list;
    },
  };
}
