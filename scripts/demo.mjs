#!/usr/bin/env node
// The demo (`pnpm demo`, the README's first command): checks the checklist packs with the
// CLI, then starts the demo portal (examples/portal) on http://localhost:3000 with its data
// in examples/portal/.data, and prints the URL and the demo logins. Ctrl-C stops it.
//
// PORT, HOST and ANJIAN_DATA_DIR are passed through to the portal. The command-line demo
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
