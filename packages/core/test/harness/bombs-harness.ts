// Child-process harness: hostile inputs parsed repeatedly in ONE process (docs/security.md T5, T6).
// yaml 2.9.1 aborts Node on the second deep parse without the pre-scan; here every input
// must come back as a located issue, and the process must exit 0.
// Prints one JSON document: { results: [{ name, runs, codes, line, column, maxMs }] }.
import { loadPack } from '../../src/pack/load-pack.js';

const base = `format: anjian/pack@1
id: bomb
version: 1.0.0
domain: gas
title: { zh-CN: 炸弹, en: Bomb }
issuer: { zh-CN: 测试, en: Test }
premises: []
regulations: []
facts: []
`;
const n = Number(process.env.BOMB_DEPTH ?? 5000);
const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 10; i++) {
  const p = String.fromCharCode(96 + i);
  const c = String.fromCharCode(97 + i);
  laughs.push(
    `${c}: &${c} [${Array(9)
      .fill('*' + p)
      .join(',')}]`,
  );
}
const bombs: { name: string; text: string; runs: number }[] = [
  { name: 'flow-seq', text: base + 'x: ' + '['.repeat(n) + '1' + ']'.repeat(n) + '\n', runs: 50 },
  { name: 'flow-map', text: base + 'x: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n) + '\n', runs: 50 },
  { name: 'dash-chain', text: base + 'x:\n  ' + '- '.repeat(n) + '1\n', runs: 50 },
  { name: 'billion-laughs', text: base + laughs.join('\n') + '\n', runs: 50 },
  { name: 'twenty-megabytes', text: base + 'x: "' + 'a'.repeat(20 * 1024 * 1024) + '"\n', runs: 3 },
];

const results = [];
for (const bomb of bombs) {
  const codes = new Set<string>();
  let line = 0;
  let column = 0;
  let maxMs = 0;
  for (let i = 0; i < bomb.runs; i++) {
    const started = performance.now();
    const result = loadPack({ files: { 'pack.yaml': bomb.text } });
    maxMs = Math.max(maxMs, performance.now() - started);
    if (result.ok) throw new Error(`${bomb.name} was accepted`);
    const first = result.issues[0]!;
    codes.add(first.code);
    line = first.line ?? 0;
    column = first.column ?? 0;
  }
  results.push({ name: bomb.name, runs: bomb.runs, codes: [...codes], line, column, maxMs: Math.round(maxMs * 10) / 10 });
}
process.stdout.write(JSON.stringify({ results }) + '\n');
