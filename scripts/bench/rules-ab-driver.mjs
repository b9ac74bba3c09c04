// The process rules-ab.mjs bundles and runs: two builds of compilePack (old, new) on the
// same records. See rules-ab.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadPackFromPath } from '@anjian/core/node';
import { generateRecords } from './generate-records.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Compliant scenarios of the pack (expecting no hazard): the realistic mix's baselines. */
function baselinesOf(packPath) {
  return readdirSync(join(packPath, 'tests'))
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => parse(readFileSync(join(packPath, 'tests', f), 'utf8')).scenarios)
    .filter((s) => Array.isArray(s.expect?.hazards) && s.expect.hazards.length === 0 && !s.todo);
}

export async function run(compileOld, compileNew, options) {
  const count = Number(options.records);
  const runs = Number(options.runs);
  const chunk = Number(options.chunk) > 0 ? Number(options.chunk) : count;
  let failed = false;
  console.log(`old: packages/core/src at ${options.ref}; new: the working tree; ${count} records per mix, seed ${options.seed}; node ${process.version}`);
  for (const packPath of options.pack) {
    const loaded = await loadPackFromPath(packPath);
    if (!loaded.ok) throw new Error(`cannot load ${packPath}`);
    const pack = loaded.pack;
    const older = compileOld(pack);
    const newer = compileNew(pack);
    const inspection = (r) => ({ pack: pack.id, premises: r.premises, inspectedAt: r.inspectedAt, findings: r.findings });
    const realistic = generateRecords(pack, count, Number(options.seed), baselinesOf(packPath)).map(inspection);
    const stress = generateRecords(pack, count, Number(options.seed)).map(inspection);
    const mixes = {
      realistic: () => realistic,
      stress: () => stress,
      // what an HTTP host has: every inspection parsed from its own JSON text
      json: () => realistic.map((r) => JSON.parse(JSON.stringify(r))),
      'json-stress': () => stress.map((r) => JSON.parse(JSON.stringify(r))),
    };
    for (const mix of options.mix) {
      const records = mixes[mix]();
      let differ = 0;
      for (const r of records) {
        const a = JSON.stringify(older.evaluate(r));
        const b = JSON.stringify(newer.evaluate(r));
        if (a !== b) {
          differ += 1;
          if (differ <= 2) {
            console.error(`[${pack.id} ${mix}] results differ for`, JSON.stringify(r));
            const at = [...a].findIndex((ch, i) => ch !== b[i]);
            console.error(`  first difference at ${at}:\n  old: …${a.slice(Math.max(0, at - 200), at + 200)}\n  new: …${b.slice(Math.max(0, at - 200), at + 200)}`);
          }
        }
        const c = JSON.stringify(older.check(r));
        const d = JSON.stringify(newer.check(r));
        if (c !== d) {
          differ += 1;
          if (differ <= 2) console.error(`[${pack.id} ${mix}] check() differs:\n  old: ${c}\n  new: ${d}`);
        }
      }
      if (differ > 0) failed = true;
      console.log(`[${pack.id} ${mix}] ${records.length} records: ${differ === 0 ? 'byte-identical results' : `${differ} DIFFERENT`}`);
      if (options['check-only']) continue;
      const oldRates = [];
      const newRates = [];
      const ratios = [];
      let sink = 0;
      // CPU time of the process (user + system): waiting for a core on a busy machine does not count
      const time = (evaluator, part) => {
        const start = process.cpuUsage();
        for (const r of part) sink += evaluator.evaluate(r).hazards.length;
        const used = process.cpuUsage(start);
        return (used.user + used.system) / 1e6;
      };
      // warm both
      time(older, records);
      time(newer, records);
      // per chunk, the fastest of the runs (load only ever adds time): the sum of these minima
      const parts = [];
      for (let start = 0; start < records.length; start += chunk) parts.push(records.slice(start, start + chunk));
      const oldBest = parts.map(() => Infinity);
      const newBest = parts.map(() => Infinity);
      for (let k = 0; k < runs; k++) {
        let oldTime = 0;
        let newTime = 0;
        for (let c = 0; c < parts.length; c++) {
          const part = parts[c];
          let a;
          let b;
          if ((k + c) % 2 === 0) {
            a = time(older, part);
            b = time(newer, part);
          } else {
            b = time(newer, part);
            a = time(older, part);
          }
          oldTime += a;
          newTime += b;
          oldBest[c] = Math.min(oldBest[c], a);
          newBest[c] = Math.min(newBest[c], b);
        }
        oldRates.push(records.length / oldTime);
        newRates.push(records.length / newTime);
        ratios.push(oldTime / newTime);
      }
      if (sink < 0) console.log(sink);
      const sum = (xs) => xs.reduce((a, b) => a + b, 0);
      console.log(
        `[${pack.id} ${mix}] old ${fmt(median(oldRates))}/s, new ${fmt(median(newRates))}/s; new/old per run ${ratios.map((r) => r.toFixed(2)).join(' ')} (median ${median(ratios).toFixed(2)}×; sum of per-chunk minima ${(sum(oldBest) / sum(newBest)).toFixed(2)}×); load ${load()}`,
      );
    }
  }
  process.exit(failed ? 1 : 0);
}
