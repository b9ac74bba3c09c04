/**
 * End-to-end: the enterprise file (一企一档) names a hazard's documents as the hazard page
 * does — by the document's name and its 文号 from the register — where it showed the
 * register's internal kind and sequence (`rectification_notice 2026-1`). The seed's notice on
 * 绿园餐厅's broken alarm is the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { goTo, shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

describe("the enterprise file's documents", () => {
  it('carry their 文号 over HTTP and show their name and number in the file, in both languages', async () => {
    const file = await portal.api('admin-chen', 'GET', '/enterprises/ent-lvyuan/file');
    expect(file.status).toBe(200);
    const docs = (file.body.hazards.open as Array<{ documents: Array<{ kind: string; number?: string }> }>).flatMap((h) => h.documents);
    expect(docs.length).toBeGreaterThan(0);
    const notice = docs.find((d) => d.kind === 'rectification_notice');
    expect(notice?.number).toMatch(/^（D1）应急隐改〔2026〕\d+号$/);

    const admin = await portal.signIn('admin-chen', 'dashboard');
    await goTo(admin, 'dossier/ent-lvyuan');
    const table = admin.locator('#file-open');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain(`隐患整改通知书 ${notice!.number}`);
    expect(text).not.toContain('rectification_notice');
    await admin.screenshot({ path: join(shots, 'file-documents.png'), fullPage: true });
    await admin.click('#lang-switch');
    await admin.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app')?.getAttribute('data-page') === 'dossier');
    expect(await admin.locator('#file-open').textContent()).toContain(`Rectification notice ${notice!.number}`);
    await admin.context().close();
  });
});
