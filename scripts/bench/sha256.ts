// `pnpm bench:sha256`: SHA-256 of the texts the command path hashes (canonical event JSON of
// ~150 to ~4 000 characters, fingerprints, ids), @noble/hashes as core's `sha256Hex` uses it
// (one reused instance) against node:crypto's `createHash`, in the same process: rounds
// alternate which goes first, and the median of the per-round CPU ratios (node ÷ noble) is
// printed for each size, with the load average (the CPU time is less inflated by others' load).
// Options: --rounds 7 --bytes 4000000 (hashed per size, per variant, per round)
import { createHash, hash } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sha256Hex } from '@anjian/core/audit';
import { selectSha256 } from '@anjian/core/internal';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, bytes: { type: 'string', default: '4000000' } } });
const rounds = Number(values.rounds);
const budget = Number(values.bytes);

/** Text shaped like canonical event JSON: mostly ASCII keys and ids, some Chinese (reasons, names). */
function sample(length: number, seed: number): string {
  let s = `{"actor":{"id":"grid-g${seed}","role":"grid"},"data":{"reason":{"en":"fire door blocked","zh-CN":"防火门被堵塞"}},"hazardId":"H-${seed}",`;
  while (s.length < length) s += `"k${s.length}":"值${(s.length * 7919) % 100000}-${seed}",`;
  return s.slice(0, length);
}

// core's sha256Hex on each implementation, and node:crypto called directly (what is left of the cost is the hash).
const variants: Record<string, (text: string) => string> = {
  noble: sha256Hex,
  native: sha256Hex,
  'createHash direct': (text) => createHash('sha256').update(text).digest('hex'),
  'crypto.hash direct': (text) => hash('sha256', text, 'hex'),
};
const select = (name: string) => selectSha256(name === 'noble' ? 'noble' : 'native');
const names = Object.keys(variants);
const cpu = (f: () => void) => {
  const t = process.cpuUsage();
  f();
  const u = process.cpuUsage(t);
  return u.user + u.system;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const load0 = loadavg()[0]!;
for (const size of [150, 700, 1500, 4000]) {
  const texts = Array.from({ length: 64 }, (_, i) => sample(size, i));
  for (const t of texts) if (new Set(names.map((n) => (select(n), variants[n]!(t)))).size !== 1) throw new Error('the variants disagree');
  const calls = Math.max(1000, Math.floor(budget / size));
  const run = (name: string) => {
    const f = variants[name]!;
    if (select(name) !== (name === 'noble' ? 'noble' : 'native')) throw new Error('node:crypto is not available');
    let sink = 0;
    const us = cpu(() => {
      for (let i = 0; i < calls; i++) sink += f(texts[i & 63]!).charCodeAt(0);
    });
    if (sink === 0) throw new Error('unreachable');
    return us / calls;
  };
  for (const name of names) run(name); // warm-up
  const per = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) for (const name of r % 2 === 0 ? names : [...names].reverse()) per.get(name)!.push(run(name));
  const base = per.get('noble')!;
  const line = names.map((n) => {
    const xs = per.get(n)!;
    return `${n} ${median(xs).toFixed(2)} µs (÷ noble ${median(xs.map((x, i) => x / base[i]!)).toFixed(2)})`;
  });
  console.log(`${String(size).padStart(5)} chars: ${line.join(', ')}`);
}
console.log(`CPU µs per hash, medians of ${rounds} rounds; load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
