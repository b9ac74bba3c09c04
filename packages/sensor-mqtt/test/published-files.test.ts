import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = join(pkgDir, '..', '..');

// docs/monitoring.md prints the broker files of deploy/ for a deployer to copy; a user who installed the
// package from npm finds them only if package.json's `files` publishes them.
describe('the files the docs print are published', () => {
  it('every packages/sensor-mqtt/… path named by docs/monitoring.md and the README is under an entry of `files`', () => {
    const files = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { files: string[] }).files;
    const named = new Set<string>();
    for (const doc of [join(repoDir, 'docs', 'monitoring.md'), join(pkgDir, 'README.md')]) {
      for (const m of readFileSync(doc, 'utf8').matchAll(/(?:packages\/sensor-mqtt\/|`)(deploy\/[\w.-]+)/g)) named.add(m[1]!);
    }
    expect([...named].sort()).toEqual(['deploy/anjian.acl', 'deploy/mosquitto-certs.conf', 'deploy/mosquitto.conf']);
    const published = (path: string) => files.some((entry) => path === entry || path.startsWith(`${entry.replace(/\/$/, '')}/`));
    expect([...named].filter((path) => !published(path))).toEqual([]);
  });
});
