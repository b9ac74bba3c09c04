#!/usr/bin/env node
// Runs scripts of the root package.json side by side and prints each one's output as one
// block when it ends (never interleaved), with its time; exits 1 when any failed, after all
// have ended, so one run names every failing step. `pnpm check` runs its four steps this way:
// each is one single-threaded process (tsc, eslint, prettier, knip), so one after the other
// they left a core of a 2-core machine idle; side by side they take about the longest one's
// time. `pnpm test` runs `pnpm build` beside `pnpm check` the same way (the checks read the
// sources, never dist/).
//
//   node scripts/run-steps.mjs typecheck lint format:check knip
import { spawn } from 'node:child_process';

const steps = process.argv.slice(2);
if (steps.length === 0 || steps.some((s) => s.startsWith('-'))) {
  console.error('usage: node scripts/run-steps.mjs <package.json script>…');
  process.exit(2);
}

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const results = await Promise.all(
  steps.map(
    (step) =>
      new Promise((resolve) => {
        const t0 = Date.now();
        let output = '';
        const child = spawn('pnpm', ['run', '--silent', step], { stdio: ['ignore', 'pipe', 'pipe'], env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        let ended = false;
        const done = (code, error) => {
          if (ended) return;
          ended = true;
          const ok = code === 0;
          process.stdout.write(`${ok ? '✓' : '✗'} pnpm ${step} (${seconds(Date.now() - t0)}${ok ? '' : `, exit ${code ?? error}`})\n${output.trimEnd() ? `${output.trimEnd()}\n` : ''}`);
          resolve({ step, ok });
        };
        child.on('error', (error) => done(null, String(error)));
        child.on('close', (code, signal) => done(code ?? signal));
      }),
  ),
);

const failed = results.filter((r) => !r.ok).map((r) => r.step);
console.log(failed.length ? `✗ failed: ${failed.join(', ')} (${seconds(Date.now() - started)})` : `✓ ${steps.join(', ')} (${seconds(Date.now() - started)})`);
process.exit(failed.length ? 1 : 0);
