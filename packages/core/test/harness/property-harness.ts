// Child-process harness: fast-check mutates valid packs (bytes of the YAML text, and the
// structure of the parsed object re-serialised) and checks that loadPack only ever returns
// a pack or located issues. Runs in its own process so that an abort fails the test.
// argv: <pack folder> <seed,seed,…> <runs per seed>. Prints one JSON summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { ISSUE_CODES } from '../../src/pack/issue-codes.js';
import { loadPack, type LoadResult } from '../../src/pack/load-pack.js';

const [dir = '.', seedList = '1', runsText = '100'] = process.argv.slice(2);
const seeds = seedList.split(',').map(Number);
const numRuns = Number(runsText);
const base: Record<string, string> = {
  'pack.yaml': readFileSync(join(dir, 'pack.yaml'), 'utf8'),
  'sections/equipment.yaml': readFileSync(join(dir, 'sections/equipment.yaml'), 'utf8'),
};
const names = Object.keys(base);
const stats = { runs: 0, ok: 0, rejected: 0, codes: {} as Record<string, number> };

function check(result: LoadResult): boolean {
  stats.runs += 1;
  if (typeof result !== 'object' || result === null || !Array.isArray(result.issues)) return false;
  for (const issue of result.issues) {
    stats.codes[issue.code] = (stats.codes[issue.code] ?? 0) + 1;
    if (!Object.prototype.hasOwnProperty.call(ISSUE_CODES, issue.code)) return false;
    if (issue.code === 'INTERNAL_ERROR') return false;
    if (typeof issue.file !== 'string' || !(Number(issue.line) >= 1) || !(Number(issue.column) >= 1)) return false;
    if (!issue.message['zh-CN'] || !issue.message.en) return false;
  }
  if (result.ok) {
    stats.ok += 1;
    if (result.issues.some((i) => i.severity === 'error')) return false;
    if (!Object.isFrozen(result.pack)) return false;
    if (JSON.stringify(JSON.parse(JSON.stringify(result.pack))) !== JSON.stringify(result.pack)) return false;
  } else {
    stats.rejected += 1;
    if (!result.issues.some((i) => i.severity === 'error')) return false;
  }
  return ({} as Record<string, unknown>).isAdmin === undefined;
}

const pieces = [
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '!',
  '!!binary ',
  '%YAML 1.1\n',
  '%TAG ! x:\n',
  '<<: ',
  ':',
  ': ',
  '- ',
  '? ',
  '|',
  '>',
  '#',
  '"',
  "'",
  ' ',
  '  ',
  '\n',
  '\t',
  ',',
  'a',
  '1',
  '-1',
  '.inf',
  '.nan',
  '~',
  'null',
  'true',
  '\\',
  '@',
  '`',
  '\u0000',
  '\uFEFF',
  '中',
  '__proto__: ',
  'constructor: ',
  'prototype: ',
  '---\n',
  '...\n',
  '$..',
  '?(@',
  'x'.repeat(70),
  '['.repeat(80),
  '- '.repeat(80),
];
const at = fc.nat({ max: 1_000_000 });
const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at, text: fc.string({ unit: fc.constantFrom(...pieces), maxLength: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('byte' as const), at, code: fc.integer({ min: 0, max: 0xffff }) }),
);
type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

function applyBytes(text: string, mutations: ByteMutation[]): string {
  let t = text;
  for (const m of mutations) {
    const i = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === 'insert') t = t.slice(0, i) + m.text + t.slice(i);
    else if (m.kind === 'delete') t = t.slice(0, i) + t.slice(i + m.length);
    else if (m.kind === 'duplicate') t = t.slice(0, i + m.length) + t.slice(i, i + m.length) + t.slice(i + m.length);
    else t = t.slice(0, i) + String.fromCharCode(m.code) + t.slice(i + 1);
  }
  return t;
}

/** Every container path in a JSON value, iteratively. */
function paths(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { v: unknown; p: (string | number)[] }[] = [{ v: root, p: [] }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, p: [...p, i] }));
    else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], p: [...p, k] });
  }
  return out;
}

const structMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: at }),
  fc.record({ kind: fc.constant('replace' as const), pick: at, value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('nest' as const), pick: at, depth: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('proto' as const), pick: at, key: fc.constantFrom('__proto__', 'constructor', 'prototype', '<<', 'onSuccess') }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: at }),
  fc.record({ kind: fc.constant('typo' as const), pick: at, suffix: fc.constantFrom('x', '_', '1', '') }),
);
type StructMutation = typeof structMutation extends fc.Arbitrary<infer T> ? T : never;

function applyStruct(root: unknown, m: StructMutation): unknown {
  const all = paths(root);
  const path = all[m.pick % all.length]!;
  if (path.length === 0) return m.kind === 'replace' ? m.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const current = parent[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'replace':
      parent[key] = m.value;
      break;
    case 'nest': {
      let v: unknown = current;
      for (let i = 0; i < m.depth; i++) v = [v];
      parent[key] = v;
      break;
    }
    case 'proto':
      if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
        Object.defineProperty(current, m.key, { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true });
      }
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(current));
      break;
    case 'typo':
      if (typeof current === 'string') parent[key] = current.slice(0, -1) + m.suffix;
      else if (typeof current === 'number') parent[key] = current * 1000 + 1;
      break;
  }
  return root;
}

// Random condition trees (docs/security.md T3): any shape, known and unknown facts, operators
// and named conditions, deep nesting; the loader must accept or reject with located issues.
const factNames = ['gas_type', 'below_ground', 'alarm_installed', 'hose_length_m', 'cylinders_on_site', '$premises', '$inspectedAt', 'nope'];
const operators = ['equal', 'notEqual', 'in', 'notIn', 'greaterThan', 'between', 'contains', 'before', 'olderThanDays', 'withinMinutes', 'bogus'];
const leafValue = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -100, max: 300 }),
  fc.constantFrom('lpg', 'natural_gas', 'restaurant', '2024-01-01', 'x'),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom('lpg', 'x')), { maxLength: 3 }),
  fc.record({ fact: fc.constantFrom(...factNames) }),
);
const { condition } = fc.letrec<{ condition: unknown }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ fact: fc.constantFrom(...factNames), operator: fc.constantFrom(...operators), value: leafValue }, { requiredKeys: ['fact', 'operator', 'value'] }),
    fc.record({
      fact: fc.constantFrom(...factNames),
      operator: fc.constantFrom(...operators),
      value: leafValue,
      path: fc.constantFrom('$.a', '$[0]', '$..a', '$[?(@.x)]', '$.__proto__'),
      params: fc.constantFrom({ reference: '$inspectedAt' }, { reference: 'hose_length_m' }, { onSuccess: 'x' }),
    }),
    fc.record({ condition: fc.constantFrom('uses_lpg', 'missing') }),
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie('condition') }),
    fc.record({ atLeast: fc.integer({ min: 0, max: 5 }), of: fc.array(tie('condition'), { minLength: 1, maxLength: 4 }) }),
  ),
}));

let failed = false;
for (const seed of seeds) {
  try {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(byteMutation, { minLength: 1, maxLength: 6 }), (name, mutations) =>
        check(loadPack({ files: { ...base, [name]: applyBytes(base[name]!, mutations) } })),
      ),
      { seed, numRuns },
    );
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(structMutation, { minLength: 1, maxLength: 4 }), (name, mutations) => {
        let value = parse(base[name]!) as unknown;
        for (const m of mutations) value = applyStruct(value, m);
        let text: string;
        try {
          text = stringify(value);
        } catch {
          return true; // not serialisable as YAML: nothing to load
        }
        return check(loadPack({ files: { ...base, [name]: text } }));
      }),
      { seed, numRuns },
    );
    fc.assert(
      fc.property(condition, fc.integer({ min: 0, max: 3 }), (when, slot) => {
        const fragment = parse(base['sections/equipment.yaml']!) as { sections: { items: { hazards: { when: unknown }[] }[] }[] };
        const rules = fragment.sections.flatMap((s) => s.items.flatMap((i) => i.hazards));
        rules[slot % rules.length]!.when = when;
        return check(loadPack({ files: { ...base, 'sections/equipment.yaml': stringify(fragment) } }));
      }),
      { seed, numRuns },
    );
  } catch (error) {
    failed = true;
    process.stderr.write(`property failed for seed ${seed}:\n${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.stdout.write(JSON.stringify({ seeds, numRuns, failed, ...stats }) + '\n');
process.exit(failed ? 1 : 0);
