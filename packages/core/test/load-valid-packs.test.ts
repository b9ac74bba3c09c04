import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPack, loadPackOrThrow, PackLoadError } from '../src/pack/index.js';
import { findPackDirs, loadPackFromPath } from '../src/node/index.js';

const demoDir = fileURLToPath(new URL('../../../examples/packs/demo-kitchen/', import.meta.url));
const demoFiles = {
  'pack.yaml': readFileSync(demoDir + 'pack.yaml', 'utf8'),
  'sections/equipment.yaml': readFileSync(demoDir + 'sections/equipment.yaml', 'utf8'),
};

describe('valid packs', () => {
  it('loads demo-kitchen from strings with no errors, merged and with defaults', () => {
    const result = loadPack({ files: demoFiles });
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const { pack } = result;
    expect(pack.id).toBe('demo-kitchen');
    expect(pack.facts.map((f) => f.id)).toEqual(['gas_type', 'below_ground', 'alarm_installed', 'alarm_working', 'hose_length_m', 'cylinders_on_site']);
    expect(pack.sections.map((s) => s.id)).toEqual(['lpg', 'alarm']);
    expect(pack.facts.find((f) => f.id === 'cylinders_on_site')?.required).toBe(false);
    expect(pack.sections[0]?.items[0]?.hazards[0]?.party).toBe('user');
    expect(Object.keys(pack.conditions)).toEqual(['uses_lpg']);
    expect(Object.getPrototypeOf(pack.conditions)).toBe(Object.prototype);
    expect('include' in pack).toBe(false);
    expect(Object.isFrozen(pack)).toBe(true);
    expect(Object.isFrozen(pack.sections[0]?.items[0]?.hazards[0]?.when)).toBe(true);
    expect(JSON.parse(JSON.stringify(pack))).toEqual(pack);
    // The demo cites an unverified standard: CI sees it as warnings.
    expect(result.issues.some((i) => i.code === 'CITATION_UNVERIFIED' && i.severity === 'warning')).toBe(true);
    for (const i of result.issues) expect(i.line).toBeGreaterThan(0);
  });

  it('loads demo-kitchen from the file system with paths as given', async () => {
    const result = await loadPackFromPath('examples/packs/demo-kitchen');
    expect(result.ok).toBe(true);
    const files = new Set(result.issues.map((i) => i.file));
    expect(files).toEqual(new Set(['examples/packs/demo-kitchen/pack.yaml', 'examples/packs/demo-kitchen/sections/equipment.yaml']));
    const viaFile = await loadPackFromPath('examples/packs/demo-kitchen/pack.yaml');
    expect(viaFile.ok).toBe(true);
  });

  it('finds pack folders, skipping node_modules', async () => {
    const dirs = await findPackDirs(['examples']);
    expect(dirs).toContain('examples/packs/demo-kitchen');
    expect(dirs.every((d) => !d.includes('node_modules'))).toBe(true);
  });

  it('loadPackOrThrow returns the pack or throws PackLoadError with the issues', () => {
    expect(loadPackOrThrow({ files: demoFiles }).id).toBe('demo-kitchen');
    let caught: unknown;
    try {
      loadPackOrThrow({ files: { 'pack.yaml': 'format: anjian/pack@1\n' } });
    } catch (error) {
      caught = error;
    }
    expect(PackLoadError.is(caught)).toBe(true);
    expect((caught as PackLoadError).code).toBe('PACK_INVALID');
    expect((caught as PackLoadError).issues.length).toBeGreaterThan(0);
  });
});
