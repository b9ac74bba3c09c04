import { describe, expect, it } from 'vitest';
import { createStaticDirectory } from './static-directory.js';

// A host declares its actors and enterprises as data (often read from its own configuration).
// An id listed twice kept the last entry without a word: an enterprise user listed again as a
// grid inspector became a grid inspector, and the first declaration was simply gone.
describe('createStaticDirectory refuses an id listed twice', () => {
  it('a profile id', () => {
    const twice = () =>
      createStaticDirectory([
        { id: 'owner-1', roles: ['enterprise'], enterpriseIds: ['E1'] },
        { id: 'grid-1', roles: ['grid'], gridAreas: ['D1'] },
        { id: 'owner-1', roles: ['grid'], gridAreas: ['D1'] },
      ]);
    expect(twice).toThrow(TypeError);
    expect(twice).toThrow('createStaticDirectory: profile "owner-1" is listed twice (profiles[0] and profiles[2]) / 用户 "owner-1" 重复出现（profiles[0] 与 profiles[2]）');
  });

  it('an enterprise id', () => {
    const twice = () =>
      createStaticDirectory(
        [],
        [
          { id: 'E1', name: '甲', area: 'D1' },
          { id: 'E1', name: '乙', area: 'D2' },
        ],
      );
    expect(twice).toThrow('createStaticDirectory: enterprise "E1" is listed twice (enterprises[0] and enterprises[1]) / 企业 "E1" 重复出现（enterprises[0] 与 enterprises[1]）');
  });

  it('distinct ids are kept as given; set() still replaces an entry (a revoked role)', async () => {
    const directory = createStaticDirectory([{ id: 'grid-1', roles: ['grid'], gridAreas: ['D1'] }], [{ id: 'E1', name: '甲', area: 'D1' }]);
    expect(await directory.resolve('grid-1')).toEqual({ id: 'grid-1', roles: ['grid'], gridAreas: ['D1'] });
    directory.set({ id: 'grid-1', roles: [] });
    expect(await directory.resolve('grid-1')).toEqual({ id: 'grid-1', roles: [] });
    expect(await directory.enterprise('E1')).toEqual({ id: 'E1', name: '甲', area: 'D1' });
  });
});
