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
// stress mix where every answer is random (many more hazards, each with its explanation),
// and beside them the realistic records as an HTTP host has them: each inspection parsed
// from its own JSON text (`json`: objects of many shapes, read differently by V8 than the
// generator's records, which are built key by key).
// Both engines run all the records in turn, run after run (or, with --chunk N, the same
// chunks of N records in turn, so that load swings hit both alike), timed in wall-clock
// and CPU time (waiting for a core on a busy machine does not count in the latter);
// each mix prints the load average and, besides the ratio of the median rates, the median
// of the per-run ratios.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'yaml';
import { compilePack } from '@anjian/core';
import { toJsonRulesEngineRules } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { generateRecords } from './generate-records.mjs';
import { createReferenceEngine, firedByReference } from './json-rules-engine-reference.mjs';

// A full garbage collection before each timed section (outside the timing).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

// One async main: scripts/run-ts.mjs bundles to CommonJS, which has no top-level await.
async function main() {
  const { values } = parseArgs({
    options: {
      pack: { type: 'string', multiple: true, default: ['checklists/fire', 'checklists/gas'] },
      records: { type: 'string', default: '10000' },
      // records per chunk: both engines run each chunk in turn (see the timing loop); 0: all
      chunk: { type: 'string', default: '0' },
      // a full garbage collection before each timed section (outside the timing)
      gc: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '20261128' },
      // anjian only (no json-rules-engine, no ratio): quick rates while profiling, e.g.
      // NODE_OPTIONS=--cpu-prof pnpm bench:rules -- --anjian-only --pack checklists/fire
      'anjian-only': { type: 'boolean', default: false },
      mix: { type: 'string', multiple: true, default: ['realistic', 'stress', 'json'] },
    },
  });
  const anjianOnly = values['anjian-only'];
  const recordCount = Number(values.records);
  values.chunk = Number(values.chunk) > 0 ? Number(values.chunk) : recordCount;
  const runs = Number(values.runs);

  // What each side does per record, so that the ratio is read as what it is.
  console.log(
    [
      'json-rules-engine 7.3.1: one Engine per pack (the pack exported by toJsonRulesEngineRules: rules, named conditions, anjian operators as custom operators,',
      '  allowUndefinedFacts, the safe path resolver); per record `await engine.run({ ...findings, $premises, $inspectedAt })`, which evaluates every rule and',
      "  keeps each condition's result, then the host counts the composites from the fired events. Output: the fired rule ids.",
      "anjian: compilePack once; per record `evaluate(inspection)` builds the whole classification: every item's outcome (pass / hazard / not applicable /",
      '  not checked with its missing answers), every finding with its observations, bilingual explanation, basis as of the inspection day, party and',
      '  deadline, composites, summary counts. Explanations are built with the finding (not on read); "explanations read" also reads each one.',
      'Mixes: realistic (compliant scenarios, a few answers changed), stress (every answer random), json (the realistic records, each parsed from its own JSON text).',
      'Both: the same records; agreement checked on every record before timing (fired rule and composite ids).',
    ].join('\n'),
  );
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
    const runAnjian = (record) => evaluator.evaluate({ pack: pack.id, premises: record.premises, inspectedAt: record.inspectedAt, findings: record.findings });

    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    /** CPU seconds (user + system) of the last {@link seconds} call: waiting for a core on a busy machine does not count. */
    let lastCpu = 0;
    /** Wall-clock seconds spent in `fn` (and its CPU seconds in `lastCpu`). */
    async function seconds(fn) {
      // --gc: each engine's time includes the collection of its own garbage, not the other's
      // (a second collection finishes sweeping the first's, which runs on other threads) —
      // but the sweeping left over is charged to the section that follows, a larger share of
      // a short one
      if (values.gc) {
        collectGarbage();
        collectGarbage();
      }
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await fn();
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpu);
      lastCpu = (used.user + used.system) / 1e6;
      return wall;
    }

    console.log(
      `pack ${pack.id}@${pack.version}: ${ruleCount} hazard rules, ${pack.composites.length} composites; ` +
        `${recordCount} records per mix, seed ${values.seed}; ${baselines.length} compliant baselines; node ${process.version}`,
    );
    const realistic = () => generateRecords(pack, recordCount, Number(values.seed), baselines);
    const mixes = [
      ['realistic', realistic],
      ['stress', () => generateRecords(pack, recordCount, Number(values.seed))],
      // the realistic records, each parsed from its own JSON text (what an HTTP host hands over)
      ['json', () => realistic().map((record) => JSON.parse(JSON.stringify(record)))],
    ].filter(([mix]) => values.mix.includes(mix));
    for (const [mix, generate] of mixes) {
      const records = generate();
      if (anjianOnly) {
        const rates = [];
        let sink = 0;
        for (let run = 0; run < runs; run++) {
          rates.push(
            records.length /
              (await seconds(async () => {
                for (const record of records) sink += runAnjian(record).hazards.length;
              })),
          );
        }
        console.log(
          `[${mix}] anjian compilePack: ${fmt(median(rates))} evaluations/s (median of ${runs}: ${rates.map(fmt).join(', ')}); ${(sink / runs / records.length).toFixed(1)} hazards per record`,
        );
        continue;
      }
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
      // Each run times both engines on the same chunks of records, alternating which goes
      // first, so that both see the same machine load (a shared machine's load swings by
      // several times within seconds); a run's rate is its records over its summed times.
      const jreRates = [];
      const anjianRates = [];
      const explainedRates = [];
      const pairedRatios = [];
      const cpuRatios = [];
      for (let run = 0; run < runs; run++) {
        let jreTime = 0;
        let anjianTime = 0;
        let explainedTime = 0;
        let jreCpu = 0;
        let anjianCpu = 0;
        let sink = 0;
        for (let start = 0, chunk = 0; start < records.length; start += values.chunk, chunk++) {
          const part = records.slice(start, start + values.chunk);
          const reference = async () => {
            jreTime += await seconds(async () => {
              for (const record of part) await runReference(record);
            });
            jreCpu += lastCpu;
          };
          const ours = async () => {
            anjianTime += await seconds(async () => {
              for (const record of part) sink += runAnjian(record).hazards.length;
            });
            anjianCpu += lastCpu;
            // The same, reading every hazard's explanation (built with the hazard: the same work again).
            explainedTime += await seconds(async () => {
              for (const record of part) for (const h of runAnjian(record).hazards) sink += h.explanation.en.length;
            });
          };
          if ((run + chunk) % 2 === 0) {
            await reference();
            await ours();
          } else {
            await ours();
            await reference();
          }
        }
        jreRates.push(records.length / jreTime);
        anjianRates.push(records.length / anjianTime);
        explainedRates.push(records.length / explainedTime);
        pairedRatios.push(jreTime / anjianTime);
        cpuRatios.push(jreCpu / anjianCpu);
        if (sink < 0) console.log(sink);
      }
      const jre = median(jreRates);
      const ours = median(anjianRates);
      console.log(
        `\n[${mix}] ${(hazards / records.length).toFixed(1)} hazards per record; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} (${availableParallelism()} cores)`,
      );
      console.log(
        `[${mix}] agreement: ${records.length - disagreements}/${records.length} records agree (${disagreements} disagreements); ${hazards} hazards fired, ${missingExplanations} without a bilingual explanation`,
      );
      console.log(`[${mix}] json-rules-engine 7.3.1: ${fmt(jre)} evaluations/s (median of ${runs}: ${jreRates.map(fmt).join(', ')})`);
      console.log(`[${mix}] anjian compilePack:      ${fmt(ours)} evaluations/s (median of ${runs}: ${anjianRates.map(fmt).join(', ')})`);
      const explained = median(explainedRates);
      console.log(`[${mix}] anjian, explanations read: ${fmt(explained)} evaluations/s (median of ${runs}: ${explainedRates.map(fmt).join(', ')})`);
      const paired = median(pairedRatios);
      const cpu = median(cpuRatios);
      const list = (xs) => xs.map((r) => `${r.toFixed(0)}×`).join(', ');
      console.log(`[${mix}] ratio: ${(ours / jre).toFixed(1)}× json-rules-engine (${(explained / jre).toFixed(1)}× with every explanation read)`);
      console.log(`[${mix}] per run, wall clock: ${list(pairedRatios)} (median ${paired.toFixed(1)}×); CPU time: ${list(cpuRatios)} (median ${cpu.toFixed(1)}×)`);
      summary.push(
        `${pack.id} ${mix}: ${(ours / jre).toFixed(1)}× (${(explained / jre).toFixed(1)}× explanations read; per-run medians ${paired.toFixed(1)}× wall clock, ${cpu.toFixed(1)}× CPU time), ${disagreements} disagreements, ${missingExplanations} without explanation`,
      );
      if (disagreements > 0 || missingExplanations > 0) failed = true;
    }
  }
  if (anjianOnly) return 0;
  console.log(`\nsummary (medians, same run):\n  ${summary.join('\n  ')}`);
  return failed ? 1 : 0;
}
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
