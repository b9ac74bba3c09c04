/**
 * End-to-end: every pack the portal serves × every premises kind, filled in Chromium through
 * the self-inspection form as an enterprise would (one browser, one page, signed in by the
 * harness). The form offers the enterprise's places in the directory; this portal's
 * directory gives 绿园餐厅 one place of each premises kind of the packs (ANJIAN_DEMO_PREMISES),
 * and choosing it shows that kind's questions — the kind derived from the place, never chosen.
 * The compliant answers of the pack's own scenarios (./pack-form-cases.ts) give no hazard; one
 * changed answer gives the hazards core expects; the very answers the browser sent (with the
 * place, without a kind), classified by POST /api/inspections at that kind, give the same.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packFormCases } from './pack-form-cases.js';
import { answer, fillForm, submit } from './pack-form-fill.js';
import { startPortal, type PortalHarness } from './portal-harness.js';

const cases = await packFormCases();
const kinds = [...new Set(cases.map((c) => c.premises))].sort();
const placeOf = (kind: string) => `p-kind-${kind.replace(/_/g, '-')}`;
let portal: PortalHarness;
let page: Page;
/** The premises file the portal reads at start (one place per premises kind); removed when the file ends. */
const file = join(tmpdir(), `anjian-pack-form-places-${process.pid}.json`);

beforeAll(async () => {
  writeFileSync(
    file,
    JSON.stringify({
      premises: kinds.map((k) => ({ id: placeOf(k), enterpriseId: 'ent-lvyuan', address: `D1区测试路 ${k}`, area: 'D1/G1', kinds: [k], nineSmall: false, labourIntensive: false, groupRental: false })),
      tenancies: [],
    }),
  );
  portal = await startPortal({ env: { ANJIAN_DEMO_PREMISES: file } });
  page = await portal.signIn('owner-lvyuan', 'enterprise');
});

afterAll(async () => {
  await portal?.stop();
  rmSync(file, { force: true });
});

async function overHttp(sent: Record<string, any>, premises: string): Promise<string[]> {
  const { subject: _, ...inspection } = sent;
  const res = await portal.api('owner-lvyuan', 'POST', '/inspections', { ...inspection, premises });
  expect(res.status).toBe(200);
  return (res.body.classification?.hazards ?? res.body.hazards).map((h: { rule: string }) => h.rule);
}

describe('every pack × every premises kind can be filled in', () => {
  it.each(cases.map((c) => [`${c.pack.id} / ${c.premises}`, c] as const))('%s', async (_, case_) => {
    await fillForm(page, case_, placeOf(case_.premises));
    expect(Number(await page.getAttribute('#facts', 'data-asked'))).toBeGreaterThan(0);
    const compliant = await submit(page);
    expect(compliant.rules).toEqual([]);
    // the place, not the kind: the server derives the kind from the directory
    expect(compliant.sent.subject.premisesId).toBe(placeOf(case_.premises));
    expect(compliant.sent).not.toHaveProperty('premises');
    expect(await overHttp(compliant.sent, case_.premises)).toEqual([]);

    await answer(page, case_, case_.change.fact, case_.change.value);
    const changed = await submit(page);
    expect([...changed.rules].sort()).toEqual([...case_.change.rules].sort());
    expect(await overHttp(changed.sent, case_.premises)).toEqual(changed.rules);
  });

  it('with the inspection time cleared, asks what the server asks at its own now: a required question tied to the time stays shown and answered', async () => {
    // chemicals at a chemical user: dual_prevention is asked from the hazardous-chemicals law's entry into force on
    const case_ = cases.find((c) => c.pack.id === 'chemicals' && c.premises === 'chemical_user')!;
    await fillForm(page, case_, placeOf(case_.premises));
    await page.fill('#f-inspectedAt', '');
    await page.dispatchEvent('#f-inspectedAt', 'change');
    expect(await page.isVisible('[data-field="dual_prevention"]')).toBe(true);
    if (!(await page.inputValue('[data-field="dual_prevention"] [data-fact]'))) await answer(page, case_, 'dual_prevention', true);
    // the server judges it at its now (no inspectedAt sent) and finds nothing missing
    const sent = await submit(page);
    expect(sent.sent).not.toHaveProperty('inspectedAt');
    expect(sent.sent.findings).toHaveProperty('dual_prevention');
    expect(sent.rules).toEqual([]);
  });
});
