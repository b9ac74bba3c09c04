import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, tempDir } from './fixtures.js';
import { runCli } from './run-cli.js';

type Validate = ((value: unknown) => boolean) & { errors?: unknown };
const requireFromCore = createRequire(join(REPO, 'packages', 'core', 'package.json'));
const Ajv2020 = requireFromCore('ajv/dist/2020').default as new (o: object) => { compile(s: object): Validate };

describe('the inspection contract from the CLI', () => {
  it('anjian new inspection writes a skeleton that classify reads: only required answers missing, each located', async () => {
    const dir = tempDir();
    const made = await runCli(['new', 'inspection', join(REPO, 'checklists/gas'), '--premises', 'restaurant', '--output', 'new.yaml', '--inspected-at', '2026-11-20T10:00:00+08:00'], { cwd: dir });
    expect(made.code).toBe(0);
    const text = readFileSync(join(dir, 'new.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({ pack: 'gas', premises: 'restaurant', inspectedAt: '2026-11-20T10:00:00+08:00' });
    const classified = await runCli(['classify', '--pack', join(REPO, 'checklists/gas'), 'new.yaml', '--format', 'json'], { cwd: dir });
    expect(classified.code).toBe(1);
    const codes = new Set(
      JSON.parse(classified.out)
        .issues.filter((i: { severity: string }) => i.severity === 'error')
        .map((i: { code: string }) => i.code),
    );
    expect([...codes]).toEqual(['REQUIRED_MISSING']);
    const again = await runCli(['new', 'inspection', join(REPO, 'checklists/gas'), '--premises', 'restaurant', '--output', 'new.yaml'], { cwd: dir });
    expect(again.code).toBe(2); // never overwrites
  });

  it('anjian new inspection with an unknown premises kind is a usage error naming the kinds', async () => {
    const { code, err } = await runCli(['new', 'inspection', 'checklists/gas', '--premises', 'moon']);
    expect(code).toBe(2);
    expect(err).toContain('pack gas has no premises kind "moon" (one of: ');
  });

  it('anjian schema --inspection prints a schema the example inspections match and a misspelt fact fails', async () => {
    const { code, out } = await runCli(['schema', '--inspection', 'checklists/gas']);
    expect(code).toBe(0);
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(out) as object);
    const lpg = parse(readFileSync(join(REPO, 'examples/inspections/gas-basement-hotpot-lpg.yaml'), 'utf8')) as { findings: Record<string, unknown> };
    expect(validate(lpg), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...lpg, findings: { ...lpg.findings, gas_sorce: 'lpg' } })).toBe(false);
  });

  it('anjian facts lists type, unit, options and when each fact is asked', async () => {
    const { code, out } = await runCli(['facts', 'examples/packs/demo-kitchen', '--premises', 'restaurant']);
    expect(code).toBe(0);
    expect(out).toContain('  alarm_working  The alarm works\n      boolean · required · asked when alarm_installed = true');
    expect(out).toContain('  hose_length_m  Length of the connecting hose\n      number · m · 0–50 · required · always asked');
    const json = JSON.parse((await runCli(['facts', 'checklists/fire', '--format', 'json'])).out);
    expect(json.pack.id).toBe('fire');
    expect(json.facts.length).toBeGreaterThan(50);
  });
});
