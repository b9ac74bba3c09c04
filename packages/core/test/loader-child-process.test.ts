// Runs the loader in child processes (docs/security.md T5, T6, T9): an abort of Node (exit 134,
// "FATAL ERROR") inside the YAML parser must fail these tests rather than kill the runner.
// The harnesses are bundled with esbuild (see scripts/test-utils/bundle-harness.ts) and run with plain
// `node`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHarness } from '../../../scripts/test-utils/bundle-harness.js';

const harness = (name: string) => fileURLToPath(new URL(`./harness/${name}`, import.meta.url));
const demo = fileURLToPath(new URL('../../../examples/packs/demo-kitchen/', import.meta.url));
const coreDir = fileURLToPath(new URL('..', import.meta.url));

let bombs = '';
let property = '';
beforeAll(async () => {
  [bombs, property] = await Promise.all([bundleHarness(harness('bombs-harness.ts')), bundleHarness(harness('property-harness.ts'))]);
});
afterAll(() => {
  for (const file of [bombs, property]) if (file) rmSync(dirname(file), { recursive: true, force: true });
});

const run = (file: string, args: string[] = [], cwd?: string) =>
  spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000, ...(cwd ? { cwd } : {}) });

describe('loader in a child process', () => {
  it('control: a child that aborts is seen as a failure (status, signal or FATAL)', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.abort()'], { encoding: 'utf8' });
    expect(child.status !== 0 || child.signal !== null).toBe(true);
  });

  // Measured on Node 20.20 (measured when the guard was written): raw yaml 2.9.1 aborts on a repeated deep parse.
  // This shows why the pre-scan exists; other Node majors may behave differently.
  it.runIf(process.versions.node.startsWith('20.'))('control: raw yaml 2.9.1 without the pre-scan aborts Node on repeated deep parses', () => {
    const script = `const { parseDocument } = require('yaml');
      const text = '['.repeat(3000) + '1' + ']'.repeat(3000);
      for (let i = 0; i < 50; i++) { try { parseDocument(text); } catch {} }
      console.log('survived');`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: coreDir, encoding: 'utf8', timeout: 120_000 });
    expect(child.stdout).not.toContain('survived');
    expect(child.status !== 0 || child.signal !== null).toBe(true);
  });

  it('rejects depth-5000 flow/map/dash bombs 50 times each, billion laughs and a 20 MB file, each with a located issue, exit 0', () => {
    const child = run(bombs);
    expect(child.stderr).not.toMatch(/FATAL/);
    expect(child.signal).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const { results } = JSON.parse(child.stdout) as { results: { name: string; runs: number; codes: string[]; line: number; column: number; maxMs: number }[] };
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    expect(byName['flow-seq']).toMatchObject({ runs: 50, codes: ['NESTING_TOO_DEEP'], line: 10, column: 66 });
    expect(byName['flow-map']).toMatchObject({ runs: 50, codes: ['NESTING_TOO_DEEP'], line: 10, column: 252 });
    expect(byName['dash-chain']).toMatchObject({ runs: 50, codes: ['NESTING_TOO_DEEP'], line: 11, column: 129 });
    expect(byName['billion-laughs']).toMatchObject({ runs: 50, codes: ['YAML_ALIAS_LIMIT'], line: 12, column: 29 });
    expect(byName['twenty-megabytes']).toMatchObject({ codes: ['FILE_TOO_LARGE'], line: 1, column: 1 });
    // Timings are printed for the report, never asserted (no wall-clock assertions).
    console.info('bomb timings (max ms per load):', results.map((r) => `${r.name} ${r.maxMs}`).join(', '));
  });

  it('property: byte and structure mutations of a valid pack and random condition trees only ever give a pack or located issues (fixed seeds)', () => {
    const child = run(property, [demo, '1,2,3', '150']);
    expect(child.stderr).not.toMatch(/FATAL/);
    expect(child.signal).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const summary = JSON.parse(child.stdout) as { failed: boolean; runs: number; ok: number; rejected: number };
    expect(summary.failed).toBe(false);
    expect(summary.runs).toBe(1350);
    // Both outcomes occur, so the property is not vacuous.
    expect(summary.ok).toBeGreaterThan(0);
    expect(summary.rejected).toBeGreaterThan(0);
    // 1 350 child-process parses: ~25 s alone, more while other test files share the cores.
  }, 240_000);
});
