import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkUnboundBudget, sameGivenUpload, unboundEvidencePolicy, unboundExpired, type EvidenceRecord, type EvidenceStore, type EvidenceStoreOptions } from '../ports/evidence-store.js';
import { recordUpload } from '../chain/memory-evidence-store.js';

const ID = /^ev-[0-9a-f]{32}$/;

async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
}

/** A sidecar: the record, and whether it was given with its hazard (`put` with a `hazardId`; counted by the budget). */
async function readSidecar(path: string): Promise<{ record: EvidenceRecord; given: boolean } | null> {
  try {
    const { given, ...record } = JSON.parse(await readFile(path, 'utf8')) as EvidenceRecord & { given?: true };
    return { record, given: given === true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readJson(path: string): Promise<EvidenceRecord | null> {
  return (await readSidecar(path))?.record ?? null;
}

/**
 * An {@link EvidenceStore} in a directory: `<id>.bin` holds the bytes, `<id>.json` the
 * record (the sidecar). Every file is written to a temporary name, synced and renamed, so
 * a crash leaves either the old or the new file, never a torn one; the bytes are written
 * before the record, so a record never names missing bytes. Ids are `ev-` and 32 random
 * hex digits; any other id is unknown (no path is built from it).
 *
 * `bind` is serialised within this process; run one writer process per directory.
 *
 * Unbound uploads, and for 24 h those given with a hazard (their sidecar says `given`), are
 * held to `options.unbound` (default `DEFAULT_UNBOUND_EVIDENCE_POLICY`: 20 files, 100 MiB, 24 h
 * per uploader): opening reads every sidecar once to count them (and removes bytes a crash
 * left without their record); `put`s, `bind` and `expireUnbound` run one at a time.
 * `expireUnbound` deletes the record first, then the bytes.
 *
 * @example
 * ```ts
 * import { createFileEvidenceStore } from '@anjian/core/node';
 * const evidence = await createFileEvidenceStore('./data/evidence');
 * ```
 */
export async function createFileEvidenceStore(dir: string, options: EvidenceStoreOptions = {}): Promise<EvidenceStore> {
  const policy = unboundEvidencePolicy(options.unbound);
  await mkdir(dir, { recursive: true });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const recordPath = (id: string) => join(dir, `${id}.json`);
  // Unbound uploads by uploader (records as stored): the budget and the expiry read these only;
  // and the uploads each gave with a hazard (the sidecar says `given`), counted by the budget for maxAgeMs after receipt.
  const unbound = new Map<string, Map<string, EvidenceRecord>>();
  const hold = (r: EvidenceRecord) => (unbound.get(r.uploaderId) ?? unbound.set(r.uploaderId, new Map()).get(r.uploaderId)!).set(r.id, r);
  const given = new Map<string, EvidenceRecord[]>();
  const names = await readdir(dir);
  const sidecars = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  for (const id of sidecars) {
    const r = ID.test(id) ? await readSidecar(recordPath(id)) : null;
    if (r && r.record.hazardId === null) hold(r.record);
    else if (r?.given) given.set(r.record.uploaderId, [...(given.get(r.record.uploaderId) ?? []), r.record]);
  }
  for (const n of names) if (n.endsWith('.bin') && ID.test(n.slice(0, -4)) && !sidecars.has(n.slice(0, -4))) await rm(join(dir, n), { force: true });
  const remove = async (r: EvidenceRecord) => {
    await rm(recordPath(r.id), { force: true });
    await rm(join(dir, `${r.id}.bin`), { force: true });
    unbound.get(r.uploaderId)?.delete(r.id);
  };
  const store = async (record: EvidenceRecord, bytes: Uint8Array) => {
    await writeDurably(join(dir, `${record.id}.bin`), bytes);
    await writeDurably(recordPath(record.id), JSON.stringify(record.hazardId === null ? record : { ...record, given: true }));
    return record;
  };
  return {
    async put(upload) {
      const { record, bytes } = recordUpload(upload);
      return serial(async () => {
        const mine = [...(unbound.get(record.uploaderId)?.values() ?? [])];
        for (const r of mine) if (unboundExpired(r, record.receivedAt, policy)) await remove(r);
        // Uploads given with a hazard count for maxAgeMs after receipt (then they stop counting; they are never deleted).
        const recent = (given.get(record.uploaderId) ?? []).filter((r) => Date.parse(r.receivedAt) + policy.maxAgeMs > Date.parse(record.receivedAt));
        given.set(record.uploaderId, recent);
        // The same bytes given again with the same hazard (a retry): the first upload, no second file.
        const again = sameGivenUpload(recent, record);
        if (again) return { ...again };
        const refused = checkUnboundBudget([...(unbound.get(record.uploaderId)?.values() ?? []), ...recent], record, policy);
        if (refused) throw refused;
        await store(record, bytes);
        if (record.hazardId === null) hold(record);
        else recent.push(record);
        return record;
      });
    },
    async get(id) {
      return typeof id === 'string' && ID.test(id) ? readJson(recordPath(id)) : null;
    },
    async read(id) {
      if (typeof id !== 'string' || !ID.test(id) || (await readJson(recordPath(id))) === null) return null;
      try {
        return new Uint8Array(await readFile(join(dir, `${id}.bin`)));
      } catch (error) {
        // Expired and deleted between the two reads.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    bind(ids, hazardId) {
      return serial(async () => {
        const records: EvidenceRecord[] = [];
        for (const id of ids) {
          const r = typeof id === 'string' && ID.test(id) ? await readJson(recordPath(id)) : null;
          if (!r || (r.hazardId !== null && r.hazardId !== hazardId)) return false;
          records.push(r);
        }
        for (const r of records) {
          if (r.hazardId !== null) continue;
          await writeDurably(recordPath(r.id), JSON.stringify({ ...r, hazardId }));
          unbound.get(r.uploaderId)?.delete(r.id);
        }
        return true;
      });
    },
    expireUnbound(now) {
      if (Number.isNaN(Date.parse(now))) return Promise.reject(new TypeError('now must be an ISO 8601 time'));
      return serial(async () => {
        let deleted = 0;
        for (const mine of unbound.values()) {
          for (const r of [...mine.values()]) {
            if (!unboundExpired(r, now, policy)) continue;
            await remove(r);
            deleted++;
          }
        }
        return deleted;
      });
    },
  };
}
