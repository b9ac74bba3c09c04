/**
 * T38 on the demo portal, its real SQLite file and uploads folder: an enterprise user who
 * uploads evidence and never reports (40 uploads of 5 MB grew the data folder from 4 to
 * 205 MB) is held to the store's default budget — the 21st unreported upload is 429 with a
 * bilingual detail saying what to do — and the portal's scheduler pass deletes the uploads a
 * day later by the portal's clock, so the folder shrinks back and the user may upload again.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../src/create-portal.js';

let dataDir: string;
let portal: Portal;
let now = new Date('2026-11-30T01:00:00Z');
const clock = { now: () => new Date(now) };
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-unbound-'));
  portal = await createPortal({ dataDir, clock, tickMs: 0, seed: false, trustIdentityHeader: true });
}, 60_000);
afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function upload(lang: string): Promise<{ status: number; body: { code?: string; detail?: string; id?: string } }> {
  const bytes = new Uint8Array(64 * 1024);
  bytes.set(JPEG);
  const res = await portal.fetch(
    new Request('http://portal.test/api/evidence', { method: 'POST', headers: { 'x-demo-user': 'owner-lvyuan', 'content-type': 'image/jpeg', 'accept-language': lang }, body: bytes }),
  );
  return { status: res.status, body: (await res.json()) as { code?: string; detail?: string } };
}
const uploads = () => {
  const dir = join(dataDir, 'uploads');
  const names = readdirSync(dir);
  return { files: names.filter((n) => n.endsWith('.bin')).length, bytes: names.reduce((n, name) => n + statSync(join(dir, name)).size, 0) };
};

describe('unreported uploads on the portal (T38)', () => {
  it('the 21st unreported upload is refused (429, bilingual, what to do) and the folder stops growing', async () => {
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push((await upload(i % 2 ? 'en' : 'zh-CN')).status);
    expect(answers.filter((s) => s === 201)).toHaveLength(20);
    expect(answers.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect(uploads().files).toBe(20);
    const zh = await upload('zh-CN');
    expect([zh.status, zh.body.code]).toEqual([429, 'UNBOUND_EVIDENCE_FILES']);
    expect(zh.body.detail).toContain('请先提交引用这些文件的上报');
    const en = await upload('en');
    expect(en.body.detail).toMatch(/^You hold 20 uploads not yet used in a report; the limit is 20\. Submit the report that uses them first/);
    expect(en.body.detail).toContain('the oldest at 2026-12-01T01:00:00.000Z');
  });

  it('a day later the scheduler pass deletes them by the portal clock: the folder empties and the user uploads again', async () => {
    const full = uploads();
    expect(full.bytes).toBeGreaterThan(20 * 64 * 1024);
    now = new Date('2026-12-01T00:59:59Z');
    await portal.notifications.runOnce();
    expect(uploads()).toEqual(full);
    now = new Date('2026-12-01T01:00:00Z');
    await portal.notifications.runOnce();
    expect(uploads()).toEqual({ files: 0, bytes: 0 });
    expect((await upload('en')).status).toBe(201);
  });
});
