#!/usr/bin/env node
// How far the classifier's speed can go with its current result: per pack and record mix,
// in one run, json-rules-engine's time per record beside anjian's full evaluation and two
// parts of it that every evaluation must do —
//   - "conditions only": each item's premises scope and `when`, then every hazard rule's
//     compiled condition (the tests that decide which rules fire; answers read through the
//     slots as in an evaluation), no result built;
//   - "answers only": reading each answer an evaluation reads (every fact slot of the pack,
//     through the same `valueAt`), nothing else.
// The ratio json-rules-engine ÷ "conditions only" is the ceiling of the pack-level ratio if
// building the classification (item results, findings, observations, explanations, the
// basis as of the day, the summary) cost nothing. A fourth line, "conditions as generated
// JavaScript", decides the same with the probe of generated-conditions-probe.ts (the
// decisions written out as one function: what ahead-of-time generated code could gain;
// the library generates none), after checking it fires the same rules on every record.
//
//   pnpm bench:rules-floor
//   pnpm bench:rules-floor -- --pack checklists/fire --records 3000 --runs 9
//
// Timing: each measure runs all records per run, the measures alternating within a run;
// every measure, json-rules-engine's included, prints its minimum over the runs (µs per
// record): the least disturbed run of each, so that load from other processes does not
// favour either side.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { Pack } from '@anjian/core';
import { toJsonRulesEngineRules } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { buildCompiledPack } from '../../packages/core/src/classify/build-compiled-pack.js';
import { evaluatePack } from '../../packages/core/src/classify/evaluate-pack.js';
import { slotsOver, valueAt } from '../../packages/core/src/rules/condition-nodes.js';
import { generatedConditionsProbe } from './generated-conditions-probe.js';
import { generateRecords } from './generate-records.mjs';
import { createReferenceEngine, firedByReference } from './json-rules-engine-reference.mjs';

interface BenchRecord {
  premises: string;
  inspectedAt: string;
  findings: Record<string, unknown>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      pack: { type: 'string', multiple: true, default: ['checklists/fire', 'checklists/gas'] },
      records: { type: 'string', default: '3000' },
      runs: { type: 'string', default: '7' },
      seed: { type: 'string', default: '20261128' },
      mix: { type: 'string', multiple: true, default: ['realistic', 'stress', 'json'] },
    },
  });
  const runs = Number(values.runs);
  const recordCount = Number(values.records);
  console.log(
    `node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${availableParallelism()} cores)`,
  );
  for (const packPath of values.pack) {
    const loaded = await loadPackFromPath(packPath);
    if (!loaded.ok) throw new Error(`cannot load ${packPath}`);
    const pack: Pack = loaded.pack;
    const baselines = readdirSync(join(packPath, 'tests'))
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => (parse(readFileSync(join(packPath, 'tests', f), 'utf8')) as { scenarios: { findings?: Record<string, unknown>; expect?: { hazards?: unknown[] }; todo?: unknown }[] }).scenarios)
      .filter((s) => Array.isArray(s.expect?.hazards) && s.expect.hazards.length === 0 && !s.todo);
    const compiled = buildCompiledPack(pack, {});
    const exported = toJsonRulesEngineRules(pack);
    const engine = createReferenceEngine(exported);
    const ruleCount = compiled.items.reduce((n, i) => n + i.rules.length, 0);
    // every fact slot, by the name its conditions read it under
    const slotNames: [number, string][] = [];
    for (const item of compiled.items) for (const f of item.required) if (f.slot !== undefined) slotNames.push([f.slot, f.id]);
    const seen = new Set<number>();
    const readable = slotNames.filter(([slot]) => !seen.has(slot) && seen.add(slot));

    const full = (r: BenchRecord) => evaluatePack(compiled, { pack: pack.id, premises: r.premises, inspectedAt: r.inspectedAt, findings: r.findings as never }).hazards.length;
    const where = (premises: string) => compiled.premisesIndex.get(premises) ?? -1;
    const conditionsOnly = (r: BenchRecord) => {
      compiled.setReserved(r.premises, r.inspectedAt);
      const slots = slotsOver(r.findings, compiled.slotCount);
      const at = where(r.premises);
      let fired = 0;
      for (const item of compiled.items) {
        if ((item.scope !== undefined && !(at >= 0 && item.scope[at] === true)) || (item.when !== undefined && !item.when.holds(slots))) continue;
        for (const rule of item.rules) if (rule.when.holds(slots)) fired++;
      }
      return fired;
    };
    const firedByClosures = (r: BenchRecord) => {
      compiled.setReserved(r.premises, r.inspectedAt);
      const slots = slotsOver(r.findings, compiled.slotCount);
      const at = where(r.premises);
      const list: number[] = [];
      for (const item of compiled.items) {
        if ((item.scope !== undefined && !(at >= 0 && item.scope[at] === true)) || (item.when !== undefined && !item.when.holds(slots))) continue;
        for (const rule of item.rules) if (rule.when.holds(slots)) list.push(rule.index);
      }
      return list;
    };
    const probe = generatedConditionsProbe(pack, compiled);
    const generated = (r: BenchRecord) => probe.count(r.findings, r.premises, r.inspectedAt);
    const answersOnly = (r: BenchRecord) => {
      const slots = slotsOver(r.findings, compiled.slotCount);
      let present = 0;
      for (const [slot, name] of readable) if (valueAt(slots, slot, name) !== undefined) present++;
      return present;
    };

    console.log(`\npack ${pack.id}@${pack.version}: ${compiled.items.length} items, ${ruleCount} hazard rules, ${readable.length} answer slots read by items; ${recordCount} records per mix`);
    console.log(`  generated-code probe: ${probe.inline} conditions written out, ${probe.fallbacks} left to the compiled closures`);
    for (const mix of values.mix) {
      const realistic = () => generateRecords(pack, recordCount, Number(values.seed), baselines) as BenchRecord[];
      const records: BenchRecord[] =
        mix === 'realistic'
          ? realistic()
          : mix === 'stress'
            ? (generateRecords(pack, recordCount, Number(values.seed)) as BenchRecord[])
            : realistic().map((r) => JSON.parse(JSON.stringify(r)) as BenchRecord);
      let disagreements = 0;
      for (const r of records) if (firedByClosures(r).join() !== probe.fired(r.findings, r.premises, r.inspectedAt).join()) disagreements += 1;
      const jre: number[] = [];
      const best = { full: Infinity, conditions: Infinity, generated: Infinity, answers: Infinity };
      let sink = 0;
      const time = (fn: (r: BenchRecord) => number) => {
        const start = process.hrtime.bigint();
        for (const r of records) sink += fn(r);
        return Number(process.hrtime.bigint() - start) / 1e3 / records.length;
      };
      for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint();
        for (const r of records) sink += (await firedByReference(engine, exported, r)).fired.size;
        jre.push(Number(process.hrtime.bigint() - start) / 1e3 / records.length);
        best.full = Math.min(best.full, time(full));
        best.conditions = Math.min(best.conditions, time(conditionsOnly));
        best.generated = Math.min(best.generated, time(generated));
        best.answers = Math.min(best.answers, time(answersOnly));
      }
      const reference = Math.min(...jre);
      const line = (label: string, us: number) => `  ${label.padEnd(44)} ${us.toFixed(2).padStart(8)} µs   ${(reference / us).toFixed(1).padStart(6)}× json-rules-engine`;
      console.log(`[${mix}] load average ${loadavg()[0]!.toFixed(1)}; per record, minimum of ${runs} runs`);
      console.log(`  ${'json-rules-engine 7.3.1'.padEnd(44)} ${reference.toFixed(1).padStart(8)} µs`);
      console.log(line('anjian evaluate (the classification)', best.full));
      console.log(line('anjian conditions only (no result)', best.conditions));
      console.log(
        line('conditions as generated JavaScript (probe)', best.generated) + `   ${(best.conditions / best.generated).toFixed(2)}× the closures; ${disagreements} records decided differently`,
      );
      console.log(line('anjian answers only (each slot read once)', best.answers));
      console.log(`  a 250× ratio needs ${(reference / 250).toFixed(2)} µs per record, 150× ${(reference / 150).toFixed(2)} µs`);
      if (sink < 0) console.log(sink);
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
