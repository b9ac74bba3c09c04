/**
 * End-to-end: every pack the portal serves × every premises kind, filled in Chromium through
 * the self-inspection form as an enterprise would (one browser, one page, signed in through
 * the login form). The compliant answers of the pack's own scenarios (./pack-form-cases.ts)
 * give no hazard; one changed answer gives the hazards core expects; the very inspection the
 * browser sent, posted to POST /api/inspections, gives the same hazards.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingValue } from '@anjian/core';
import { packFormCases, type PackFormCase } from './pack-form-cases.js';
import { png, startPortal, type PortalHarness } from './portal-harness.js';

const cases = await packFormCases();
let portal: PortalHarness;
let page: Page;

beforeAll(async () => {
  portal = await startPortal();
  page = await portal.signIn('owner-lvyuan', 'enterprise');
});

afterAll(async () => {
  await portal?.stop();
});

/** China time (UTC+8) of an instant, as a datetime-local input takes it. */
const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);

async function answer(case_: PackFormCase, fact: string, value: FindingValue): Promise<void> {
  const type = case_.pack.facts.find((f) => f.id === fact)!.type;
  const sel = `[data-field="${fact}"] [data-fact]`;
  switch (type) {
    case 'boolean':
      return void (await page.selectOption(sel, String(value)));
    case 'enum':
      return void (await page.selectOption(sel, String(value)));
    case 'multi': {
      const wanted = new Set(value as string[]);
      if (wanted.size === 0) return void (await page.check(`${sel} input[data-none]`));
      for (const box of await page.$$(`${sel} input[type="checkbox"]:not([data-none])`)) {
        if (wanted.has((await box.getAttribute('value')) ?? '') !== (await box.isChecked())) await box.click();
      }
      return;
    }
    case 'evidence': {
      await page.setInputFiles(
        sel,
        (value as string[]).map((_, i) => png(`${fact}-${i}`)),
      );
      await page.waitForSelector(`#h-${fact}:has-text("${(value as string[]).length}")`);
      return;
    }
    case 'datetime':
      return void (await page.fill(sel, local(String(value))));
    default:
      return void (await page.fill(sel, String(value)));
  }
}

/** Opens a fresh form of the case's pack, chooses its premises kind and answers in rounds (answers open questions). */
async function fillForm(case_: PackFormCase): Promise<void> {
  await page.selectOption('#pack-select', '');
  await page.selectOption('#pack-select', case_.pack.id);
  await page.waitForSelector(`#facts[data-pack="${case_.pack.id}"] #f-premises`);
  await page.selectOption('#f-premises', case_.premises);
  if (case_.compliant.inspectedAt) await page.fill('#f-inspectedAt', local(case_.compliant.inspectedAt));
  const left = new Map(Object.entries(case_.compliant.findings));
  while (left.size > 0) {
    const visible = new Set(await page.$$eval('#facts .field:not([hidden])', (els) => els.map((e) => (e as HTMLElement).dataset.field!)));
    const now = [...left.keys()].filter((k) => visible.has(k));
    if (now.length === 0) throw new Error(`${case_.pack.id}/${case_.premises}: the form never asks ${[...left.keys()].join(', ')}`);
    for (const fact of now) {
      await answer(case_, fact, left.get(fact)!);
      left.delete(fact);
    }
  }
}

/** Submits; returns the rule ids the page lists (none: `#no-hazards`) and the inspection the browser sent. */
async function submit(): Promise<{ rules: string[]; sent: unknown }> {
  let sent: unknown;
  const onRequest = (r: Request) => {
    if (r.method() === 'POST' && r.url().includes('/api/inspections')) sent = JSON.parse(r.postData()!);
  };
  page.on('request', onRequest);
  await page.click('#submit-check');
  const shown = await page.waitForSelector('#check-result :is(#no-hazards, #found-hazards, .message.error)');
  page.off('request', onRequest);
  const id = await shown.getAttribute('id');
  if (id !== 'no-hazards' && id !== 'found-hazards') {
    const marked = await page.$$eval('#facts .field.invalid, #form-errors li', (els) =>
      els.map((e) => `${(e as HTMLElement).dataset.field ?? ''} ${e.querySelector('.error')?.textContent ?? e.textContent}`),
    );
    throw new Error(`the form answered: ${await shown.textContent()} ${marked.join(' | ')}`);
  }
  const rules = await page.$$eval('#found-hazards tr.found', (rows) => rows.map((r) => (r as HTMLElement).dataset.rule!));
  return { rules, sent };
}

async function overHttp(sent: unknown): Promise<string[]> {
  const { subject: _, ...inspection } = sent as Record<string, unknown>;
  const res = await portal.api('owner-lvyuan', 'POST', '/inspections', inspection);
  expect(res.status).toBe(200);
  return (res.body.classification?.hazards ?? res.body.hazards).map((h: { rule: string }) => h.rule);
}

describe('every pack × every premises kind can be filled in', () => {
  it.each(cases.map((c) => [`${c.pack.id} / ${c.premises}`, c] as const))('%s', async (_, case_) => {
    await fillForm(case_);
    const compliant = await submit();
    expect(compliant.rules).toEqual([]);
    expect(await overHttp(compliant.sent)).toEqual([]);

    await answer(case_, case_.change.fact, case_.change.value);
    const changed = await submit();
    expect([...changed.rules].sort()).toEqual([...case_.change.rules].sort());
    expect(await overHttp(changed.sent)).toEqual(changed.rules);
  });
});
