import { describe, expect, it } from 'vitest';
import { testPacks } from '../src/test-packs.js';
import { validatePacks } from '../src/validate-packs.js';
import { walkPackFolders } from '../src/walk-pack-folders.js';
import { MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';

// anjian validate and anjian test go through the same folders, in the same order, misnamed packs
// included: one walker (walkPackFolders), not two copies of its loop header that could drift.
describe('walkPackFolders', () => {
  const repo = (): string => {
    const dir = tempDir();
    writeFiles(dir, {
      'packs/zeta/pack.yaml': MINIMAL_PACK.replace('id: tiny', 'id: zeta'),
      'packs/alpha/pack.yaml': MINIMAL_PACK,
      'packs/fire/pack.yml': MINIMAL_PACK.replace('id: tiny', 'id: fire'),
    });
    return dir;
  };

  it('lists packs and misnamed folders sorted, with display paths; both commands report exactly these, in this order', async () => {
    const cwd = repo();
    const folders = await walkPackFolders(['packs'], { cwd, command: 'validate', misnamed: true });
    expect(folders.map((f) => [f.path, f.misnamed === undefined ? 'pack' : 'misnamed'])).toEqual([
      ['packs/alpha', 'pack'],
      ['packs/fire', 'misnamed'],
      ['packs/zeta', 'pack'],
    ]);
    const validated = await validatePacks(['packs'], { cwd });
    const tested = await testPacks(['packs'], { cwd });
    expect(validated.packs.map((p) => p.path)).toEqual(folders.map((f) => f.path));
    expect(tested.packs.map((p) => p.path)).toEqual(folders.map((f) => f.path));
  });

  it('without misnamed (test with an overlay) leaves the misnamed folder out; a missing path is a usage error naming the command', async () => {
    const cwd = repo();
    const folders = await walkPackFolders(['packs'], { cwd, command: 'test', misnamed: false });
    expect(folders.map((f) => f.path)).toEqual(['packs/alpha', 'packs/zeta']);
    await expect(walkPackFolders(['nope'], { cwd, command: 'test', misnamed: true })).rejects.toMatchObject({ name: 'UsageError', command: 'test' });
  });
});
