// Issue #11 item 2, replayed in Chromium against the real portal: every payload of
// ./xss-payloads.ts is stored through the API in every free text the review chain keeps —
// titles and descriptions of manual observations, reasons and notes of every command on a
// major hazard's whole path and a general one's (confirmation, reclassification, notice
// number and note, escalation, case number, treatment-plan fields, extension requests,
// grants and denials, stop-work, listing authority, rectification, rejection, acceptance,
// 销号, reopening, spot-check) — then the pages that show them are opened as an
// enforcement officer (his queue, each hazard), the grid inspector and the enterprise.
// Counted: payloads that ran (a `__xss` canary, alert/confirm/prompt, dialogs), CSP
// violations, texts shown verbatim. The page's CSP is checked to allow no inline script.
// Every payload is also opened as a hazard id in the page's URL.
// (html.test.ts tests the template itself.)
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '@anjian/core/internal';
import { startPortal, type PortalHarness } from './portal-harness.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

let portal: PortalHarness;
/** Payloads stored, by field; and refused by the API (bidi controls, blank, too long …). */
const stored = new Map<string, string[]>();
const refused = new Map<string, string[]>();
const executed: string[] = [];
const violations: string[] = [];
let pagesViewed = 0;
let idsInUrl = 0;
let shownVerbatim = 0;
let checkedForText = 0;
/** Reasons and notes stored on each path hazard (the history shows them). */
const storedOn = new Map<string, string[]>();
const notVerbatim: string[] = [];

beforeAll(async () => {
  portal = await startPortal();
}, 120_000);

afterAll(async () => {
  const fields = [...new Set([...stored.keys(), ...refused.keys()])];
  const total = (m: Map<string, string[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
  console.log(
    [
      `Issue #11 portal XSS attack (Chromium): ${XSS_PAYLOADS.length} payloads through ${fields.length} free-text fields`,
      `  stored ${total(stored)}, refused by the API ${total(refused)} (bidi/control characters, blank after invisible ones, over the length limit)`,
      ...fields.map((f) => `  ${f.padEnd(36)} stored ${String(stored.get(f)?.length ?? 0).padStart(3)}  refused ${String(refused.get(f)?.length ?? 0).padStart(3)}`),
      `  hostile hazard ids opened in the page URL ${idsInUrl}`,
      `  pages viewed ${pagesViewed}; stored texts checked on screen ${checkedForText}, shown verbatim ${shownVerbatim}`,
      `  executed: ${executed.length}; CSP violations: ${violations.length}`,
      ...notVerbatim.slice(0, 40).map((n) => `  not verbatim: ${n}`),
    ].join('\n'),
  );
  await portal?.stop();
});

let cursor = 0;
/** The next payload (all of them in turn, then again). */
const take = () => XSS_PAYLOADS[cursor++ % XSS_PAYLOADS.length]!;
const both = (p: string) => ({ 'zh-CN': p, en: p });
const safe = (n: string) => ({ 'zh-CN': `正常文本 ${n}`, en: `plain text ${n}` });

async function command(user: string, hazardId: string, body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  return portal.api(user, 'POST', `/hazards/${encodeURIComponent(hazardId)}/commands`, body, randomUUID());
}

/**
 * One step of a path carrying the next payload in `field`: stored if the API accepts it;
 * if the API refuses the text (422), the same step again with a plain text so the path
 * goes on. Any other answer fails the test.
 */
async function step(
  field: string,
  user: string,
  hazardId: string,
  build: (p: string) => Record<string, unknown>,
  plain: () => Record<string, unknown> = () => build(`正常文本 ${field}`),
  p = take(),
): Promise<void> {
  const first = await command(user, hazardId, build(p));
  const list = first.status === 200 ? stored : refused;
  if (!list.has(field)) list.set(field, []);
  list.get(field)!.push(p);
  if (first.status === 200) {
    // Plan fields are kept in the event; the history shows reasons and notes.
    if (!field.startsWith('submit_plan')) storedOn.set(hazardId, [...(storedOn.get(hazardId) ?? []), p]);
    return;
  }
  expect(first.status, `${field} ${JSON.stringify(p)} → ${JSON.stringify(first.body).slice(0, 300)}`).toBe(422);
  const again = await command(user, hazardId, plain());
  expect(again.status, `${field} (plain) → ${JSON.stringify(again.body).slice(0, 300)}`).toBe(200);
}

async function uploadPdf(user: string, hazardId: string): Promise<string> {
  const res = await portal.fetchAs(user, `/api/hazards/${encodeURIComponent(hazardId)}/evidence`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: `%PDF-1.4\n% ${randomUUID()}\n%%EOF\n`,
  });
  const body = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

async function evidence(hazardId: string, after: number, document = false): Promise<{ id: string; kind: string }[]> {
  const refs = [{ id: await portal.uploadPhoto('owner-anping', hazardId, 'before'), kind: 'photo_before' }];
  for (let i = 0; i < after; i++) refs.push({ id: await portal.uploadPhoto('owner-anping', hazardId, `after${i}`), kind: 'photo_after' });
  if (document) refs.push({ id: await uploadPdf('owner-anping', hazardId), kind: 'document' });
  return refs;
}

/** Counts what runs on a page: the canary, alert and friends, dialogs, CSP violations. */
async function watch(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __ran: string[]; __violations: string[] };
    w.__ran = [];
    w.__violations = [];
    w.__xss = (n: number) => w.__ran.push(`__xss(${n})`);
    for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = () => w.__ran.push(name);
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  page.on('dialog', (d) => {
    executed.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
  return async () => {
    const { ran, csp } = await page.evaluate(() => {
      const w = window as unknown as { __ran?: string[]; __violations?: string[] };
      return { ran: w.__ran ?? [], csp: w.__violations ?? [] };
    });
    executed.push(...ran);
    violations.push(...csp);
  };
}

/** Opens a hazard page in a signed-in page and waits for it to render. */
async function openHazard(page: Page, hazardId: string): Promise<void> {
  await page.evaluate(() => (document.getElementById('app')!.dataset.page = ''));
  await page.evaluate((h) => (location.hash = `#/hazard/${encodeURIComponent(h)}`), hazardId);
  await page.waitForSelector(`#hazard-state[data-hazard="${hazardId}"]`);
  pagesViewed++;
}

const observations: { id: string; title: string }[] = [];
let majorId = '';
let generalId = '';

describe('stored XSS through every free text', () => {
  it(`titles and descriptions of ${XSS_PAYLOADS.length} manual observations`, async () => {
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      const id = `xss-obs-${i}`;
      const body = { type: 'report_observation', title: both(p), description: both(p), enterpriseId: 'ent-anping', domain: 'gas', level: i % 3 === 0 ? 'major' : 'general', evidence: [] };
      const reply = await command('grid-wang', id, body);
      const list = reply.status === 200 ? stored : refused;
      if (!list.has('observation title+description')) list.set('observation title+description', []);
      list.get('observation title+description')!.push(p);
      if (reply.status === 200) observations.push({ id, title: p });
      else expect(reply.status, `${JSON.stringify(p)} → ${JSON.stringify(reply.body).slice(0, 300)}`).toBe(422);
    }
    expect(observations.length).toBeGreaterThanOrEqual(60);
  }, 120_000);

  it('reasons, notes, notice numbers, plan fields and extensions on a major hazard’s whole path', async () => {
    majorId = `xss-major-${randomUUID().slice(0, 8)}`;
    const made = await command('grid-wang', majorId, { type: 'report_observation', title: safe('重大隐患'), enterpriseId: 'ent-anping', domain: 'gas', level: 'major', evidence: [] });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const two = { coOfficerId: 'officer-zhao' };
    await step('confirm_level reason', 'officer-li', majorId, (p) => ({ type: 'confirm_level', level: 'major', reason: both(p) }));
    // No case number to inject: the server numbers the case (its 立案审批表's 文号).
    const filed = await command('officer-li', majorId, { type: 'file_case', ...two });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const plan = (over: Record<string, unknown>) => ({
      objectives: safe('o'),
      measures: safe('m'),
      fundsAndMaterials: safe('f'),
      responsible: safe('r'),
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      milestones: safe('mi'),
      safetyAndEmergency: safe('s'),
      ...over,
    });
    for (const field of ['objectives', 'measures', 'fundsAndMaterials', 'responsible', 'milestones', 'safetyAndEmergency']) {
      await step(`submit_plan ${field}`, 'owner-anping', majorId, (p) => ({ type: 'submit_plan', plan: plan({ [field]: both(p) }) }));
    }
    await step('request_extension reason', 'owner-anping', majorId, (p) => ({ type: 'request_extension', extension: { workingDays: 3 }, reason: both(p) }));
    await step('deny_extension reason', 'officer-li', majorId, (p) => ({ type: 'deny_extension', reason: both(p) }));
    await step('request_extension reason', 'owner-anping', majorId, (p) => ({ type: 'request_extension', extension: { days: 5 }, reason: both(p) }));
    await step('grant_extension note', 'officer-li', majorId, (p) => ({ type: 'grant_extension', note: both(p) }));
    // The extension's value is a count, never text (the issue's `"days":"<img …>"`).
    const sneaky = await command('owner-anping', majorId, { type: 'request_extension', extension: { workingDays: 3, days: XSS_PAYLOADS[1] }, reason: safe('x') });
    expect(sneaky.status).toBe(422);
    // The repeatable acts carry every payload.
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      await step(
        'submit_plan (all six fields)',
        'owner-anping',
        majorId,
        (t) => ({ type: 'submit_plan', plan: plan({ objectives: both(t), measures: both(t), fundsAndMaterials: both(t), responsible: both(t), milestones: both(t), safetyAndEmergency: both(t) }) }),
        undefined,
        p,
      );
      await step('request_extension reason', 'owner-anping', majorId, (t) => ({ type: 'request_extension', extension: { days: 1 }, reason: both(t) }), undefined, p);
      if (i % 2 === 0) await step('deny_extension reason', 'officer-li', majorId, (t) => ({ type: 'deny_extension', reason: both(t) }), undefined, p);
      else await step('grant_extension note', 'officer-zhao', majorId, (t) => ({ type: 'grant_extension', note: both(t) }), undefined, p);
      await step('order_stop_work reason', 'officer-li', majorId, (t) => ({ type: 'order_stop_work', scope: 'partial', reason: both(t), ...two }), undefined, p);
      await step('list_for_supervision authority+note', 'officer-zhao', majorId, (t) => ({ type: 'list_for_supervision', authority: both(t), note: both(t), coOfficerId: 'officer-li' }), undefined, p);
    }
    // Where the chain approves plans, an officer approves the last one before the rectification.
    if (COMMAND_TYPES.includes('approve_plan' as CommandType)) await step('approve_plan note', 'officer-li', majorId, (p) => ({ type: 'approve_plan', note: both(p) }));
    const submitted = await evidence(majorId, 3, true);
    await step('submit_rectification note', 'owner-anping', majorId, (p) => ({ type: 'submit_rectification', evidence: submitted, note: both(p) }));
    await step('reject reason', 'officer-li', majorId, (p) => ({ type: 'reject', reason: both(p) }));
    const again = await evidence(majorId, 3, true);
    await step('submit_rectification note', 'owner-anping', majorId, (p) => ({ type: 'submit_rectification', evidence: again, note: both(p) }));
    await step('accept note', 'officer-li', majorId, (p) => ({ type: 'accept', note: both(p), ...two }));
    await step('close note', 'officer-zhao', majorId, (p) => ({ type: 'close', note: both(p), coOfficerId: 'officer-li' }));
    await step('spot_check note', 'officer-li', majorId, (p) => ({ type: 'spot_check', result: 'pass', note: both(p) }));
    await step('reopen reason', 'officer-li', majorId, (p) => ({ type: 'reopen', reason: both(p) }));
  }, 120_000);

  it('reasons and notes on a general hazard’s path (reclassification, notice, escalation, verification, 销号)', async () => {
    const report = await portal.api(
      'owner-anping',
      'POST',
      '/inspections?report=true',
      {
        pack: 'demo-kitchen',
        premises: 'restaurant',
        inspectedAt: new Date().toISOString(),
        subject: { enterpriseId: 'ent-anping' },
        findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 1 },
      },
      randomUUID(),
    );
    expect(report.status, JSON.stringify(report.body).slice(0, 300)).toBe(200);
    generalId = report.body.reports[0].hazardId;
    await step('confirm_level reason', 'officer-li', generalId, (p) => ({ type: 'confirm_level', level: 'general', reason: both(p) }));
    for (const p of XSS_PAYLOADS) {
      await step('reclassify reason', 'grid-wang', generalId, (t) => ({ type: 'reclassify', level: 'simple', reason: both(t) }), undefined, p);
      await step('reclassify reason', 'officer-li', generalId, (t) => ({ type: 'reclassify', level: 'general', reason: both(t) }), undefined, p);
    }
    const state = await portal.api('officer-li', 'GET', `/hazards/${generalId}`);
    if (state.body.state.provisional) await step('confirm_level reason', 'officer-zhao', generalId, (p) => ({ type: 'confirm_level', level: 'general', reason: both(p) }));
    await step('escalate reason', 'grid-wang', generalId, (p) => ({ type: 'escalate', reason: both(p) }));
    // The notice's number is the register's (noticeNo is refused): the payload goes into its note.
    await step('issue_notice note (officer)', 'officer-li', generalId, (p) => ({ type: 'issue_notice', note: both(p) }));
    const submitted = await evidence(generalId, 2);
    await step('submit_rectification note', 'owner-anping', generalId, (p) => ({ type: 'submit_rectification', evidence: submitted, note: both(p) }));
    await step('verify note', 'grid-wang', generalId, (p) => ({ type: 'verify', note: both(p) }));
    await step('close note', 'officer-li', generalId, (p) => ({ type: 'close', note: both(p) }));
    for (const p of XSS_PAYLOADS) await step('spot_check note', 'grid-wang', generalId, (t) => ({ type: 'spot_check', result: 'pass', note: both(t) }), undefined, p);
    await step('reopen reason', 'grid-wang', generalId, (p) => ({ type: 'reopen', reason: both(p) }));
    await step('issue_notice note', 'grid-wang', generalId, (p) => ({ type: 'issue_notice', note: both(p) }));
  }, 120_000);
});

describe('viewed in Chromium', () => {
  /** Opens every hazard of the attack as `user` and checks what the page shows. */
  async function viewAll(user: string, home: string, hazards: string[], checkTitles: boolean): Promise<void> {
    const page = await portal.signIn(user, home);
    const collect = await watch(page);
    await page.reload();
    await page.waitForSelector(`#app[data-page="${home}"]`);
    pagesViewed++;
    for (const id of hazards) {
      await openHazard(page, id);
      if (checkTitles) {
        const obs = observations.find((o) => o.id === id);
        if (obs) {
          checkedForText++;
          const shown = await page.textContent('h1');
          if (shown === obs.title.trim()) shownVerbatim++;
          else notVerbatim.push(`${JSON.stringify(obs.title)} shown as ${JSON.stringify(shown)}`);
        }
      }
    }
    // The two path hazards: every stored reason and note appears as text in the history.
    for (const id of [majorId, generalId]) {
      await openHazard(page, id);
      const history = (await page.textContent('#history')) ?? '';
      for (const p of storedOn.get(id) ?? []) {
        checkedForText++;
        if (history.includes(p.trim())) shownVerbatim++;
        else notVerbatim.push(`${JSON.stringify(p)} not in the history of ${id}`);
      }
      expect(
        await page.$$eval(
          '#history script, #history img, #history iframe, #history svg, #history object, #history embed, #history [onerror], #history [onload], #history [onclick]',
          (els) => els.length,
        ),
      ).toBe(0);
    }
    await page.waitForTimeout(300); // let any onerror/onload fire
    await collect();
    await page.context().close();
  }

  it('an enforcement officer opens his queue and every hazard: nothing runs, titles show verbatim', async () => {
    await viewAll(
      'officer-li',
      'enforcement',
      observations.map((o) => o.id),
      true,
    );
    // Every payload as a hazard id in the page's URL: a "not found" page, nothing runs.
    const page = await portal.signIn('officer-li', 'enforcement');
    const collect = await watch(page);
    await page.reload();
    await page.waitForSelector('#app[data-page="enforcement"]');
    for (const p of XSS_PAYLOADS) {
      await page.evaluate(() => (document.getElementById('app')!.dataset.page = ''));
      await page.evaluate((h) => {
        let segment = h;
        try {
          segment = encodeURIComponent(h);
        } catch {
          // a lone surrogate: the browser encodes it as it can
        }
        location.hash = `#/hazard/${segment}`;
      }, p);
      await page.waitForSelector('#app[data-page="hazard"]');
      pagesViewed++;
      idsInUrl++;
    }
    await page.waitForTimeout(300);
    await collect();
    await page.context().close();
    expect(executed).toEqual([]);
    expect(violations).toEqual([]);
    expect(shownVerbatim).toBe(checkedForText);
  }, 180_000);

  it('the grid inspector and the enterprise see the same hazards: nothing runs', async () => {
    const some = observations.filter((_, i) => i % 4 === 0).map((o) => o.id);
    await viewAll('grid-wang', 'grid', some, true);
    await viewAll('owner-anping', 'enterprise', some, true);
    expect(executed).toEqual([]);
    expect(violations).toEqual([]);
    expect(shownVerbatim).toBe(checkedForText);
  }, 180_000);

  it('the pages carry a CSP without inline script, and no framing', async () => {
    for (const path of ['/', '/index.html', '/app.js']) {
      const res = await fetch(`${portal.base}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name!.toLowerCase(), values]),
      );
      const script = directives.get('script-src') ?? directives.get('default-src');
      expect(script, `${path}: ${csp}`).toBeDefined();
      expect(script, `${path}: ${csp}`).not.toContain("'unsafe-inline'");
      expect(script, `${path}: ${csp}`).not.toContain("'unsafe-eval'");
      expect(
        script!.some((v) => v === '*' || v === 'data:' || v === 'http:' || v === 'https:'),
        `${path}: ${csp}`,
      ).toBe(false);
      expect(directives.get('frame-ancestors'), `${path}: ${csp}`).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
