/**
 * Filling the inspection form in Chromium the way a user does, for the end-to-end tests of the
 * packs' forms (pack-forms.e2e, places.e2e): choose a checklist and a place, answer in rounds
 * (an answer opens further questions), submit, and read what the page and the request say.
 */
import type { Page, Request } from 'playwright-core';
import type { FindingValue } from '@anjian/core';
import { png } from './portal-harness.js';
import type { PackFormCase } from './pack-form-cases.js';

/** China time (UTC+8) of an instant, as a datetime-local input takes it. */
const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);

export async function answer(page: Page, case_: PackFormCase, fact: string, value: FindingValue): Promise<void> {
  const type = case_.pack.facts.find((f) => f.id === fact)!.type;
  const sel = `[data-field="${fact}"] [data-fact]`;
  switch (type) {
    case 'boolean':
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

/** Opens a fresh form of the case's pack, chooses `placeId` and waits for the case's premises kind, then answers in rounds. */
export async function fillForm(page: Page, case_: PackFormCase, placeId: string): Promise<void> {
  await page.selectOption('#pack-select', '');
  await page.selectOption('#pack-select', case_.pack.id);
  await page.waitForSelector(`#facts[data-pack="${case_.pack.id}"] #f-place`);
  await page.selectOption('#f-place', placeId);
  await page.waitForSelector(`#facts[data-premises="${case_.premises}"]`);
  if (case_.compliant.inspectedAt) await page.fill('#f-inspectedAt', local(case_.compliant.inspectedAt));
  const left = new Map(Object.entries(case_.compliant.findings));
  while (left.size > 0) {
    const visible = new Set(await page.$$eval('#facts .field:not([hidden])', (els) => els.map((e) => (e as HTMLElement).dataset.field!)));
    const now = [...left.keys()].filter((k) => visible.has(k));
    if (now.length === 0) throw new Error(`${case_.pack.id}/${case_.premises}: the form never asks ${[...left.keys()].join(', ')}`);
    for (const fact of now) {
      await answer(page, case_, fact, left.get(fact)!);
      left.delete(fact);
    }
  }
}

/** Submits; returns the rule ids the page lists (none: `#no-hazards`) and the inspection the browser sent. */
export async function submit(page: Page): Promise<{ rules: string[]; sent: Record<string, any> }> {
  let sent: Record<string, any> | undefined;
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
  return { rules, sent: sent! };
}
