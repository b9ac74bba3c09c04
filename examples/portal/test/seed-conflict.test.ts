/**
 * A data folder whose demo data another build wrote: the key of a seed step (the approval of
 * the day's hot work) already stands for the approval of another permit, so the API refuses it
 * (422 IDEMPOTENCY_KEY_REUSED). Starting the portal on it fails with what happened and what to
 * do, in both languages, naming the folder — not a bare "seed …: HTTP 422".
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPortal } from '../src/create-portal.js';

const dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-seed-conflict-'));
/** The seed's key of the approval of the day's hot work (China date of the clock). */
const STEP = 'seed-permit-hot-approve-2026-11-30';
const clock = { now: () => new Date('2026-11-30T01:00:00Z') };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('starting on a folder whose seed conflicts', () => {
  it('fails with the step, the code, the folder and what to do, in Chinese and English', async () => {
    // An "older build" used the key of the seed's approval of today's hot work for another permit.
    const older = await createPortal({ dataDir, clock, tickMs: 0, seed: false, trustIdentityHeader: true });
    const post = (user: string, path: string, key: string, body?: unknown) =>
      older.fetch(
        new Request(`http://portal.test/api${path}`, {
          method: 'POST',
          headers: { 'x-demo-user': user, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body ?? {}),
        }),
      );
    const applied = await post('owner-dongfang', '/permits', 'older-permit-hot', {
      enterpriseId: 'ent-dongfang',
      attendantId: 'attendant-dongfang',
      kind: 'hot_work',
      hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
      workerIds: ['张焊工'],
      validFrom: clock.now().toISOString(),
      flammableLelPctVol: 5,
    });
    expect(applied.status).toBe(201);
    const permitId = ((await applied.json()) as { permit: { permitId: string } }).permit.permitId;
    expect((await post('safety-dongfang', `/permits/${permitId}/approve`, `${STEP}`)).status).toBe(200);
    await older.close();

    const started = createPortal({ dataDir, clock, tickMs: 0 });
    const error = await started.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const [zh, en] = error!.message.split('\n');
    expect(zh).toBe(
      `演示数据写入失败（${STEP}: HTTP 422 IDEMPOTENCY_KEY_REUSED）：数据目录 ${dataDir} 中的演示数据由另一版本写入，同一步骤的内容不同。请删除该目录（或用 ANJIAN_DATA_DIR 指定新目录）后重新启动。`,
    );
    expect(en).toBe(
      `Seeding the demo data failed (${STEP}: HTTP 422 IDEMPOTENCY_KEY_REUSED): the data folder ${dataDir} holds demo data written by another build, with other content for the same step. Delete the folder (or point ANJIAN_DATA_DIR at a new one) and start again.`,
    );
    // The folder is left as it was (nothing deleted for the user), and deleting it is enough.
    expect(existsSync(join(dataDir, 'anjian.db'))).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
    const fresh = await createPortal({ dataDir, clock, tickMs: 0 });
    expect(fresh.seeded).toBeGreaterThan(0);
    await fresh.close();
  }, 180_000); // two portal starts in process (scrypt for every demo user, the packs, part of the seed): 53 s on a loaded 2-core machine
});
