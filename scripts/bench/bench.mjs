#!/usr/bin/env node
// `pnpm bench`: the benchmarks, one `bench:<subject>` script each in the root package.json.
//
//   pnpm bench                 # lists them, with what each one measures
//   pnpm bench rules [args…]   # runs `pnpm bench:rules [args…]`
//
// Each benchmark prints its figures as ratios against a reference measured in the same run
// (json-rules-engine, the machine's own durable-write limit, …); none is asserted in a test.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scripts = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts ?? {};
const benches = Object.entries(scripts)
  .filter(([name]) => name.startsWith('bench:'))
  .map(([name, command]) => ({ subject: name.slice('bench:'.length), command }));

/** The first sentence of the script's opening comment: what it measures. */
function describe(command) {
  const file = /scripts\/bench\/[\w./-]+\.(?:mjs|ts)/.exec(command)?.[0];
  if (!file) return '';
  let text;
  try {
    text = readFileSync(`${root}${file}`, 'utf8');
  } catch {
    return '';
  }
  const comment = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#!')) continue;
    if (!line.startsWith('//')) break;
    const body = line.replace(/^\/\/\s?/, '').trim();
    if (body === '') break;
    comment.push(body);
  }
  const joined = comment
    .join(' ')
    .replace(/^`pnpm bench:[\w-]+`:\s*/, '')
    .replace(/^Benchmark:\s*/, '');
  const sentence = (/^.*?\.(?=\s|$)/.exec(joined)?.[0] ?? joined).replace(/[.:]$/, '');
  return sentence.length > 120 ? `${sentence.slice(0, 119)}…` : sentence;
}

const [subject, ...args] = process.argv.slice(2).filter((a) => a !== '--');
if (!subject) {
  console.log('Benchmarks (pnpm bench <subject> [args…] runs one; each prints ratios against a reference measured in the same run):\n');
  const width = Math.max(...benches.map((b) => b.subject.length));
  for (const b of benches) console.log(`  pnpm bench:${b.subject.padEnd(width)}  ${describe(b.command)}`);
  process.exit(0);
}
if (!benches.some((b) => b.subject === subject)) {
  console.error(`pnpm bench: 没有名为“${subject}”的基准 / no benchmark named "${subject}"; one of: ${benches.map((b) => b.subject).join(', ')}`);
  process.exit(2);
}
const run = spawnSync('pnpm', [`bench:${subject}`, ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
