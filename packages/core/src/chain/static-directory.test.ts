import { describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '../ports/directory.js';
import { listEnterprisesOf, type EnterpriseListQuery } from '../ports/enterprise-list.js';
import { runEnterpriseListConformance } from '../testing/enterprise-list-conformance.js';
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

// The static directory is a full directory: it lists as listEnterprisesOf defines (the same suite a
// database's directory passes), from the table enterprise(id) answers — never a second list.
runEnterpriseListConformance({ name: 'createStaticDirectory', describe, it, expect, create: (register) => createStaticDirectory([], register) });

describe('createStaticDirectory lists what it resolves', () => {
  const register: EnterpriseRecord[] = [
    { id: 'E3', name: '如意宾馆', area: 'D1/G2' },
    { id: 'E1', name: '老王饭店', area: 'D1/G1', address: '幸福路 1 号' },
    { id: 'E10', name: '十号饭店', area: 'D10' },
  ];

  it('an enterprise set later is listed and in the register as enterprise(id) answers it; a changed one is listed changed', async () => {
    const directory = createStaticDirectory([], register);
    expect((await directory.listEnterprises({ areas: ['D1'], limit: 10 })).map((e) => e.id)).toEqual(['E1', 'E3']);
    directory.setEnterprise({ id: 'E2', name: '红星厂房', area: 'D1' });
    directory.setEnterprise({ id: 'E3', name: '如意宾馆', area: 'D10/G1' });
    expect((await directory.listEnterprises({ areas: ['D1'], limit: 10 })).map((e) => e.id)).toEqual(['E1', 'E2']);
    expect(await directory.listEnterprises({ after: 'E10', limit: 10 })).toEqual([await directory.enterprise('E2'), await directory.enterprise('E3')]);
    expect(directory.register()).toEqual(await directory.listEnterprises({ limit: 10 }));
    expect(directory.register().map((e) => e.id)).toEqual(['E1', 'E10', 'E2', 'E3']);
  });

  it('answers copies: changing a listed record or the register changes nothing in the directory', async () => {
    const directory = createStaticDirectory([], register);
    const [first] = await directory.listEnterprises({ limit: 1 });
    first!.area = 'D9';
    directory.register()[0]!.name = '改名';
    expect(await directory.listEnterprises({ limit: 1 })).toEqual([{ id: 'E1', name: '老王饭店', area: 'D1/G1', address: '幸福路 1 号' }]);
    expect(await directory.listEnterprises({ areas: ['D9'], limit: 10 })).toEqual([]);
  });

  it('refuses a query the port does not define, in both languages, instead of answering a wider list', async () => {
    const directory = createStaticDirectory([], register);
    const bad: Array<[unknown, ErrorConstructor, string]> = [
      [{ limit: 0 }, RangeError, 'limit must be an integer from 1, not 0 / limit 须为不小于 1 的整数'],
      [{ limit: 2.5 }, RangeError, 'not 2.5'],
      [{ limit: Number.NaN }, RangeError, 'not NaN'],
      [{ areas: ['D1'] }, RangeError, 'not undefined'],
      [{ area: 'D1', limit: 10 }, TypeError, 'the query has no field "area" (its fields: areas, q, after, limit) / 查询没有字段 "area"'],
      [{ domain: 'gas', limit: 10 }, TypeError, 'no field "domain"'],
      [{ areas: 'D1', limit: 10 }, TypeError, 'areas must be a list of area codes / areas 须为区域代码的列表'],
      [{ areas: [1], limit: 10 }, TypeError, 'areas must be a list'],
      [{ q: 5, limit: 10 }, TypeError, 'q must be a text / q 须为文本'],
      [{ after: null, limit: 10 }, TypeError, 'after must be a text'],
      [null, TypeError, 'the query must be an object'],
    ];
    for (const [query, type, message] of bad) {
      await expect(directory.listEnterprises(query as EnterpriseListQuery), JSON.stringify(query)).rejects.toThrow(type);
      await expect(directory.listEnterprises(query as EnterpriseListQuery), JSON.stringify(query)).rejects.toThrow(message);
      // The one definition refuses the same queries alike.
      expect(() => listEnterprisesOf(register, query as EnterpriseListQuery), JSON.stringify(query)).toThrow(message);
    }
    // A field given as undefined is a field omitted.
    expect((await directory.listEnterprises({ areas: undefined, q: undefined, after: undefined, limit: 2 })).map((e) => e.id)).toEqual(['E1', 'E10']);
  });
});
