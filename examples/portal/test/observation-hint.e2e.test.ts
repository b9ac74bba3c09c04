/**
 * End-to-end: the level hint of a manual observation (现场发现, report_observation) — provisional
 * because no checklist judged it — says so and who confirms it, where the hazard card told
 * everyone "its basis is superseded or unverified" though an observation has no basis at all.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, png, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

describe('the level hint of a manual observation', () => {
  it('names it an observation outside the checklists that an officer confirms, not a superseded basis', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await grid.selectOption('#obs-enterprise', 'ent-anping');
    await grid.selectOption('#obs-domain', 'fire');
    await grid.selectOption('#obs-level', 'general');
    await grid.fill('#obs-title', `厨房灭火毯缺失 ${randomUUID().slice(0, 6)}`);
    await grid.setInputFiles('#obs-photos', [png('kitchen')]);
    await grid.click('#submit-observation');
    await grid.waitForSelector('#app[data-page="hazard"] #hazard-state');
    const hint = grid.locator('#hazard-state #provisional-hint');
    expect(await hint.getAttribute('data-manual')).toBe('true');
    expect(await hint.textContent()).toBe('现场发现的隐患，不在检查表内：等级须执法人员确认');
    await grid.click('#lang-switch');
    await grid.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'hazard');
    expect(await grid.locator('#hazard-state #provisional-hint').textContent()).toBe('an observation outside the checklists: an officer must confirm the level');
    await grid.context().close();

    // A checklist hazard whose basis is unverified keeps its own hint (the seed's broken alarm of 绿园餐厅).
    const list = (await (await portal.fetchAs('grid-wang', '/worklist?queue=all&size=100')).json()) as { items: Array<{ hazardId: string; enterpriseId: string }> };
    const alarm = list.items.find((r) => r.enterpriseId === 'ent-lvyuan');
    const other = await portal.signIn('grid-wang', 'grid');
    await goTo(other, `hazard/${alarm!.hazardId}`);
    expect(await other.locator('#hazard-state #provisional-hint').getAttribute('data-manual')).toBe('false');
    expect(await other.locator('#hazard-state #provisional-hint').textContent()).toBe('等级依据已废止或未核实，或等级须由人确定（如重大火灾隐患须集体讨论），须执法人员确认');
    await other.context().close();
  });
});
