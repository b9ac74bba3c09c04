/**
 * End-to-end: an enterprise with several places reports where its inspection took place.
 * 红星 holds two places of different kinds in the demo directory (p-hongxing-1: canteen and
 * factory; p-hongxing-2: group-rental building, crowded place and hotel). The form offers
 * exactly those places (names in Chinese or English), a chosen place shows the questions of
 * its premises kind for every pack — the kind derived from the directory, never chosen — and
 * the request carries the place, not the kind. Over HTTP, a place that is not the
 * enterprise's, a kind the place is not, and a checklist that asks nothing at the place are
 * refused where they are (422, both languages), and nothing is written.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formModel } from '@anjian/core';
import { packFormCases } from './pack-form-cases.js';
import { answer, fillForm, submit } from './pack-form-fill.js';
import { startPortal, type PortalHarness } from './portal-harness.js';

const cases = await packFormCases();
const packs = [...new Map(cases.map((c) => [c.pack.id, c.pack])).values()];
const PLACES = { 'p-hongxing-1': ['canteen', 'factory_warehouse'], 'p-hongxing-2': ['crowded_place', 'hotel'] } as const;
let portal: PortalHarness;
let owner: Page;

beforeAll(async () => {
  // A generated city beside the demo (districts C1…): registered enterprises of grids none of the demo's inspectors covers.
  portal = await startPortal({ env: { ANJIAN_DEMO_CITY: '4' } });
  owner = await portal.signIn('owner-hongxing', 'enterprise');
});

afterAll(async () => {
  await portal?.stop();
});

async function openPack(page: Page, packId: string): Promise<void> {
  await page.selectOption('#pack-select', '');
  await page.selectOption('#pack-select', packId);
  await page.waitForSelector(`#facts[data-pack="${packId}"] #f-place`);
}

const placeOptions = (page: Page) => page.$$eval('#f-place option[value]:not([value=""])', (os) => os.map((o) => [o.getAttribute('value'), o.textContent?.trim()]));

describe('the inspection form at an enterprise with two places', () => {
  it('offers exactly the directory’s places of the enterprise, in Chinese and in English', async () => {
    await openPack(owner, 'gas');
    expect(await placeOptions(owner)).toEqual([
      ['p-hongxing-1', '红星厂区 食堂'],
      ['p-hongxing-2', '红星3号楼（群租）'],
    ]);
    const english = await portal.signIn('owner-hongxing', 'enterprise', 'en');
    await english.click('#lang-switch');
    await english.waitForSelector('#app[data-page="enterprise"]');
    await openPack(english, 'gas');
    expect(await placeOptions(english)).toEqual([
      ['p-hongxing-1', 'Hongxing works, canteen'],
      ['p-hongxing-2', 'Hongxing building 3 (group rental)'],
    ]);
    await english.context().close();
  });

  it('offers the places of the enterprise chosen: a grid inspector switching enterprises sees the other’s places', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await grid.selectOption('#enterprise-select', 'ent-lvyuan');
    await openPack(grid, 'gas');
    expect((await placeOptions(grid)).map(([id]) => id)).toEqual(['p-lvyuan-1', 'p-lvyuan-2']);
    await grid.selectOption('#enterprise-select', 'ent-hongxing');
    await grid.waitForSelector('#facts[data-enterprise="ent-hongxing"] #f-place');
    expect((await placeOptions(grid)).map(([id]) => id)).toEqual(['p-hongxing-1', 'p-hongxing-2']);
    await grid.selectOption('#enterprise-select', 'ent-anping');
    await grid.waitForSelector('#facts[data-enterprise="ent-anping"] #f-place');
    expect((await placeOptions(grid)).map(([id]) => id)).toEqual(['p-lvyuan-2']); // the tenant's one place, rented
    await grid.context().close();
  });

  it('offers the grid inspector and the officer the registered enterprises they read, from the API (东方化工仓储 too), and no other grid’s', async () => {
    const options = (page: Page, select: string) => page.$$eval(`${select} option`, (os) => os.map((o) => [o.getAttribute('value'), o.textContent?.trim()]));
    for (const [user, home] of [
      ['grid-wang', 'grid'],
      ['officer-li', 'enforcement'],
    ] as const) {
      const page = await portal.signIn(user, home);
      // The choice is the API's directory listing (GET /api/enterprises: the server's read policy, ordered by id), not a
      // list of the portal's: the forms offer exactly what it answers (the first screen carries that answer in its bootstrap).
      await page.waitForSelector('#enterprise-select option[value="ent-lvyuan"]', { state: 'attached' });
      const listed = await page.evaluate(async () => ((await (await fetch('/api/enterprises?limit=500')).json()) as { items: Array<{ id: string }> }).items.map((e) => e.id));
      expect(listed).toContain('ent-dongfang');
      for (const select of ['#enterprise-select', '#obs-enterprise']) {
        const offered = await options(page, select);
        // 东方化工仓储 (D1/G1) is registered outside the demo's four: named as the directory registers it.
        expect(offered, `${user} ${select}`).toContainEqual(['ent-dongfang', '东方化工仓储（D1/G1）']);
        expect(
          offered.map(([id]) => id).filter((id) => id?.startsWith('city-')),
          `${user} ${select}`,
        ).toEqual([]); // the city's grids are not theirs
        expect(offered.map(([id]) => id)).toEqual(listed);
      }
      await page.context().close();
    }
  });

  it('shows, for every pack, the questions of each place’s own kind — the kind shown, not chosen', async () => {
    const shown: string[] = [];
    for (const pack of packs) {
      for (const [placeId, placeKinds] of Object.entries(PLACES)) {
        const kinds = placeKinds.filter((k) => pack.premises.some((p) => p.id === k));
        await openPack(owner, pack.id);
        await owner.selectOption('#f-place', placeId);
        if (kinds.length === 1) {
          const kind = kinds[0]!;
          await owner.waitForSelector(`#facts[data-premises="${kind}"]`);
          expect(await owner.isDisabled('#f-premises')).toBe(true);
          const visible = await owner.$$eval('#facts .field:not([hidden])', (els) => els.map((e) => (e as HTMLElement).dataset.field!));
          const asked = formModel(pack, { premises: kind })
            .questions.filter((q) => q.asked)
            .map((q) => q.id);
          expect(asked.length, `${pack.id} at ${kind}`).toBeGreaterThan(0);
          expect(visible.filter((f) => f !== 'premisesId' && f !== 'premises' && f !== 'inspectedAt').sort(), `${pack.id} at ${placeId}`).toEqual([...asked].sort());
          shown.push(`${pack.id}:${kind}`);
        } else {
          // the pack has no kind of this place: said at the place, nothing scoped is asked
          expect(kinds, `${pack.id} at ${placeId}`).toEqual([]);
          expect(((await owner.textContent('#e-premises')) ?? '').trim(), `${pack.id} at ${placeId}`).not.toBe('');
          // and the form does not send what the server refuses there (PACK_NOT_AT_PREMISES)
          await owner.click('#submit-check');
          await owner.waitForSelector('[data-field="premisesId"].invalid');
          expect(await owner.$('#check-result #found-hazards, #check-result #no-hazards')).toBeNull();
        }
      }
    }
    // the two places are of different kinds for both packs a canteen and a hotel are inspected with
    expect(shown).toEqual(expect.arrayContaining(['gas:canteen', 'gas:hotel', 'fire:factory_warehouse', 'fire:crowded_place', 'demo-kitchen:canteen']));
  });

  it('reports at the chosen place: the request names the place, the server classifies at the place’s kind', async () => {
    for (const [placeId, kind] of [
      ['p-hongxing-1', 'canteen'],
      ['p-hongxing-2', 'hotel'],
    ] as const) {
      const case_ = cases.find((c) => c.pack.id === 'gas' && c.premises === kind)!;
      await fillForm(owner, case_, placeId);
      const compliant = await submit(owner);
      expect(compliant.rules).toEqual([]);
      expect(compliant.sent.subject.premisesId).toBe(placeId);
      expect(compliant.sent).not.toHaveProperty('premises');
      await answer(owner, case_, case_.change.fact, case_.change.value);
      const changed = await submit(owner);
      expect([...changed.rules].sort()).toEqual([...case_.change.rules].sort());
    }
  });
});

describe('a report at a place over HTTP', () => {
  const gas = () => cases.find((c) => c.pack.id === 'gas' && c.premises === 'canteen')!;
  const hazardCount = async (user: string) => (await portal.api(user, 'GET', '/hazards?limit=200')).body.items.length as number;
  const issuesOf = (res: { body: any }) => (res.body.issues ?? []).map((i: { code: string; pointer: string }) => `${i.code} ${i.pointer}`);

  it('refuses another enterprise’s place, located and in both languages, and writes nothing', async () => {
    const before = await hazardCount('admin-chen');
    for (const [user, premisesId] of [
      ['owner-hongxing', 'p-lvyuan-1'],
      ['grid-wang', 'p-lvyuan-2'],
    ] as const) {
      const res = await portal.api(
        user,
        'POST',
        '/inspections?report=true',
        { pack: 'gas', findings: { ...gas().compliant.findings, [gas().change.fact]: gas().change.value }, subject: { enterpriseId: 'ent-hongxing', premisesId } },
        `attack-${user}`,
      );
      expect(res.status).toBe(422);
      expect(issuesOf(res)).toEqual(['NOT_AT_PREMISES /subject/premisesId']);
      expect(res.body.issues[0].message['zh-CN']).toContain(premisesId);
      expect(res.body.issues[0].message.en).toContain(premisesId);
    }
    expect(await hazardCount('admin-chen')).toBe(before);
  });

  it('refuses a kind the place is not, and a checklist that asks nothing at the place', async () => {
    const findings = gas().compliant.findings;
    const claimed = await portal.api(
      'owner-hongxing',
      'POST',
      '/inspections?report=true',
      { pack: 'gas', premises: 'hotel', findings, subject: { enterpriseId: 'ent-hongxing', premisesId: 'p-hongxing-1' } },
      'kind-claimed',
    );
    expect(claimed.status).toBe(422);
    expect(issuesOf(claimed)).toEqual(['PREMISES_KIND_MISMATCH /premises']);
    const kitchen = cases.find((c) => c.pack.id === 'demo-kitchen')!;
    const nothingThere = await portal.api(
      'owner-hongxing',
      'POST',
      '/inspections?report=true',
      { pack: 'demo-kitchen', findings: kitchen.compliant.findings, subject: { enterpriseId: 'ent-hongxing', premisesId: 'p-hongxing-2' } },
      'kitchen-there',
    );
    expect(nothingThere.status).toBe(422);
    expect(issuesOf(nothingThere)).toEqual(['PACK_NOT_AT_PREMISES /subject/premisesId']);
  });

  it('lists an enterprise’s places only to who inspects it', async () => {
    expect((await portal.fetchAs('owner-hongxing', '/places?enterprise=ent-lvyuan')).status).toBe(403);
    const grid = await portal.fetchAs('grid-wang', '/places?enterprise=ent-lvyuan');
    expect(grid.status).toBe(200);
    expect(((await grid.json()) as { places: Array<{ id: string }> }).places.map((p) => p.id)).toEqual(['p-lvyuan-1', 'p-lvyuan-2']);
  });
});
