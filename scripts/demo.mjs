#!/usr/bin/env node
// The demo (`pnpm demo`, the README's first command): checks the checklist packs with the
// CLI, then starts the demo portal (examples/portal) on http://127.0.0.1:3000 (this machine
// only; HOST=0.0.0.0 serves the network) with its data in examples/portal/.data, and prints
// the URL, the demo logins and their password (anjian-demo). Ctrl-C stops it.
//
// PORT, HOST, ANJIAN_DATA_DIR and ANJIAN_DEMO_PASSWORD are passed through to the portal. The command-line demo
// (classify the example inspections, walk the review chain) is `pnpm demo:cli`.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('$ anjian validate checklists examples/packs --quiet');
const check = spawnSync(process.execPath, ['packages/cli/dist/bin.js', 'validate', 'checklists', 'examples/packs', '--quiet'], { cwd: root, stdio: 'inherit' });
if (check.status !== 0) {
  console.error('✗ 检查表包校验未通过，门户未启动。/ The checklist packs did not validate; the portal was not started.');
  process.exit(check.status ?? 2);
}
console.log('✓ 检查表包校验通过 / checklist packs valid — starting the portal…');

const portal = spawn(process.execPath, ['scripts/run-ts.mjs', 'examples/portal/src/server.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (portal.exitCode === null && portal.signalCode === null) portal.kill(signal);
  });
}
portal.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 2)));
