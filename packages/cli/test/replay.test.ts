import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PACK, tempDir, writeFiles } from './fixtures.js';
import { copyDemoPack, runCli } from './run-cli.js';

const HOSE =
  "pack: demo-kitchen\npremises: canteen\ninspectedAt: '2026-11-20T10:00:00+08:00'\nfindings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }\n";

describe('anjian replay', () => {
  it('prints per hazard what the new pack version changes (level up), exit 0', async () => {
    const next = copyDemoPack();
    const file = join(next, 'sections', 'equipment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(id: DEMO-003-H1\n\s+level: )simple/, '$1general'));
    const dir = tempDir();
    writeFiles(dir, { 'hose.yaml': HOSE });
    const { code, out } = await runCli(['replay', '--from', DEMO_PACK, '--to', next, 'hose.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('- `DEMO-003-H1` 等级升高 level up: 简易 simple');
    expect(out).toContain('| 等级升高 level up | 1 |');
    const json = await runCli(['replay', '--from', DEMO_PACK, '--to', next, 'hose.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.out).summary).toMatchObject({ inspections: 1, changed: 1, level_up: 1 });
  });

  it('a pack that does not load in one version: exit 1 with its located errors', async () => {
    const next = copyDemoPack();
    const file = join(next, 'sections', 'equipment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: simple', 'level: trivial'));
    const dir = tempDir();
    writeFiles(dir, { 'hose.yaml': HOSE });
    const { code, out } = await runCli(['replay', '--from', DEMO_PACK, '--to', next, 'hose.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/equipment\.yaml:\d+:\d+ {2}error /);
  });

  it('needs --from and --to (usage error, exit 2)', async () => {
    const { code, err } = await runCli(['replay', '--to', DEMO_PACK, 'x.yaml']);
    expect(code).toBe(2);
    expect(err).toContain('give both --from <old packs> and --to <new packs>');
  });
});
