#!/usr/bin/env node
// Benchmark: conditions compiled by `compileCondition` against json-rules-engine 7.3.1
// evaluating the same condition, on seeded random condition trees (json-rules-engine's
// operators, all / any / not, 4–40 leaves, up to 5 levels) and random facts, same run.
//
//   pnpm bench:condition
//   pnpm bench:condition -- --trees 200 --records 50 --runs 5 --seed 7
//
// Checks that both agree on every (tree, facts) pair, then prints evaluations per second
// of each (median of several runs) and the ratio.
import { parseArgs } from 'node:util';
import { Engine } from 'json-rules-engine';
import { compileCondition } from '@anjian/core/internal';
import { rng } from './generate-records.mjs';

async function main() {
  const { values } = parseArgs({
    options: {
      trees: { type: 'string', default: '200' },
      records: { type: 'string', default: '50' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '20261206' },
    },
  });
  const random = rng(Number(values.seed));
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const FACTS = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11'];
  const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
  const leaf = () => {
    const fact = pick(FACTS);
    const kind = Number(fact.slice(1)) % 4; // 0 number, 1 option text, 2 boolean, 3 list of options
    switch (kind) {
      case 0:
        return random() < 0.8 ? { fact, operator: pick(NUMERIC), value: Math.floor(random() * 100) } : { fact, operator: pick(['equal', 'notEqual']), value: Math.floor(random() * 10) * 10 };
      case 1:
        return random() < 0.5
          ? { fact, operator: pick(['equal', 'notEqual']), value: pick(['a', 'b', 'c', 'd']) }
          : { fact, operator: pick(['in', 'notIn']), value: ['a', 'b', 'c', 'd'].filter(() => random() < 0.5) };
      case 2:
        return { fact, operator: pick(['equal', 'notEqual']), value: random() < 0.5 };
      default:
        return { fact, operator: pick(['contains', 'doesNotContain']), value: pick(['x', 'y', 'z']) };
    }
  };
  const tree = (depth) => {
    if (depth >= 5 || (depth > 1 && random() < 0.35)) return leaf();
    const r = random();
    if (r < 0.1 && depth > 1) return { not: tree(depth + 1) };
    const children = Array.from({ length: 2 + Math.floor(random() * 3) }, () => tree(depth + 1));
    return r < 0.55 ? { all: children } : { any: children };
  };
  const countLeaves = (c) => (c.fact ? 1 : c.not ? countLeaves(c.not) : (c.all ?? c.any).reduce((n, x) => n + countLeaves(x), 0));
  const trees = [];
  while (trees.length < Number(values.trees)) {
    const t = tree(1);
    const n = countLeaves(t);
    if (n >= 4 && n <= 40) trees.push(t);
  }
  const records = Array.from({ length: Number(values.records) }, () => {
    const facts = {};
    for (const [i, f] of FACTS.entries()) {
      if (random() < 0.1) continue; // not recorded
      const kind = i % 4;
      facts[f] = kind === 0 ? Math.floor(random() * 100) : kind === 1 ? pick(['a', 'b', 'c', 'd']) : kind === 2 ? random() < 0.5 : ['x', 'y', 'z'].filter(() => random() < 0.5);
    }
    return facts;
  });

  const compiled = trees.map((t) => compileCondition(t));
  const engines = trees.map((t) => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ conditions: t.fact ? { all: [t] } : t, event: { type: 'fired' } });
    return engine;
  });
  const reference = async (i, facts) => (await engines[i].run(facts)).events.length > 0;

  let disagreements = 0;
  let held = 0;
  for (let i = 0; i < trees.length; i++) {
    for (const facts of records) {
      const ours = compiled[i](facts);
      if (ours) held += 1;
      if (ours !== (await reference(i, facts))) disagreements += 1;
    }
  }
  const pairs = trees.length * records.length;
  const leaves = trees.reduce((n, t) => n + countLeaves(t), 0) / trees.length;
  console.log(`${trees.length} random trees (${leaves.toFixed(1)} leaves on average) × ${records.length} fact records = ${pairs} evaluations per run; seed ${values.seed}; node ${process.version}`);
  console.log(`agreement: ${pairs - disagreements}/${pairs} (${disagreements} disagreements), ${held} true`);

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const jreRates = [];
  const anjianRates = [];
  let sink = 0;
  for (let run = 0; run < Number(values.runs); run++) {
    let start = process.hrtime.bigint();
    for (let i = 0; i < trees.length; i++) for (const facts of records) if (await reference(i, facts)) sink += 1;
    jreRates.push(pairs / (Number(process.hrtime.bigint() - start) / 1e9));
    // many repetitions: one pass takes well under a millisecond
    const repeat = 50;
    start = process.hrtime.bigint();
    for (let k = 0; k < repeat; k++)
      for (let i = 0; i < trees.length; i++) {
        const c = compiled[i];
        for (const facts of records) if (c(facts)) sink += 1;
      }
    anjianRates.push((pairs * repeat) / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  if (sink < 0) console.log(sink);
  const jre = median(jreRates);
  const ours = median(anjianRates);
  console.log(`json-rules-engine 7.3.1: ${fmt(jre)} evaluations/s (median of ${jreRates.length}: ${jreRates.map(fmt).join(', ')})`);
  console.log(`anjian compileCondition: ${fmt(ours)} evaluations/s (median of ${anjianRates.length}: ${anjianRates.map(fmt).join(', ')})`);
  console.log(`ratio: ${(ours / jre).toFixed(1)}× json-rules-engine`);
  return disagreements > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
