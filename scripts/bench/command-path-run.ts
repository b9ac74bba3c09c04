// The runner of `pnpm bench:command-path` (scripts/bench/command-path.ts), over a given build
// of @anjian/core: the working tree's, or another revision's for a same-process A/B (--ref).
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as CoreModule from '@anjian/core';
import type * as CoreTesting from '@anjian/core/testing';
import type { ChainCommand, EvidenceRef, Store, StoredEvent } from '@anjian/core';
import type { AppendInput, AppendResult, CommandRecord, DenialRecord } from '@anjian/core/ports';
import type { EvidenceKind } from '@anjian/core/internal';

/** What the runner takes from one build of @anjian/core. */
export type Core = Pick<typeof CoreModule, 'handleCommand' | 'createMemoryEvidenceStore' | 'createMemoryStore' | 'createStaticDirectory'> &
  Pick<typeof CoreTesting, 'TEST_ACTORS' | 'TEST_CALENDAR_2026' | 'reportCommand' | 'testEvidenceRecord'>;

type StoreKind = 'thin' | 'memory';

/** Only what handleCommand calls, kept as given (no copies, no checks beyond versions). */
function createThinStore(): { store: Store; written: unknown[] } {
  const logs = new Map<string, StoredEvent[]>();
  const commands = new Map<string, CommandRecord>();
  const written: unknown[] = [];
  let seq = 0;
  const store = {
    async findCommand(commandId: string) {
      return commands.get(commandId) ?? null;
    },
    async load(hazardId: string) {
      return logs.get(hazardId) ?? null;
    },
    async recordDenial(denial: DenialRecord) {
      written.push(denial);
    },
    async append(input: AppendInput): Promise<AppendResult> {
      const list = logs.get(input.hazardId) ?? [];
      if (input.events[0]!.version !== list.length + 1) return { kind: 'conflict', actualVersion: list.length };
      const stored = input.events.map((e) => ({ ...e, seq: ++seq }));
      list.push(...stored);
      logs.set(input.hazardId, list);
      commands.set(input.commandId, { commandId: input.commandId, fingerprint: input.commandFingerprint, hazardId: input.hazardId, events: stored });
      written.push(input);
      return { kind: 'ok', events: stored };
    },
  } as unknown as Store;
  return { store, written };
}

const T0 = Date.parse('2026-10-12T01:00:00.000Z');

// A full collection before a run starts and another inside its timed span: each run starts
// from the same heap and pays for all the garbage it made, not for the previous run's (with
// the heap carried over, the build timed after the memory store's runs paid for their
// garbage: a build measured against itself came out 1.06–1.10×).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** The command mix of `pnpm bench:store` for `count` hazards; with `onResult`, replays and refusals too. */
async function runMix(core: Core, store: Store, count: number, onResult?: (r: unknown) => void): Promise<{ transitions: number; ms: number; cpuMs: number }> {
  let t = T0;
  const clock = { now: () => new Date((t += 1)) };
  const evidence = core.createMemoryEvidenceStore();
  const deps = { store, clock, calendar: core.TEST_CALENDAR_2026, directory: core.createStaticDirectory(Object.values(core.TEST_ACTORS)), evidence };
  let uploads = 0;
  // Seeded records with counted ids (the memory store's put draws random ids: the digest must not move).
  const upload = async (hazardId: string, kind: EvidenceKind, n: number): Promise<EvidenceRef> => {
    const id = `ev-${(++uploads).toString(16).padStart(32, '0')}`;
    evidence.seed(core.testEvidenceRecord({ id, kind }, 'owner-e1', hazardId, clock.now().toISOString()), new TextEncoder().encode(`${hazardId} ${kind} ${n}`));
    return { id, kind };
  };
  let transitions = 0;
  const exec = async (command: ChainCommand, actor: string, expectRejection = false) => {
    const result = await core.handleCommand(deps, command, actor);
    onResult?.(result);
    if ('rejection' in result) {
      if (!expectRejection) throw new Error(`${command.type}: ${result.rejection.code}`);
      return;
    }
    transitions += result.events.length;
  };
  collect();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let n = 0; n < count; n++) {
    const hazardId = `B-${n}`;
    await exec(core.reportCommand(hazardId, { commandId: `${hazardId}:r` }), 'grid-g1');
    await exec({ type: 'issue_notice', commandId: `${hazardId}:n`, hazardId }, 'grid-g1');
    const photos = [await upload(hazardId, 'photo_before', 1), await upload(hazardId, 'photo_after', 1), await upload(hazardId, 'photo_after', 2)];
    await exec({ type: 'submit_rectification', commandId: `${hazardId}:s`, hazardId, evidence: photos }, 'owner-e1');
    await exec({ type: 'verify', commandId: `${hazardId}:v`, hazardId }, 'grid-g1');
    await exec({ type: 'close', commandId: `${hazardId}:c`, hazardId }, 'grid-g1');
    if (onResult && n % 5 === 0) {
      // The digest run also covers replays and refusals (their messages are output too).
      await exec({ type: 'close', commandId: `${hazardId}:c`, hazardId }, 'grid-g1');
      await exec({ type: 'verify', commandId: `${hazardId}:c`, hazardId }, 'grid-g1', true);
      await exec({ type: 'verify', commandId: `${hazardId}:x`, hazardId }, 'owner-e1', true);
      await exec({ type: 'issue_notice', commandId: `${hazardId}:y`, hazardId, expectedVersion: 1 }, 'grid-g1', true);
      await exec({ type: 'issue_notice', commandId: `${hazardId}:z`, hazardId: `${hazardId}-none` }, 'grid-g1', true);
      await exec(core.reportCommand(`${hazardId}-bad`, { commandId: `${hazardId}:b`, deadline: { workingDays: -1 } }), 'grid-g1', true);
    }
  }
  collect();
  const used = process.cpuUsage(cpu);
  return { transitions, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** One SHA-256 over everything `hazards` hazards write and return, on both stores. */
export async function digestOf(core: Core, hazards: number): Promise<string> {
  const thin = createThinStore();
  const results: unknown[] = [];
  await runMix(core, thin.store, hazards, (r) => results.push(r));
  const memory = core.createMemoryStore();
  await runMix(core, memory, hazards);
  const text = JSON.stringify({ written: thin.written, results, log: memory.unsafeLog, outbox: [...memory.unsafeOutbox.values()], summaries: [...memory.unsafeSummaries.values()] });
  return `${createHash('sha256').update(text).digest('hex')} (${hazards} hazards, ${text.length} chars)`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Times each build on each store kind, alternating the order every round, and prints the
 * medians (transitions/s and CPU µs per transition); with two builds, the median of the
 * per-round CPU ratios (second ÷ first) too.
 */
export async function measure(cores: Record<string, Core>, kinds: readonly StoreKind[], hazards: number, rounds: number): Promise<void> {
  const variants = Object.keys(cores).flatMap((build) => kinds.map((kind) => ({ build, kind, name: `${build === '' ? '' : `${build} `}${kind}` })));
  const make = (core: Core, kind: StoreKind) => (kind === 'thin' ? createThinStore().store : core.createMemoryStore());
  for (const v of variants) await runMix(cores[v.build]!, make(cores[v.build]!, v.kind), hazards); // warm-up
  const rates = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const cpuUs = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const load0 = loadavg()[0]!;
  for (let r = 0; r < rounds; r++) {
    for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
      const { transitions, ms, cpuMs } = await runMix(cores[v.build]!, make(cores[v.build]!, v.kind), hazards);
      rates.get(v.name)!.push((transitions / ms) * 1000);
      cpuUs.get(v.name)!.push((cpuMs * 1000) / transitions);
    }
  }
  const load1 = loadavg()[0]!;
  const width = Math.max(...variants.map((v) => v.name.length));
  for (const v of variants) {
    const rate = rates.get(v.name)!;
    console.log(
      `${v.name.padEnd(width)} ${median(rate).toFixed(0).padStart(6)} transitions/s, ${median(cpuUs.get(v.name)!).toFixed(1)} µs CPU each (medians of ${rounds}; rounds ${rate.map((x) => x.toFixed(0)).join(' ')})`,
    );
  }
  const builds = Object.keys(cores);
  if (builds.length === 2) {
    for (const kind of kinds) {
      const a = cpuUs.get(`${builds[0]} ${kind}`)!;
      const b = cpuUs.get(`${builds[1]} ${kind}`)!;
      console.log(`${kind}: CPU per transition ${builds[1]} ÷ ${builds[0]} = ${median(a.map((x, i) => b[i]! / x)).toFixed(2)} (median of the rounds' ratios)`);
    }
  }
  console.log(`load average ${load0.toFixed(2)} → ${load1.toFixed(2)}`);
}

/** The A/B driver's entry (`--ref`): both builds must write the same bytes, then both are timed. */
export async function abMain(old: Core, current: Core, options: { ref: string; against: string; hazards: number; rounds: number; kinds: StoreKind[] }): Promise<void> {
  const [a, b] = [await digestOf(old, 200), await digestOf(current, 200)];
  console.log(`digest ${options.ref}: ${a}\ndigest ${options.against}: ${b}`);
  if (a !== b) {
    console.error('the two builds write different output');
    process.exit(1);
  }
  await measure({ old: old, new: current }, options.kinds, options.hazards, options.rounds);
}
