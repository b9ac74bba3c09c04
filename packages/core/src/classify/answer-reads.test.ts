/**
 * The classifier reads each answer of an inspection once per evaluation, on first use, and
 * takes an answer a plain object does not have as missing without reading it; however the
 * answers object is made, the result is the one a plain object literal gives: parsed from
 * JSON, without a prototype, with answers inherited, non-enumerable or behind getters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { compilePack } from './compile-pack.js';
import type { Inspection } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
type Answers = Record<string, unknown>;

const variants: Record<string, (answers: Answers) => Answers> = {
  json: (a) => JSON.parse(JSON.stringify(a)) as Answers,
  'no prototype': (a) => Object.assign(Object.create(null) as Answers, a),
  inherited: (a) => Object.create(a) as Answers,
  'non-enumerable': (a) => Object.defineProperties({}, Object.fromEntries(Object.entries(a).map(([k, value]) => [k, { value, enumerable: false }]))) as Answers,
  getters: (a) => Object.defineProperties({}, Object.fromEntries(Object.entries(a).map(([k, value]) => [k, { get: () => value, enumerable: true }]))) as Answers,
  'half inherited': (a) => {
    const entries = Object.entries(a);
    const half = Math.floor(entries.length / 2);
    return Object.assign(Object.create(Object.fromEntries(entries.slice(0, half))) as Answers, Object.fromEntries(entries.slice(half)));
  },
};

describe.each(['checklists/fire', 'checklists/gas'])('answers of %s, however the object is made', (dir) => {
  it('classify as the plain object does', async () => {
    const loaded = await loadPackFromPath(join(root, dir));
    if (!loaded.ok) throw new Error(`cannot load ${dir}`);
    const pack = loaded.pack;
    const evaluator = compilePack(pack);
    const scenarios = readdirSync(join(root, dir, 'tests'))
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => (parse(readFileSync(join(root, dir, 'tests', f), 'utf8')) as { scenarios: { premises?: string; inspectedAt?: string; findings: Answers }[] }).scenarios);
    expect(scenarios.length).toBeGreaterThan(10);
    for (const s of scenarios) {
      const inspection = (findings: Answers): Inspection =>
        ({ pack: pack.id, ...(s.premises ? { premises: s.premises } : {}), ...(s.inspectedAt ? { inspectedAt: s.inspectedAt } : {}), findings }) as Inspection;
      const expected = JSON.stringify(evaluator.evaluate(inspection({ ...s.findings })));
      for (const [name, make] of Object.entries(variants)) expect(JSON.stringify(evaluator.evaluate(inspection(make(s.findings)))), name).toBe(expected);
    }
  });
});
