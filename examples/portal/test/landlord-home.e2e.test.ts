/**
 * A landlord reads its tenant's hazard at its premises without the tenant's penalty proceeding
 * (core's readAccess, hazardReadView): on the hazard page of a 如意宾馆 hazard at 红星's
 * premises with a case and a penalty notice, 红星 sees the hazard and no 立案审批表, no
 * 行政处罚告知书, no penalty section; 如意宾馆 sees them all; the tenant's file (档案) lists no
 * case or penalty document to 红星 either.
 *
 * A landlord's home page counts what it shows: 红星 reads its tenant 如意宾馆's hazards at the
 * premises it rents to it (core's read policy), so the 新上报 count of its queues includes them —
 * and the page says so in words and lists those rows under the tenant, beside its own.
 *
 * A landlord's rentals page and its dashboard name each tenant as the API's directory registers it
 * (the landlord view carries the name and address), a tenant of the generated city too — and no
 * tenant of another landlord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  // A small generated city beside the demo (districts C1 … C8): enterprises the API's directory registers, none of them the demo's.
  portal = await startPortal({ env: { ANJIAN_DEMO_CITY: '4' } });
});
afterAll(async () => {
  await portal?.stop();
});

describe('landlord home page', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`every new report the count names is a row of the page, a tenant's under the tenant (${locale})`, async () => {
      const fresh = await portal.fetchAs('owner-hongxing', '/worklist?queue=new&size=100');
      const items = ((await fresh.json()) as { items: unknown[] }).items as Array<{ hazardId: string; enterpriseId: string }>;
      const tenants = items.filter((r) => r.enterpriseId !== 'ent-hongxing');
      expect(tenants.length).toBeGreaterThan(0); // the seed gives 如意宾馆 new reports at 红星's premises
      const page = await portal.signIn('owner-hongxing', 'enterprise', locale);
      if (locale === 'en') {
        await page.click('#lang-switch'); // the portal opens in 中文; the switch redraws the page in English
        await page.waitForSelector('html[lang="en"] #app[data-page="enterprise"]');
      }
      const count = Number(await page.locator('#home-queues a[data-queue="new"] .count').textContent());
      expect(count).toBe(items.length);
      const own = await page.locator('#my-hazards tr[data-status="reported"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-hazard')));
      const theirs = await page.locator('#tenant-hazards tr[data-status="reported"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-hazard')));
      expect([...own, ...theirs].sort()).toEqual(items.map((r) => r.hazardId).sort());
      expect(theirs.sort()).toEqual(tenants.map((r) => r.hazardId).sort());
      const note = await page.locator('#counts-include-tenants').textContent();
      expect(note).toContain(locale === 'en' ? 'Ruyi Hotel' : '如意宾馆');
      expect(note).toContain(locale === 'en' ? 'tenants' : '承租方');
      await page.context().close();
    });
  }

  it('an enterprise without tenants gets no such note', async () => {
    const page = await portal.signIn('owner-ruyi', 'enterprise');
    expect(await page.locator('#counts-include-tenants').count()).toBe(0);
    expect(await page.locator('#tenant-hazards').count()).toBe(0);
    await page.context().close();
  });

  it("the tenant's case and penalty notice are not on the landlord's hazard page nor in the tenant's file; the tenant's page has them", async () => {
    const rows = (await portal.api('owner-hongxing', 'GET', '/hazards?enterprise=ent-ruyi')).body.items as Array<{ hazardId: string; status: string; premisesId?: string }>;
    const id = rows.find((r) => r.status === 'reported' && r.premisesId === 'p-hongxing-2')?.hazardId;
    expect(id, JSON.stringify(rows)).toBeDefined();
    let n = 0;
    const act = async (actor: string, body: Record<string, unknown>) => {
      const r = await portal.api(actor, 'POST', `/hazards/${encodeURIComponent(id!)}/commands`, body, `landlord-penalty-${++n}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    const state = (await portal.api('officer-li', 'GET', `/hazards/${encodeURIComponent(id!)}`)).body.state;
    if (state.provisional) await act('officer-li', { type: 'confirm_level', level: state.level, reason: { 'zh-CN': '现场核实' } });
    await act('officer-li', { type: 'file_case', coOfficerId: 'officer-zhao' });
    const notice = await act('officer-li', { type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 12_345 }, coOfficerId: 'officer-zhao' });
    expect(notice.documents.map((d: { kind: string; issued: boolean }) => [d.kind, d.issued])).toEqual([['penalty_notice', true]]);

    const open = async (user: string) => {
      const page = await portal.signIn(user, 'enterprise');
      await goTo(page, `hazard/${encodeURIComponent(id!)}?at=${Date.now()}`);
      await page.waitForSelector('#hazard-state');
      await page.waitForSelector('#documents-list, #documents-none');
      return page;
    };
    const tenant = await open('owner-ruyi');
    await tenant.waitForSelector('#documents-list li[data-doc-kind="penalty_notice"]');
    expect(await tenant.locator('#documents-list li[data-doc-kind="case_filing_approval"]').count()).toBe(1);
    expect(await tenant.locator('#penalty-status').count()).toBe(1);
    expect(await tenant.locator('#hazard-premises-view').count()).toBe(0);
    await tenant.context().close();

    const landlord = await open('owner-hongxing');
    expect(await landlord.locator('#documents-list li[data-doc-kind="penalty_notice"], #documents-list li[data-doc-kind="case_filing_approval"]').count()).toBe(0);
    expect(await landlord.locator('#penalty-status').count()).toBe(0);
    // the page says what it leaves out (the tenant's page does not)
    expect(await landlord.locator('#hazard-premises-view').count()).toBe(1);
    expect(await landlord.textContent('body')).not.toContain('12345');
    // The tenant's file, as the landlord reads it: the hazard is there, its case and penalty documents are not.
    await goTo(landlord, 'dossier/ent-ruyi');
    await landlord.waitForSelector(`#file-open tr[data-hazard="${id}"]`);
    const file = await landlord.textContent('#app');
    for (const word of ['行政处罚告知书', '立案审批表', '罚告']) expect(file).not.toContain(word);
    await landlord.context().close();
  });

  it('the rentals page and the dashboard name each tenant as the directory registers it, a city enterprise too, and no tenant of another landlord', async () => {
    // The admin records city-2 renting at 红星's p-hongxing-1 and city-3 at 绿园's p-lvyuan-1.
    for (const [premises, tenant] of [
      ['p-hongxing-1', 'city-2'],
      ['p-lvyuan-1', 'city-3'],
    ] as const) {
      const r = await portal.api('admin-chen', 'POST', `/premises/${premises}/tenancies`, { tenantEnterpriseId: tenant }, `landlord-names-${tenant}`);
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    }
    const registered = async (id: string) => (await portal.api('admin-chen', 'GET', `/enterprises/${id}/file`)).body.profile as { name: string; address?: string };
    const [city2, city3, ruyi] = await Promise.all([registered('city-2'), registered('city-3'), registered('ent-ruyi')]);
    const page = await portal.signIn('owner-hongxing', 'enterprise');
    await goTo(page, 'landlord/ent-hongxing');
    await page.waitForSelector('tr[data-tenant="city-2"]');
    expect(await page.textContent('tr[data-tenant="city-2"] td a')).toBe(city2.name);
    expect(await page.textContent('tr[data-tenant="ent-ruyi"] .tenant-address')).toBe(ruyi.address);
    // The tenant's open hazards in words, title and 隐患编号, each a link to its page (they were listed by id, hz-…).
    const ruyiOpen = (await portal.api('owner-hongxing', 'GET', '/landlords/ent-hongxing/rental-points')).body.premises
      .flatMap((l: any) => l.tenants)
      .find((x: any) => x.tenantEnterpriseId === 'ent-ruyi').openHazardIds as string[];
    expect(ruyiOpen.length).toBeGreaterThan(0);
    const shown = await page.$$eval('tr[data-tenant="ent-ruyi"] .tenant-hazards [data-hazard]', (ss) =>
      ss.map((s) => [s.getAttribute('data-hazard'), s.textContent ?? '', s.querySelector('a')?.getAttribute('href')]),
    );
    expect(shown.map(([id]) => id)).toEqual(ruyiOpen);
    for (const [id, words, href] of shown) {
      expect(words).toMatch(/^\S.* YH-\d{4}$/);
      expect(words).not.toContain('hz-');
      expect(href).toBe(`#/hazard/${encodeURIComponent(id!)}`);
    }
    const text = (await page.textContent('#app')) ?? '';
    expect(text).not.toContain(city3.name);
    expect(text).not.toContain('city-3');
    // The dashboard's line of what its counts include names the tenants by the same answer.
    await goTo(page, 'dashboard');
    const scope = (await page.textContent('#stats-scope')) ?? '';
    expect(scope).toContain(city2.name);
    expect(scope).not.toContain('city-2');
    expect(scope).not.toContain(city3.name);
    await page.context().close();
  });

  it('the start-tenancy choice offers the registered enterprises the staff member reads (the API’s listing): the admin the city’s too, the grid inspector none of them', async () => {
    const offered = async (user: string, home: string) => {
      const page = await portal.signIn(user, home);
      await goTo(page, 'landlord/ent-lvyuan');
      const select = 'form.start-tenancy[data-premises="p-lvyuan-2"] select';
      await page.waitForSelector(`${select} option`, { state: 'attached', timeout: 15_000 });
      const options = await page.$$eval(`${select} option`, (os) => os.map((o) => [o.getAttribute('value'), o.textContent?.trim()]));
      await page.context().close();
      return options;
    };
    const city1 = (await portal.api('admin-chen', 'GET', '/enterprises/city-1/file')).body.profile as { name: string };
    const admin = await offered('admin-chen', 'dashboard');
    expect(admin).toContainEqual(['city-1', city1.name]); // registered outside the demo's list, named as registered
    expect(admin).toContainEqual(['ent-dongfang', '东方化工仓储']);
    expect(admin.map(([id]) => id)).not.toContain('ent-lvyuan'); // not the landlord itself
    const grid = await offered('grid-wang', 'grid');
    expect(grid).toContainEqual(['ent-dongfang', '东方化工仓储']);
    expect(grid.map(([id]) => id).filter((id) => id?.startsWith('city-'))).toEqual([]); // the city's districts are not its grids
  });

  it('a round’s draw names the selected enterprises as the directory registers them, a city enterprise too', async () => {
    const profile = (await portal.api('admin-chen', 'GET', '/enterprises/city-1/file')).body.profile as { area: string };
    const district = profile.area.split('/')[0]!;
    const round = {
      id: 'city-round-1',
      kind: 'self_inspection',
      title: { 'zh-CN': '城区自查', en: 'City self-inspection' },
      packId: 'gas',
      scope: { area: district },
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    };
    const opened = await portal.api('admin-chen', 'POST', '/rounds', round, 'city-round-open');
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const drawn = await portal.api('admin-chen', 'POST', '/rounds/city-round-1/draws', { count: 1 }, 'city-round-draw');
    expect(drawn.status, JSON.stringify(drawn.body)).toBeLessThan(300);
    const page = await portal.signIn('admin-chen', 'dashboard');
    await goTo(page, 'round/city-round-1');
    await page.waitForSelector('.selected[data-selected]');
    const [selected] = ((await page.getAttribute('.selected', 'data-selected')) ?? '').split(' ');
    expect(selected).toMatch(/^city-/);
    const name = ((await portal.api('admin-chen', 'GET', `/enterprises/${selected}/file`)).body.profile as { name: string }).name;
    expect(await page.textContent('.selected')).toBe(name);
    await page.context().close();
  });

  it('the enterprise file names its tenants as the directory registers them, a city enterprise too', async () => {
    const r = await portal.api('admin-chen', 'POST', '/premises/p-hongxing-2/tenancies', { tenantEnterpriseId: 'city-4' }, 'file-names-city-4');
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    const name = ((await portal.api('admin-chen', 'GET', '/enterprises/city-4/file')).body.profile as { name: string }).name;
    const page = await portal.signIn('owner-hongxing', 'enterprise');
    await goTo(page, 'dossier/ent-hongxing');
    await page.waitForSelector('#file-tenants');
    const tenants = (await page.textContent('#file-tenants')) ?? '';
    expect(tenants).toContain(name);
    expect(tenants).not.toContain('city-4');
    await page.context().close();
  });
});
