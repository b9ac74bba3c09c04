#!/usr/bin/env node
// The demo (`pnpm demo`, the README's first command): checks the checklist packs with the
// CLI, then starts the demo portal (examples/portal) on http://127.0.0.1:3000 (this machine
// only; HOST=0.0.0.0 serves the network) with its data in examples/portal/.data, and prints
// the URL, the demo logins and their password (anjian-demo). Ctrl-C stops it.
//
// PORT, HOST, ANJIAN_DATA_DIR, ANJIAN_DEMO_PASSWORD and ANJIAN_DEMO_CITY (a generated city of that many
// enterprises for the reports page, docs/reports.md; default none) are passed through to the portal. The command-line demo
// (classify the example inspections, walk the review chain) is `pnpm demo:cli`.
// Monitoring (监测预警): when ANJIAN_MQTT_URL is not set and an MQTT broker answers on
// 127.0.0.1:1883, the portal is started with it, so `pnpm demo:sensors` in another terminal
// shows live device alarms on the demo enterprises; without a broker the portal runs without.
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('$ anjian validate checklists examples/packs --quiet');
const check = spawnSync(process.execPath, ['packages/cli/dist/bin.js', 'validate', 'checklists', 'examples/packs', '--quiet'], { cwd: root, stdio: 'inherit' });
if (check.status !== 0) {
  console.error('✗ 检查表包校验未通过，门户未启动。/ The checklist packs did not validate; the portal was not started.');
  process.exit(check.status ?? 2);
}
console.log('✓ 检查表包校验通过 / checklist packs valid — starting the portal…');

/** Whether something listens on 127.0.0.1:1883 (answers within 500 ms). */
const brokerAnswers = () =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 1883 });
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
const env = { ...process.env };
if (env.ANJIAN_MQTT_URL === undefined) {
  if (await brokerAnswers()) {
    env.ANJIAN_MQTT_URL = 'mqtt://127.0.0.1:1883';
    console.log('✓ MQTT 127.0.0.1:1883：设备消息接入已开启，另开终端运行 pnpm demo:sensors / device messages on — run pnpm demo:sensors in another terminal');
  } else {
    console.log('· 127.0.0.1:1883 没有 MQTT 服务器：门户不接入设备消息 / no MQTT broker on 127.0.0.1:1883: the portal runs without device messages');
  }
}
const portal = spawn(process.execPath, ['scripts/run-ts.mjs', 'examples/portal/src/server.ts'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (portal.exitCode === null && portal.signalCode === null) portal.kill(signal);
  });
}
portal.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 2)));
