#!/usr/bin/env node
// Benchmark: anjian's compiled classifier against json-rules-engine (the semantic reference)
// on the same pack and the same 10 000 seeded findings records, in the same run.
//
//   pnpm bench:rules                             # the fire and gas packs, in one run
//   pnpm bench:rules -- --pack checklists/gas --records 10000 --runs 5
//
// Runs against the packages' sources (bundled by scripts/run-ts.mjs), no build needed.
//
// Checks that both agree on every record (fired hazard rules and composites), then prints
// the throughput of each (median of several runs) and the ratio, for two record mixes:
// realistic inspections (compliant scenarios of the pack with a few answers changed) and a
// stress mix where every answer is random (many more hazards, each with its explanation).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { compilePack } from '@anjian/core';
import { toJsonRulesEngineRules } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { generateRecords } from './generate-records.mjs';
import { createReferenceEngine, firedByReference } from './json-rules-engine-reference.mjs';

// One async main: scripts/run-ts.mjs bundles to CommonJS, which has no top-level await.
async function main() {
const { values } = parseArgs({
  options: {
    pack: { type: 'string', multiple: true, default: ['checklists/fire', 'checklists/gas'] },
    records: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20261128' },
  },
});
const recordCount = Number(values.records);
const runs = Number(values.runs);

let failed = false;
const summary = [];
for (const packPath of values.pack) {
  const loaded = await loadPackFromPath(packPath);
  if (!loaded.ok) {
    console.error(`cannot load ${packPath}:`);
    for (const issue of loaded.issues.filter((i) => i.severity === 'error').slice(0, 10)) console.error(`  ${issue.code} ${issue.message.en}`);
    process.exit(2);
  }
  const pack = loaded.pack;
  const ruleCount = pack.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + i.hazards.length, 0), 0);

  // Compliant baselines: the pack's own scenarios that expect no hazard.
  const baselines = readdirSync(join(packPath, 'tests'))
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => parse(readFileSync(join(packPath, 'tests', f), 'utf8')).scenarios)
    .filter((s) => Array.isArray(s.expect?.hazards) && s.expect.hazards.length === 0 && !s.todo);

  // json-rules-engine: one Engine per pack, allowUndefinedFacts, the safe path resolver.
  const exported = toJsonRulesEngineRules(pack);
  const engine = createReferenceEngine(exported);
  const runReference = async (record) => (await firedByReference(engine, exported, record)).fired;

  // anjian: compile once, evaluate many.
  const evaluator = compilePack(pack);
  const runAnjian = (record) =>
    evaluator.evaluate({ pack: pack.id, premises: record.premises, inspectedAt: record.inspectedAt, findings: record.findings });

  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  async function seconds(fn) {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e9;
  }

  console.log(
    `pack ${pack.id}@${pack.version}: ${ruleCount} hazard rules, ${pack.composites.length} composites; ` +
      `${recordCount} records per mix, seed ${values.seed}; ${baselines.length} compliant baselines; node ${process.version}`,
  );
  const mixes = [
    ['realistic', generateRecords(pack, recordCount, Number(values.seed), baselines)],
    ['stress', generateRecords(pack, recordCount, Number(values.seed))],
  ];
  for (const [mix, records] of mixes) {
    // Agreement on every record, explanations included for every fired hazard.
    let disagreements = 0;
    let hazards = 0;
    let missingExplanations = 0;
    for (const record of records) {
      const reference = await runReference(record);
      const result = runAnjian(record);
      const ours = new Set(result.hazards.map((h) => h.rule));
      hazards += result.hazards.length;
      for (const h of result.hazards) if (!h.explanation?.['zh-CN'] || !h.explanation?.en) missingExplanations++;
      if (ours.size !== reference.size || ![...ours].every((id) => reference.has(id))) {
        disagreements++;
        if (disagreements <= 3) {
          console.error(`[${mix}] disagreement on record`, JSON.stringify(record));
          console.error('  anjian:', [...ours].sort().join(' '));
          console.error('  json-rules-engine:', [...reference].sort().join(' '));
        }
      }
    }
    const jreRates = [];
    const anjianRates = [];
    const explainedRates = [];
    for (let run = 0; run < runs; run++) {
      jreRates.push(records.length / (await seconds(async () => { for (const record of records) await runReference(record); })));
      let sink = 0;
      anjianRates.push(records.length / (await seconds(async () => { for (const record of records) sink += runAnjian(record).hazards.length; })));
      // The same, reading every hazard's explanation (built on first read).
      explainedRates.push(records.length / (await seconds(async () => {
        for (const record of records) for (const h of runAnjian(record).hazards) sink += h.explanation.en.length;
      })));
      if (sink < 0) console.log(sink);
    }
    const jre = median(jreRates);
    const ours = median(anjianRates);
    console.log(`\n[${mix}] ${(hazards / records.length).toFixed(1)} hazards per record`);
    console.log(`[${mix}] agreement: ${records.length - disagreements}/${records.length} records agree (${disagreements} disagreements); ${hazards} hazards fired, ${missingExplanations} without a bilingual explanation`);
    console.log(`[${mix}] json-rules-engine 7.3.1: ${fmt(jre)} evaluations/s (median of ${runs}: ${jreRates.map(fmt).join(', ')})`);
    console.log(`[${mix}] anjian compilePack:      ${fmt(ours)} evaluations/s (median of ${runs}: ${anjianRates.map(fmt).join(', ')})`);
    const explained = median(explainedRates);
    console.log(`[${mix}] anjian, explanations read: ${fmt(explained)} evaluations/s (median of ${runs}: ${explainedRates.map(fmt).join(', ')})`);
    console.log(`[${mix}] ratio: ${(ours / jre).toFixed(1)}× json-rules-engine (${(explained / jre).toFixed(1)}× with every explanation read)`);
    summary.push(`${pack.id} ${mix}: ${(ours / jre).toFixed(1)}× (${(explained / jre).toFixed(1)}× explanations read), ${disagreements} disagreements, ${missingExplanations} without explanation`);
    if (disagreements > 0 || missingExplanations > 0) failed = true;
  }
}
console.log(`\nsummary (medians, same run):\n  ${summary.join('\n  ')}`);
return failed ? 1 : 0;
}
main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
