import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '../ports/directory.js';
import { canonicalJson } from './canonical-json.js';
import { drawSpotCheck, SpotCheckDrawError } from './draw-spot-check.js';
import { sha256Hex } from './hash-event.js';

const ENTERPRISES: EnterpriseRecord[] = Array.from({ length: 40 }, (_, i) => ({ id: `E${String(i).padStart(2, '0')}`, name: `企业 ${i}`, area: i % 2 ? 'D1/G1' : i % 3 ? 'D1/G2' : 'D2/G1' }));

describe('drawSpotCheck (双随机)', () => {
  it('the same seed and register give the same list, whatever the register order', () => {
    const a = drawSpotCheck({ seed: 's-2026-12', count: 5, scope: { area: 'D1' }, enterprises: ENTERPRISES });
    const b = drawSpotCheck({ seed: 's-2026-12', count: 5, scope: { area: 'D1' }, enterprises: [...ENTERPRISES].reverse() });
    expect(b).toEqual(a);
    expect(a.selected).toHaveLength(5);
    expect(new Set(a.selected).size).toBe(5);
    for (const id of a.selected) expect(ENTERPRISES.find((e) => e.id === id)!.area.startsWith('D1/')).toBe(true);
  });

  it('a changed seed is visible: another digest and, here, another list', () => {
    const a = drawSpotCheck({ seed: 'seed-a', count: 5, scope: {}, enterprises: ENTERPRISES });
    const b = drawSpotCheck({ seed: 'seed-b', count: 5, scope: {}, enterprises: ENTERPRISES });
    expect(b.digest).not.toBe(a.digest);
    expect(b.selected).not.toEqual(a.selected);
  });

  it('can be re-drawn by hand from the recorded fields (sha256 of seed + "\\n" + id, lowest first)', () => {
    const draw = drawSpotCheck({ seed: '福彩3D 417', count: 3, scope: { area: 'D2' }, enterprises: ENTERPRISES });
    const population = ENTERPRISES.filter((e) => e.area.startsWith('D2/')).map((e) => e.id);
    const byHand = population.map((id) => [sha256Hex(`福彩3D 417\n${id}`), id] as const).sort();
    expect(draw.selected).toEqual(byHand.slice(0, 3).map(([, id]) => id));
    expect(draw.population).toBe(population.length);
    expect(draw.populationDigest).toBe(sha256Hex([...population].sort().join('\n')));
    const { digest, ...body } = draw;
    expect(digest).toBe(sha256Hex(canonicalJson(body)));
  });

  it('a register change moves no other rank: removing an unselected enterprise keeps the list', () => {
    const a = drawSpotCheck({ seed: 'x', count: 4, scope: {}, enterprises: ENTERPRISES });
    const removed = ENTERPRISES.find((e) => !a.selected.includes(e.id))!;
    const b = drawSpotCheck({ seed: 'x', count: 4, scope: {}, enterprises: ENTERPRISES.filter((e) => e !== removed) });
    expect(b.selected).toEqual(a.selected);
    expect(b.populationDigest).not.toBe(a.populationDigest);
  });

  it('selects min(count, population) distinct in-scope ids (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        fc.nat({ max: 50 }),
        fc.constantFrom(undefined, 'D1', 'D1/G1', 'D3'),
        (seed, count, area) => {
          const draw = drawSpotCheck({ seed, count, scope: area === undefined ? {} : { area }, enterprises: ENTERPRISES });
          const inScope = ENTERPRISES.filter((e) => area === undefined || e.area === area || e.area.startsWith(`${area}/`)).map((e) => e.id);
          expect(draw.selected).toHaveLength(Math.min(count, inScope.length));
          expect(new Set(draw.selected).size).toBe(draw.selected.length);
          for (const id of draw.selected) expect(inScope).toContain(id);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('fails closed on a blank seed, a bad count or a duplicate id, in both languages', () => {
    const bad = [
      { seed: ' ', count: 1 },
      { seed: 's', count: -1 },
      { seed: 's', count: 1.5 },
    ];
    for (const b of bad) expect(() => drawSpotCheck({ ...b, scope: {}, enterprises: ENTERPRISES })).toThrow(SpotCheckDrawError);
    try {
      drawSpotCheck({ seed: 's', count: 1, scope: {}, enterprises: [...ENTERPRISES, ENTERPRISES[0]!] });
      expect.unreachable();
    } catch (e) {
      expect((e as SpotCheckDrawError).localized).toEqual({ 'zh-CN': '企业 E00 在名录中重复', en: 'enterprise E00 is listed twice' });
    }
  });
});
