/**
 * T38 (docs/security.md) on a real `node:http` server over the file evidence store: uploads
 * never reported no longer fill the disk. Each uploader holds at most the store's budget of
 * unbound uploads (files 429, bytes 413, bilingual, saying what to do); a report binds its
 * uploads and frees the budget; uploads never reported expire after `maxAgeMs` on the host's
 * scheduler (`expireUnbound` with the injected clock) and the data folder shrinks back;
 * bound uploads are never deleted.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, type EvidenceStore } from '@anjian/core';
import { createFileEvidenceStore } from '@anjian/core/node';
import { createFixedClock, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi, toNodeHandler } from '../src/index.js';
import { basementLpgInspection, demoKitchen, FILE_BYTES, noAlarmInspection } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-unbound-'));
const clock = createFixedClock('2026-11-02T01:00:00.000Z');
const KIB = 1024;
let evidence: EvidenceStore;
let server: Server;
let base: string;

beforeAll(async () => {
  // A small budget so the test stays cheap: 4 files, 1 MiB, 24 h (the defaults are 20 files, 100 MiB, 24 h).
  evidence = await createFileEvidenceStore(dir, { unbound: { files: 4, bytes: 1024 * KIB, maxAgeMs: 24 * 3_600_000 } });
  const api = createAnjianApi({
    store: createMemoryStore(),
    directory: createStaticDirectory(
      [
        { id: 'owner-e1', roles: ['enterprise'], enterpriseIds: ['E1'] },
        { id: 'owner-e2', roles: ['enterprise'], enterpriseIds: ['E2'] },
        { id: 'owner-e3', roles: ['enterprise'], enterpriseIds: ['E3'] },
      ],
      [
        { id: 'E1', name: '老王饭店', area: 'D1/G1' },
        { id: 'E2', name: '红星厂房', area: 'D1/G1' },
        { id: 'E3', name: '安平火锅店', area: 'D1/G1' },
      ],
    ),
    calendar: TEST_CALENDAR_2026,
    clock,
    packs: [await demoKitchen()],
    evidence,
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-actor'),
  });
  server = createServer(toNodeHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

// Each upload a different file (the same bytes given again with the same hazard are the same upload).
let uploads = 0;
const photo = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(FILE_BYTES['image/jpeg']);
  new DataView(bytes.buffer).setUint32(size - 4, ++uploads);
  return bytes;
};
async function upload(actor: string, size: number, lang = 'en', path = '/evidence'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'x-actor': actor, 'content-type': 'image/jpeg', 'accept-language': lang }, body: photo(size) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const folder = () => {
  const names = readdirSync(dir);
  return { files: names.filter((n) => n.endsWith('.bin')).length, bytes: names.reduce((n, name) => n + statSync(join(dir, name)).size, 0) };
};

describe('unbound uploads over HTTP (T38)', () => {
  it('one uploader holds at most the budget: the next file is 429, more bytes 413, each saying what to do; nothing more reaches the disk', async () => {
    const held = [];
    for (let i = 0; i < 4; i++) held.push(await upload('owner-e1', 10 * KIB));
    expect(held.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const before = folder();
    // The attacker's loop: every further upload is refused, and the folder does not grow.
    const refused = await Promise.all(Array.from({ length: 10 }, () => upload('owner-e1', 10 * KIB)));
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array.from({ length: 10 }, () => [429, 'UNBOUND_EVIDENCE_FILES']));
    expect(refused[0]!.body.detail).toContain('Submit the report');
    expect(refused[0]!.body.detail).toContain('2026-11-03T01:00:00.000Z');
    const zh = await upload('owner-e1', 10 * KIB, 'zh-CN');
    expect(zh.body.detail).toContain('请先提交引用这些文件的上报');
    expect(folder()).toEqual(before);
    // Another uploader has its own budget; its bytes run out before its files.
    expect((await upload('owner-e2', 600 * KIB)).status).toBe(201);
    const tooBig = await upload('owner-e2', 600 * KIB);
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'UNBOUND_EVIDENCE_BYTES']);
    expect(tooBig.body.detail).toMatch(/over the 1 MB limit/);
  });

  it('a report binds its upload and frees the budget; never-reported uploads expire on the scheduler, bound ones stay', async () => {
    expect((await upload('owner-e1', 10 * KIB)).status).toBe(429); // still full from the first test
    const files = readdirSync(dir).filter((n) => n.endsWith('.json'));
    const records = await Promise.all(files.map((n) => evidence.get(n.slice(0, -5))));
    const firstOfE1 = records.find((r) => r?.uploaderId === 'owner-e1')!;
    const report = await fetch(`${base}/inspections?report=true`, {
      method: 'POST',
      headers: { 'x-actor': 'owner-e1', 'content-type': 'application/json', 'idempotency-key': 'with-photo' },
      body: JSON.stringify(basementLpgInspection({ evidence: [{ id: firstOfE1.id, kind: 'photo_before' }] })),
    });
    expect(report.status).toBe(200);
    expect((await evidence.get(firstOfE1.id))?.hazardId).not.toBeNull();
    clock.advance(3_600_000);
    expect((await upload('owner-e1', 10 * KIB)).status).toBe(201); // the bound one freed a place
    expect((await upload('owner-e1', 10 * KIB)).status).toBe(429);

    // A day after the first uploads they are gone: the scheduler's pass deletes them with the host's clock.
    const full = folder();
    clock.advance(22 * 3_600_000);
    expect(await evidence.expireUnbound(clock.now().toISOString())).toBe(0);
    clock.advance(3_600_000);
    expect(await evidence.expireUnbound(clock.now().toISOString())).toBe(4); // owner-e1's three and owner-e2's one (the fifth is younger)
    const after = folder();
    expect(after.files).toBe(full.files - 4);
    expect(after.bytes).toBeLessThan(full.bytes - 600 * KIB);
    expect((await evidence.get(firstOfE1.id))?.hazardId).not.toBeNull();
    expect((await evidence.read(firstOfE1.id))?.length).toBe(10 * KIB);
    // The user is not locked out: the budget is free again.
    expect((await upload('owner-e2', 600 * KIB)).status).toBe(201);
  });
});

describe('uploads given with a hazard (T38, second route)', () => {
  // Found by attacking the running demo portal: POST /hazards/{id}/evidence binds the upload to the hazard at once, and
  // bound uploads neither counted against the budget nor expired — 30 uploads of 5 MB by one enterprise user to its own
  // hazard grew the data folder from 3 to 154 MB in seconds, the unbound budget notwithstanding. (A general hazard: its
  // enterprise may upload to it while it may still submit the rectification.)
  it('count against the same budget for maxAgeMs after their receipt: the attacker loop is refused, the folder does not grow; a day later the budget frees and nothing is deleted', async () => {
    const report = await fetch(`${base}/inspections?report=true`, {
      method: 'POST',
      headers: { 'x-actor': 'owner-e3', 'content-type': 'application/json', 'idempotency-key': 'e3-hazard' },
      body: JSON.stringify(noAlarmInspection({ subject: { enterpriseId: 'E3', name: '安平火锅店' } })),
    });
    expect(report.status).toBe(200);
    const hazardId = ((await report.json()) as { reports: { hazardId: string }[] }).reports[0]!.hazardId;
    const toHazard = `/hazards/${encodeURIComponent(hazardId)}/evidence`;
    const held = [];
    for (let i = 0; i < 4; i++) held.push(await upload('owner-e3', 10 * KIB, 'en', toHazard));
    expect(held.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(held.every((r) => r.body.hazardId === hazardId)).toBe(true);
    const before = folder();
    const refused = await Promise.all(Array.from({ length: 10 }, () => upload('owner-e3', 10 * KIB, 'en', toHazard)));
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array.from({ length: 10 }, () => [429, 'UNBOUND_EVIDENCE_FILES']));
    // The same budget: the route of unbound uploads is full too.
    expect((await upload('owner-e3', 10 * KIB)).status).toBe(429);
    expect(refused[0]!.body.detail).toMatch(/uploaded to a hazard count for 24 h/);
    const zh = await upload('owner-e3', 10 * KIB, 'zh-CN', toHazard);
    expect(zh.body.detail).toMatch(/上传到隐患的文件在上传后 24 小时内计入/);
    expect(folder()).toEqual(before);
    // Bytes: one file over what is left is 413.
    clock.advance(24 * 3_600_000);
    expect((await upload('owner-e3', 600 * KIB, 'en', toHazard)).status).toBe(201);
    const tooBig = await upload('owner-e3', 600 * KIB, 'en', toHazard);
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'UNBOUND_EVIDENCE_BYTES']);
    // It does not promise that the hazard's uploads will be deleted: they stop counting.
    expect(tooBig.body.detail).toMatch(/the oldest stops counting at 2026-11-05T01:00:00.000Z/);
    expect(tooBig.body.detail).not.toMatch(/are deleted 24 h after upload/);
    // A day later the hazard's uploads no longer count, and the expiry deleted none of them.
    await evidence.expireUnbound(clock.now().toISOString());
    for (const r of held) expect((await evidence.get(r.body.id as string))?.hazardId).toBe(hazardId);
  });
});
