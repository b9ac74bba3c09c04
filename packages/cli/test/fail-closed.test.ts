import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir, writeFiles } from './fixtures.js';

// Issue 13, fail closed: the built executable in a child process, on the real gas pack and a
// real example inspection with its premises taken away, misspelt, or with extra keys.
// Build first: pnpm --filter @anjian/core --filter @anjian/cli build
const BIN = join(REPO, 'packages', 'cli', 'dist', 'bin.js');
const anjian = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const LPG = readFileSync(join(REPO, 'examples', 'inspections', 'gas-basement-hotpot-lpg.yaml'), 'utf8');
const GAS = join(REPO, 'checklists', 'gas');

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first`);
});

describe('anjian classify fails closed on the envelope', () => {
  it('the example with premises exits 1 under --fail-on simple (it has hazards)', () => {
    const dir = tempDir();
    writeFiles(dir, { 'lpg.yaml': LPG });
    expect(anjian(['classify', '--pack', GAS, 'lpg.yaml', '--fail-on', 'simple'], dir).status).toBe(1);
  });

  it('without premises: exit 1, PREMISES_MISSING located, in both languages, no classification', () => {
    const dir = tempDir();
    writeFiles(dir, { 'lpg.yaml': LPG.replace(/^premises: .*\n/m, '') });
    const r = anjian(['classify', '--pack', GAS, 'lpg.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^lpg\.yaml:\d+:\d+ {2}error {2}PREMISES_MISSING {2}premises is missing/m);
    expect(r.stdout).toMatch(/restaurant/);
    expect(r.stdout).not.toMatch(/No hazard found/);
    const zh = anjian(['classify', '--pack', GAS, 'lpg.yaml', '--lang', 'zh-CN'], dir);
    expect(zh.stdout).toContain('未填写场所类型 premises');
    const json = JSON.parse(anjian(['classify', '--pack', GAS, 'lpg.yaml', '--format', 'json'], dir).stdout);
    expect(json.classification).toBeNull();
    expect(json.issues.map((i: { code: string; pointer: string }) => [i.code, i.pointer])).toContainEqual(['PREMISES_MISSING', '/premises']);
  });

  it('a misspelt premises kind: exit 1 with a did-you-mean at the premises line', () => {
    const dir = tempDir();
    const text = LPG.replace(/^premises: (.*)$/m, 'premises: restuarant');
    writeFiles(dir, { 'lpg.yaml': text });
    const line = text.split('\n').findIndex((l) => l.startsWith('premises:')) + 1;
    const r = anjian(['classify', '--pack', GAS, 'lpg.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`lpg.yaml:${line}:11  error  UNKNOWN_PREMISES  the pack has no premises kind "restuarant" (did you mean "restaurant"?)`);
  });

  it('unknown top-level keys and an invalid source: exit 1, each at its key', () => {
    const dir = tempDir();
    const text = LPG.replace(/^source: .*\n/m, '') + 'source: patrol\nlevel: simple\n';
    writeFiles(dir, { 'lpg.yaml': text });
    const lines = text.split('\n');
    const r = anjian(['classify', '--pack', GAS, 'lpg.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`lpg.yaml:${lines.indexOf('level: simple') + 1}:1  error  UNKNOWN_KEY  an inspection cannot carry "level"`);
    expect(r.stdout).toContain(`lpg.yaml:${lines.indexOf('source: patrol') + 1}:9  error  UNKNOWN_SOURCE  invalid source "patrol"`);
  });
});
