// Benchmark (not a test): time loadPack on the demo pack, a ~1 MB valid pack and a ~1 MB
// pack full of schema errors. Run: bundle with scripts/test-utils/bundle-harness.ts, then `node <file> <demo dir>`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../../src/pack/load-pack.js';

const dir = process.argv[2] ?? '.';
const demo = { 'pack.yaml': readFileSync(join(dir, 'pack.yaml'), 'utf8'), 'sections/equipment.yaml': readFileSync(join(dir, 'sections/equipment.yaml'), 'utf8') };
const head = demo['pack.yaml'].split('\ncomposites:')[0]!.replace('include:\n  - sections/equipment.yaml\n', '');
const manyFacts = Array.from(
  { length: 4900 },
  (_, i) => `  - id: f${i}\n    type: number\n    min: 0\n    max: 100\n    label: { zh-CN: 第${i}项测量值（示例文字示例文字）, en: Measurement number ${i} of the benchmark pack }\n`,
).join('');
const big = head.replace('facts:\n', 'facts:\n' + manyFacts);
const hostile = head.replace('facts:\n', 'facts:\n' + manyFacts.replace(/type: number/g, 'type: nmber').replace(/en: /g, 'eng: '));

function time(name: string, files: Record<string, string>, runs: number) {
  const ms: number[] = [];
  let ok = false;
  let issues = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = loadPack({ files }, { maxFileSize: 2_000_000 });
    ms.push(performance.now() - t);
    ok = r.ok;
    issues = r.issues.length;
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  const size = Object.values(files).reduce((n, t) => n + t.length, 0);
  console.log(`${name}: ${size} chars, ok=${ok}, issues=${issues}, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`);
}
const t0 = performance.now();
loadPack({ files: demo });
console.log(`first load (includes ajv compile): ${(performance.now() - t0).toFixed(1)} ms`);
time('demo-kitchen', demo, 200);
time('~0.7 MB valid (4 900 facts)', { 'pack.yaml': big }, 20);
time('~0.7 MB hostile (4 900 facts, schema errors)', { 'pack.yaml': hostile }, 20);
