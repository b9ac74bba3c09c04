import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir, writeFiles } from './fixtures.js';
import { runCli } from './run-cli.js';

const DIR = 'examples/overlays/example-city-gas';
const OVERLAY = readFileSync(join(REPO, DIR, 'overlay.yaml'), 'utf8');

describe('local overlays in the CLI', () => {
  it('classify --overlay: 80 kg without a cylinder room is general under the city overlay, nothing nationally', async () => {
    const national = await runCli(['classify', '--pack', 'checklists/gas', `${DIR}/inspection-80kg.yaml`, '--format', 'json']);
    expect(national.code).toBe(0);
    expect(JSON.parse(national.out).classification.hazards).toEqual([]);
    const local = await runCli(['classify', '--pack', 'checklists/gas', '--overlay', `${DIR}/overlay.yaml`, `${DIR}/inspection-80kg.yaml`, '--format', 'json', '--fail-on', 'general']);
    expect(local.code).toBe(1);
    const doc = JSON.parse(local.out);
    expect(doc.classification.pack.version).toMatch(/\+example-city-gas\.1\.0\.0$/);
    expect(doc.classification.hazards.map((h: { rule: string; level: string }) => [h.rule, h.level])).toEqual([['GAS-U08-H1', 'general']]);
  });

  it('validate --overlay checks the example overlay with the packs: exit 0', async () => {
    const { code, out } = await runCli(['validate', 'checklists', '--overlay', `${DIR}/overlay.yaml`, '--quiet']);
    expect(code).toBe(0);
    // every pack folder under checklists/ (derived, so a new pack does not break this test), and the overlaid pack
    const packs = readdirSync(join(REPO, 'checklists'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(REPO, 'checklists', d.name, 'pack.yaml'))).length;
    expect(out).toContain(`${packs + 1} packs checked: ${packs + 1} passed, 0 with errors`);
  });

  it("test --overlay runs the overlay's scenarios with coverage of the rules it changes", async () => {
    const { code, out } = await runCli(['test', 'checklists', '--overlay', `${DIR}/overlay.yaml`, '--coverage-threshold', '100']);
    expect(code).toBe(0);
    expect(out).toContain(`${DIR}/overlay.yaml  gas@`);
    expect(out).toContain('coverage: 1/1 rules (100%)');
  });

  it('an overlay that loosens a threshold is refused: exit 1, file:line:col in the overlay', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'overlay.yaml': OVERLAY.replace('    value: 50\n', '    value: 200\n') });
    const line = OVERLAY.split('\n').findIndex((l) => l === '    value: 50') + 1;
    const { code, out } = await runCli(['classify', '--pack', join(REPO, 'checklists/gas'), '--overlay', 'overlay.yaml', join(REPO, DIR, 'inspection-80kg.yaml')], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toContain(`overlay.yaml:${line}:12  error  OVERLAY_LOOSENS  200 loosens the national threshold 100 of GAS-U08-H1`);
    const tested = await runCli(['test', join(REPO, 'checklists/gas'), '--overlay', 'overlay.yaml'], { cwd: dir });
    expect(tested.code).toBe(1);
    expect(tested.out).toContain('OVERLAY_LOOSENS');
    const validated = await runCli(['validate', join(REPO, 'checklists/gas'), '--overlay', 'overlay.yaml', '--quiet'], { cwd: dir });
    expect(validated.code).toBe(1);
    expect(validated.out).toContain(`overlay.yaml:${line}:12  error  OVERLAY_LOOSENS`);
  });
});
