/**
 * The portal keeps co-sign codes in its SQLite file (createSqliteCoSignCodeStore), not in the
 * process: a code the second officer generated before a restart is accepted after it (as it is
 * by another process on the same file), and used once it is refused by every process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../src/create-portal.js';

const dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-co-sign-'));
const clock = { now: () => new Date('2026-11-30T01:00:00Z') }; // a Monday, 09:00 in China
const open: Portal[] = [];
afterAll(async () => {
  for (const p of open) await p.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async (seed: boolean) => {
  const portal = await createPortal({ dataDir, clock, tickMs: 0, seed, trustIdentityHeader: true });
  open.push(portal);
  return portal;
};
const post = (portal: Portal, user: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  portal.fetch(
    new Request(`http://portal.test/api${path}`, {
      method: 'POST',
      headers: { 'x-demo-user': user, 'content-type': 'application/json', origin: 'http://portal.test', ...headers },
      body: JSON.stringify(body),
    }),
  );

describe('co-sign codes in the portal’s SQLite file', () => {
  it('a code generated before a restart confirms the act after it; the used code is refused by another process on the file', async () => {
    const first = await start(true);
    const list = (await (await first.fetch(new Request('http://portal.test/api/hazards?enterprise=ent-hongxing', { headers: { 'x-demo-user': 'officer-li' } }))).json()) as {
      items: Array<{ hazardId: string; status: string }>;
    };
    const hazardId = list.items.find((h) => h.status === 'case_filed')!.hazardId;
    const issued = await post(first, 'officer-zhao', `/hazards/${hazardId}/co-sign-codes`, {
      act: 'notify_penalty',
      content: { penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 50_000 } },
    });
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await start(false);
    const third = await start(false);
    const penalty = { type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 50_000 } };
    const accepted = await post(second, 'officer-li', `/hazards/${hazardId}/commands`, penalty, { 'idempotency-key': 'co-sign-restart-1', 'co-sign-code': code });
    expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
    const again = await post(third, 'officer-li', `/hazards/${hazardId}/commands`, penalty, { 'idempotency-key': 'co-sign-restart-2', 'co-sign-code': code });
    expect(again.status).toBe(403);
    expect(((await again.json()) as { code: string }).code).toBe('CO_SIGN_CODE_INVALID');
  }, 120_000);
});
