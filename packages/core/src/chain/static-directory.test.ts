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

// A developer embedding anjian wrote roles: ['admin'] (the role is department_admin) and an enterprise
// without area: the user silently became an outsider (GET /hazards 200, empty) and the enterprise's
// hazards belonged nowhere. Both are refused where they are declared, naming the id, the value and what to pass.
describe('createStaticDirectory refuses a profile or enterprise the chain would read as nothing', () => {
  it('an unknown role, with the accepted roles and a guess', () => {
    const admin = () => createStaticDirectory([{ id: 'boss', roles: ['admin' as never] }]);
    expect(admin).toThrow(TypeError);
    expect(admin).toThrow(
      'createStaticDirectory: profile "boss" (profiles[0]) has role "admin" (roles[0]), which is not a role — did you mean "department_admin"? Accepted roles: enterprise, grid, enforcement, department_admin, system / 用户 "boss"（profiles[0]）的角色 "admin"（roles[0]）不是已知角色——是不是“department_admin”？可用角色：enterprise, grid, enforcement, department_admin, system',
    );
    expect(() => createStaticDirectory([{ id: 'g', roles: ['gird' as never] }])).toThrow('did you mean "grid"?');
    expect(() => createStaticDirectory([{ id: 'x', roles: ['grid', 'inspector' as never] }])).toThrow(/role "inspector" \(roles\[1\]\), which is not a role. Accepted roles: enterprise/);
  });

  it('roles that are not a list, scopes that are not lists of texts', () => {
    expect(() => createStaticDirectory([{ id: 'p' } as never])).toThrow(
      'createStaticDirectory: profile "p" (profiles[0]) has roles undefined: pass a list of roles (enterprise, grid, enforcement, department_admin, system; [] for none)',
    );
    expect(() => createStaticDirectory([{ id: 'p', roles: 'grid' as never }])).toThrow('has roles "grid"');
    expect(() => createStaticDirectory([{ id: 'p', roles: ['grid'], gridAreas: 'D1' as never }])).toThrow('profile "p" (profiles[0]) has gridAreas "D1": pass a list of non-empty texts');
    expect(() => createStaticDirectory([{ id: 'p', roles: ['enterprise'], enterpriseIds: [1 as never] }])).toThrow('has enterpriseIds a list');
    expect(() => createStaticDirectory([{ roles: ['grid'] } as never])).toThrow('createStaticDirectory: profile (profiles[0]) has id undefined');
  });

  it('an enterprise without an area', () => {
    const noArea = () => createStaticDirectory([], [{ id: 'E1', name: '甲' } as never]);
    expect(noArea).toThrow(TypeError);
    expect(noArea).toThrow(
      'createStaticDirectory: enterprise "E1" (enterprises[0]) has area undefined: give the registered area code (area: \'D1/G7\'), where its hazards belong and who may read them is decided / 企业 "E1"（enterprises[0]）的 area 为 undefined：请填写登记的区域代码（area: \'D1/G7\'），隐患归属于该区域，谁可读也由此决定',
    );
    expect(() => createStaticDirectory([], [{ id: 'E1', name: '甲', area: '' }])).toThrow('has area ""');
  });

  it('the setters refuse the same, and keep the entry as it was', async () => {
    const directory = createStaticDirectory([{ id: 'boss', roles: ['department_admin'] }], [{ id: 'E1', name: '甲', area: 'D1' }]);
    expect(() => directory.set({ id: 'boss', roles: ['admin' as never] })).toThrow('profile "boss" (set(profile)) has role "admin"');
    expect(() => directory.setEnterprise({ id: 'E1', name: '甲' } as never)).toThrow('enterprise "E1" (setEnterprise(enterprise)) has area undefined');
    expect(await directory.resolve('boss')).toEqual({ id: 'boss', roles: ['department_admin'] });
    expect(await directory.enterprise('E1')).toEqual({ id: 'E1', name: '甲', area: 'D1' });
  });
});
