import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceRecord, EvidenceStore } from '../ports/evidence-store.js';
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

async function readJson(path: string): Promise<EvidenceRecord | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as EvidenceRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
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
 * @example
 * ```ts
 * import { createFileEvidenceStore } from '@anjian/core/node';
 * const evidence = await createFileEvidenceStore('./data/evidence');
 * ```
 */
export async function createFileEvidenceStore(dir: string): Promise<EvidenceStore> {
  await mkdir(dir, { recursive: true });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const recordPath = (id: string) => join(dir, `${id}.json`);
  return {
    async put(upload) {
      const { record, bytes } = recordUpload(upload);
      await writeDurably(join(dir, `${record.id}.bin`), bytes);
      await writeDurably(recordPath(record.id), JSON.stringify(record));
      return record;
    },
    async get(id) {
      return typeof id === 'string' && ID.test(id) ? readJson(recordPath(id)) : null;
    },
    async read(id) {
      if (typeof id !== 'string' || !ID.test(id) || (await readJson(recordPath(id))) === null) return null;
      return new Uint8Array(await readFile(join(dir, `${id}.bin`)));
    },
    bind(ids, hazardId) {
      return serial(async () => {
        const records: EvidenceRecord[] = [];
        for (const id of ids) {
          const r = typeof id === 'string' && ID.test(id) ? await readJson(recordPath(id)) : null;
          if (!r || (r.hazardId !== null && r.hazardId !== hazardId)) return false;
          records.push(r);
        }
        for (const r of records) if (r.hazardId === null) await writeDurably(recordPath(r.id), JSON.stringify({ ...r, hazardId }));
        return true;
      });
    },
  };
}
