// `node scripts/run-ts.mjs scripts/bench/seal-fold.ts`: the two steps of the command path that
// docs/decisions/003-stores.md ("Sixth pass") made cheaper, each timed against the way it was
// done before, in the same process, on the events of `bench:command-path`'s command mix:
//
// - seal: an event's data through `JSON.parse(canonicalJson(data))`, then the whole body
//   serialised again for its hash (before) — against `canonicalJsonCopy` (text and copy in
//   one walk) and the hash over the body with that text spliced in (now);
// - fold: `events.reduce(evolve, null)`, one copy of the state per event (before) — against
//   `foldEvents`, which applies the events to one state of its own (now); on each hazard's
//   5 events and on a 40-event history;
// - seal's last step (seventh pass): the event as a copy of its body with the hash, against
//   the hash set on the body itself (same keys, same order).
//
// Both sides must give the same hashes and the same states (checked first). CPU time of
// alternating batches (old, new, new, old …), the median of the per-round ratios new ÷ old.
// Options: --rounds 15
import { parseArgs } from 'node:util';
import { createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, foldEvents, handleCommand, type ChainEvent, type HazardState } from '@anjian/core';
import { evolve } from '../../packages/core/src/chain/evolve.js';
import { canonicalEventBodyJson, canonicalJson, canonicalJsonCopy } from '../../packages/core/src/chain/canonical-json.js';
import { computeEventHash, sha256Hex } from '../../packages/core/src/chain/hash-event.js';
import { reportCommand, TEST_ACTORS, TEST_CALENDAR_2026, testEvidenceRecord } from '@anjian/core/testing';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } });
const rounds = Number(values.rounds);

/** The command mix's events for `count` hazards, and one hazard with a 40-event history. */
async function events(count: number): Promise<{ mix: ChainEvent[]; long: ChainEvent[] }> {
  const store = createMemoryStore();
  const evidence = createMemoryEvidenceStore();
  let t = Date.parse('2026-10-12T01:00:00.000Z');
  const clock = { now: () => new Date((t += 60_000)) };
  const deps = { store, clock, calendar: TEST_CALENDAR_2026, directory: createStaticDirectory(Object.values(TEST_ACTORS)), evidence };
  let uploads = 0;
  const run = async (command: object, actor: string) => {
    const result = await handleCommand(deps, command as Parameters<typeof handleCommand>[1], actor);
    if ('rejection' in result) throw new Error(result.rejection.code);
  };
  for (let n = 0; n < count; n++) {
    const hazardId = `B-${n}`;
    await run(reportCommand(hazardId, { commandId: `${hazardId}:r` }), 'grid-g1');
    await run({ type: 'issue_notice', commandId: `${hazardId}:n`, hazardId }, 'grid-g1');
    const photos = (['photo_before', 'photo_after', 'photo_after'] as const).map((kind) => {
      const id = `ev-${(++uploads).toString(16).padStart(32, '0')}`;
      evidence.seed(testEvidenceRecord({ id, kind }, 'owner-e1', hazardId, clock.now().toISOString()), new TextEncoder().encode(`${hazardId} ${id}`));
      return { id, kind };
    });
    await run({ type: 'submit_rectification', commandId: `${hazardId}:s`, hazardId, evidence: photos }, 'owner-e1');
    await run({ type: 'verify', commandId: `${hazardId}:v`, hazardId }, 'grid-g1');
    await run({ type: 'close', commandId: `${hazardId}:c`, hazardId }, 'grid-g1');
  }
  await run(reportCommand('L', { commandId: 'L:r' }), 'grid-g1');
  await run({ type: 'issue_notice', commandId: 'L:n', hazardId: 'L' }, 'grid-g1');
  for (let i = 0; i < 19; i++) {
    await run({ type: 'request_extension', commandId: `L:q${i}`, hazardId: 'L', extension: { days: 1 }, reason: { 'zh-CN': '报警器缺货', en: 'alarm out of stock' } }, 'owner-e1');
    await run({ type: 'grant_extension', commandId: `L:g${i}`, hazardId: 'L' }, 'grid-g1');
  }
  const log = store.unsafeLog.map(({ seq: _seq, ...event }) => event as ChainEvent);
  return { mix: log.filter((e) => e.hazardId !== 'L'), long: log.filter((e) => e.hazardId === 'L') };
}

type Body = Omit<ChainEvent, 'hash'>;

function sealBefore(bodies: readonly Body[], out: string[]): void {
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i]!;
    out[i] = computeEventHash({ ...b, data: JSON.parse(canonicalJson(b.data)) as Body['data'] });
  }
}

function sealNow(bodies: readonly Body[], out: string[]): void {
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i]!;
    const { json, copy } = canonicalJsonCopy(b.data);
    out[i] = sha256Hex(canonicalEventBodyJson({ ...b, data: copy as Body['data'] }, json));
  }
}

/**
 * Seal as `decide` does it since the sixth pass — the body built fresh from the draft's data
 * (text and copy in one walk) and hashed — ending with the event: a copy of the body with the
 * hash (before the seventh pass) or the hash set on the body itself (now; same keys, same order).
 */
function sealEvent(inPlace: boolean): (bodies: readonly Body[], out: ChainEvent[]) => void {
  return (bodies, out) => {
    for (let i = 0; i < bodies.length; i++) {
      const b = bodies[i]!;
      const { json, copy } = canonicalJsonCopy(b.data);
      const body = {
        id: b.id,
        hazardId: b.hazardId,
        version: b.version,
        type: b.type,
        actor: { id: b.actor.id, role: b.actor.role },
        commandId: b.commandId,
        recordedAt: b.recordedAt,
        occurredAt: b.occurredAt,
        pack: { id: b.pack.id, version: b.pack.version },
        data: copy as Body['data'],
        prevHash: b.prevHash,
      };
      const hash = sha256Hex(canonicalEventBodyJson(body as Body, json));
      if (inPlace) {
        (body as typeof body & { hash: string }).hash = hash;
        out[i] = body as unknown as ChainEvent;
      } else out[i] = { ...body, hash } as unknown as ChainEvent;
    }
  };
}
const sealSpread = sealEvent(false);
const sealInPlace = sealEvent(true);

/** The hazards' logs, folded one by one; the states are kept (as a caller would) so none is optimised away. */
function foldWith(fold: (events: readonly ChainEvent[]) => HazardState | null): (logs: readonly ChainEvent[][], out: (HazardState | null)[]) => void {
  return (logs, out) => {
    for (let i = 0; i < logs.length; i++) out[i] = fold(logs[i]!);
  };
}
const foldBefore = foldWith((events) => events.reduce<HazardState | null>(evolve, null));
const foldNow = foldWith(foldEvents);

const cpuOf = (f: () => void, times: number): number => {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) f();
  const used = process.cpuUsage(start);
  return used.user + used.system;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times `before` and `now` alternately; prints µs per item for each and the median ratio. */
function compare(name: string, items: number, before: () => void, now: () => void, times: number): void {
  cpuOf(before, times);
  cpuOf(now, times);
  const ratios: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // ABBA on even rounds, BAAB on odd ones: each side runs as often first as last.
    const order = r % 2 === 0 ? [before, now, now, before] : [now, before, before, now];
    let p = 0;
    let q = 0;
    for (const f of order) {
      const used = cpuOf(f, times);
      if (f === before) p += used;
      else q += used;
    }
    a.push(p / (2 * times * items));
    b.push(q / (2 * times * items));
    ratios.push(q / p);
  }
  console.log(
    `${name}: ${median(a).toFixed(2)} → ${median(b).toFixed(2)} µs CPU per item, new ÷ old = ${median(ratios).toFixed(2)} (median of ${rounds} rounds; ratios ${[...ratios]
      .sort((x, y) => x - y)
      .map((x) => x.toFixed(2))
      .join(' ')})`,
  );
}

async function main(): Promise<void> {
  const { mix, long } = await events(200);
  const bodies: Body[] = mix.map(({ hash: _hash, ...body }) => body);
  const [h1, h2] = [new Array<string>(bodies.length), new Array<string>(bodies.length)];
  sealBefore(bodies, h1);
  sealNow(bodies, h2);
  if (h1.some((h, i) => h !== h2[i] || h !== mix[i]!.hash)) throw new Error('seal: the hashes differ');
  const [e1, e2] = [new Array<ChainEvent>(bodies.length), new Array<ChainEvent>(bodies.length)];
  sealSpread(bodies, e1);
  sealInPlace(bodies, e2);
  if (JSON.stringify(e1) !== JSON.stringify(e2) || JSON.stringify(e1) !== JSON.stringify(mix)) throw new Error('seal: the events differ');
  const byHazard = new Map<string, ChainEvent[]>();
  for (const e of mix) byHazard.set(e.hazardId, [...(byHazard.get(e.hazardId) ?? []), e]);
  const logs = [...byHazard.values()];
  const longs = Array.from({ length: 20 }, () => long);
  for (const l of [logs, longs]) {
    const [s1, s2] = [new Array<HazardState | null>(l.length), new Array<HazardState | null>(l.length)];
    foldBefore(l, s1);
    foldNow(l, s2);
    if (JSON.stringify(s1) !== JSON.stringify(s2)) throw new Error('fold: the states differ');
  }
  const out: unknown[] = new Array(Math.max(bodies.length, logs.length));
  compare(
    `seal (${bodies.length} events of the mix)`,
    bodies.length,
    () => sealBefore(bodies, out as string[]),
    () => sealNow(bodies, out as string[]),
    10,
  );
  compare(
    `seal with its event (${bodies.length} events): { ...body, hash } → hash set on the body`,
    bodies.length,
    () => sealSpread(bodies, out as ChainEvent[]),
    () => sealInPlace(bodies, out as ChainEvent[]),
    10,
  );
  compare(
    `fold (${logs.length} hazards of 5 events), per hazard`,
    logs.length,
    () => foldBefore(logs, out as HazardState[]),
    () => foldNow(logs, out as HazardState[]),
    50,
  );
  compare(
    `fold (20 × a ${long.length}-event history), per history`,
    longs.length,
    () => foldBefore(longs, out as HazardState[]),
    () => foldNow(longs, out as HazardState[]),
    100,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
