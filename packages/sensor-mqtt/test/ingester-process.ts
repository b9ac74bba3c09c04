// A separate ingesting process for the restart test: `node <bundle> <db> <topic prefix> <client id> [broker url]`.
// Prints "ready" once subscribed; the test kills it with SIGKILL mid-run and starts it again.
import { createSensorIngester } from '../src/index.js';
import { monitoring } from './harness.js';

const [path, prefix, clientId, url = 'mqtt://127.0.0.1:1883'] = process.argv.slice(2);
if (!path || !prefix || !clientId) {
  console.error('usage: ingester-process <db> <topic prefix> <client id>');
  process.exit(2);
}
// Flap coalescing off: the restart test alternates alarm / alarm_cleared seconds apart and counts one hazard per
// episode — it is about kill -9 and redelivery, not about chattering alarms (sensor-admission.test in core).
const m = await monitoring(path, { systemClock: true, flapWindowMs: 0 });
const ingester = createSensorIngester({
  url,
  clientId,
  topic: `${prefix}/+/messages`,
  deps: m.deps,
  logger: { warn: () => {}, error: (message, details) => console.error(message, details) },
});
await ingester.start();
console.log('ready');
