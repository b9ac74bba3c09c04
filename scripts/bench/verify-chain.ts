// `pnpm bench:chain`: how fast `verifyChain` checks an audit log (docs/audit.md: a chain of
// 100 000 events verified in < 1 s).
//  1. Builds a realistic log through the real command path (`handleCommand` on a memory
//     store, fixed clock): hazards reported, noticed, rectified (with photos), some rejected
//     once and resubmitted, verified and closed, interleaved in batches.
//  2. Verifies it with the default path on each SHA-256 core can use (node:crypto, the
//     default on Node; @noble/hashes on a reused instance, the default in browsers),
//     alternating them twice, best of --runs each, and prints events/s, the time for
//     100 000 events and the CPU ratio node:crypto ÷ noble.
// Options: --events 100000 --runs 5 --native (also time Node's createHash as `sha256Hex`)
//          --per-call (also time @noble/hashes' one-shot `sha256(bytes)`, one instance per event)
//          --log <file.json> (reuse a log written there by an earlier run; building takes ~30 s)
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, handleCommand, type ChainCommand, type StoredEvent } from '@anjian/core';
import { verifyChain } from '@anjian/core/audit';
import { selectSha256 } from '@anjian/core/internal';
import { TEST_ACTORS, TEST_CALENDAR_2026, createFixedClock, evidence, reportCommand, stageEvidence } from '@anjian/core/testing';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    native: { type: 'boolean', default: false },
    'per-call': { type: 'boolean', default: false },
    log: { type: 'string' },
  },
});
/** A command without its id (numbered here). */
type CommandInput = ChainCommand extends infer C ? (C extends ChainCommand ? Omit<C, 'commandId'> & { commandId?: string } : never) : never;

const wanted = Number(values.events);
const runs = Number(values.runs);

async function buildLog(target: number): Promise<StoredEvent[]> {
  const store = createMemoryStore();
  const clock = createFixedClock('2026-03-02T01:00:00Z');
  const evidenceStore = createMemoryEvidenceStore();
  const deps = { store, clock, calendar: TEST_CALENDAR_2026, directory: createStaticDirectory(Object.values(TEST_ACTORS)), evidence: evidenceStore };
  let n = 0;
  const run = async (actor: string, command: CommandInput) => {
    // The test evidence is uploaded as the actor would have (received at its takenAt).
    const staged = stageEvidence(evidenceStore, { commandId: `cmd-${++n}`, ...command } as ChainCommand, actor, clock.now());
    const result = await handleCommand(deps, staged, actor);
    if ('rejection' in result) throw new Error(`${command.type}: ${result.rejection.code} ${result.rejection.message.en}`);
  };
  const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  let batch = 0;
  while (store.unsafeLog.length < target) {
    const ids = Array.from({ length: 50 }, (_, i) => `H-${batch}-${i}`);
    batch += 1;
    for (const id of ids) {
      clock.advance(1_000);
      await run('grid-g1', reportCommand(id, { evidence: evidence(id, 'photo_before', 1, clock.now().toISOString()) }));
    }
    for (const id of ids) {
      clock.advance(1_000);
      await run('grid-g1', { type: 'issue_notice', hazardId: id });
    }
    clock.advance(3_600_000);
    const takenAt = clock.now().toISOString();
    clock.advance(60_000);
    const submit = (id: string, tag: string) =>
      run('owner-e1', {
        type: 'submit_rectification',
        hazardId: id,
        evidence: [...evidence(`${id}-${tag}`, 'photo_before', 1), ...evidence(`${id}-${tag}`, 'photo_after', 2, takenAt)],
        note: reason('已整改，附照片', 'fixed, photos attached'),
      });
    for (const id of ids) await submit(id, 's1');
    for (const [i, id] of ids.entries()) {
      clock.advance(1_000);
      if (i % 5 === 0) {
        await run('grid-g1', { type: 'reject', hazardId: id, reason: reason('报警器未与切断阀联动', 'alarm not interlocked with the shut-off valve') });
        await submit(id, 's2');
      }
      await run('grid-g1', { type: 'verify', hazardId: id });
      await run('grid-g1', { type: 'close', hazardId: id });
    }
    clock.advance(3_600_000);
  }
  return (await store.readLog(1, target + 1_000)).slice(0, target);
}

async function main() {
  const t0 = performance.now();
  let log: StoredEvent[];
  const reuse = values.log !== undefined && existsSync(values.log);
  if (reuse && values.log) {
    log = (JSON.parse(readFileSync(values.log, 'utf8')) as StoredEvent[]).slice(0, wanted);
    if (log.length < wanted) throw new Error(`${values.log} holds only ${log.length} events`);
  } else {
    log = await buildLog(wanted);
    if (values.log) writeFileSync(values.log, JSON.stringify(log));
  }
  const bytes = log.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
  console.log(
    `${reuse ? 'loaded' : 'built'} ${log.length} events (${new Set(log.map((e) => e.hazardId)).size} hazards, ~${Math.round(bytes / log.length)} chars of JSON each) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const time = (label: string, options: Parameters<typeof verifyChain>[1]) => {
    let best = Infinity;
    let bestCpu = Infinity;
    const all: number[] = [];
    for (let r = 0; r < runs; r++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = verifyChain(log, options);
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      if (!result.ok || result.size !== log.length) throw new Error(`chain does not verify: ${JSON.stringify(result)}`);
      all.push(ms);
      best = Math.min(best, ms);
      bestCpu = Math.min(bestCpu, cpuMs);
    }
    const perSecond = (log.length / best) * 1000;
    console.log(
      `${label}: ${Math.round(perSecond).toLocaleString('en-US')} events/s; ${(100_000 / perSecond).toFixed(3)} s per 100 000 events ` +
        `(best of ${runs}; runs ms: ${all.map((ms) => ms.toFixed(0)).join(', ')}; best CPU time ${((bestCpu * 100_000) / log.length / 1000).toFixed(3)} s per 100 000)`,
    );
    return bestCpu;
  };

  const ratios: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const cpu: Record<string, number> = {};
    for (const implementation of pass === 0 ? (['native', 'noble'] as const) : (['noble', 'native'] as const)) {
      if (selectSha256(implementation) !== implementation) throw new Error('node:crypto is not available');
      cpu[implementation] = time(`verifyChain (default path, ${implementation === 'native' ? 'node:crypto — the default on Node' : '@noble/hashes — the default in browsers'})`, {});
    }
    ratios.push(cpu.native! / cpu.noble!);
  }
  selectSha256('native');
  console.log(`best CPU time node:crypto ÷ @noble/hashes: ${ratios.map((r) => r.toFixed(2)).join(', ')} (two passes, alternating)`);
  if (values['per-call']) {
    // @noble/hashes is a dependency of @anjian/core, not of the repository root.
    const fromCore = createRequire(createRequire(import.meta.url).resolve('@anjian/core/package.json'));
    const load = (name: string) => import(pathToFileURL(fromCore.resolve(name)).href);
    const { sha256 } = (await load('@noble/hashes/sha2.js')) as { sha256: (bytes: Uint8Array) => Uint8Array };
    const encoder = new TextEncoder();
    time('verifyChain (@noble/hashes sha256(bytes) per call)', { sha256Hex: (text) => Buffer.from(sha256(encoder.encode(text))).toString('hex') });
  }
  if (values.native) time('verifyChain (node:crypto sha256Hex)', { sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex') });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
