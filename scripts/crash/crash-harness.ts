// The kill -9 crash harness (docs/security.md T14): N writer processes drive the review chain,
// the parent SIGKILLs them at random and restarts them, then checks that every
// acknowledged command is present exactly once, versions are contiguous, the hash chain
// verifies, every event has its outbox row and the list rows match the log.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredEvent } from '@anjian/core';
import { verifyAudit, verifyChain } from '@anjian/core/audit';
import { bundleHarness } from '../test-utils/bundle-harness.js';
import { seededRandom } from '../test-utils/seeded-random.js';
import { openStore, type StoreKind } from './open-store.js';

export interface CrashOptions {
  store: StoreKind;
  /** Folder for the database file, ack files and the bundled writer. */
  workDir: string;
  /** The writer, bundled before by {@link bundleCrashWriter} (a test file's runs share one); bundled into `workDir` when absent. */
  writerBundle?: string;
  writers: number;
  kills: number;
  /** Keep killing until at least this many transitions were acknowledged. */
  minTransitions: number;
  /** PostgreSQL connection (store `postgres`). */
  pgUrl?: string;
  seed?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  store: StoreKind;
  writers: number;
  kills: number;
  acknowledgedCommands: number;
  committedTransitions: number;
  lostAcknowledged: number;
  duplicateCommands: number;
  versionGaps: number;
  chainBreaks: number;
  eventsWithoutOutbox: number;
  listRowMismatches: number;
  /** Document numbers (文号): missing or repeated numbers in the series, notices without a number or with two, numbers of no event. */
  documentNumberGaps: number;
  documentNumberDuplicates: number;
  noticesWithoutNumber: number;
  numbersWithoutEvent: number;
  /** Numbers allocated in the series. */
  documentNumbers: number;
  /** Documents issued (hash, content, trail entry) and acknowledged by the store; of them, any whose hash or trail entry is missing or other. */
  issuesAcknowledged: number;
  issuesLost: number;
  /** Entries in the document trail (decision 009). */
  trailEntries: number;
  /** What `verifyAudit` finds about the document trail and the issued documents (problems, not notices). */
  documentAuditProblems: number;
  integrity: string;
  writerErrors: string[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
// The bundled writer loads the native drivers from the store packages.
const NODE_PATH = [join(root, 'packages/store-sqlite/node_modules'), join(root, 'packages/store-postgres/node_modules')].join(':');

/** Bundles the writer process (writer.ts) under `outDir`; returns the file `node` runs. */
export function bundleCrashWriter(outDir: string): Promise<string> {
  return bundleHarness(fileURLToPath(new URL('./writer.ts', import.meta.url)), { external: ['better-sqlite3', 'pg', 'pg-native'], outDir });
}

/** Run the harness and return its figures; throws only when the harness itself cannot run. */
export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed ?? 20261128);
  const pgUrl = options.pgUrl ?? process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  mkdirSync(options.workDir, { recursive: true });
  const target = options.store === 'sqlite' ? join(options.workDir, 'crash.db') : `anjian_crash_${process.pid}_${Date.now().toString(36)}`;
  const ackDir = join(options.workDir, 'acks');
  mkdirSync(ackDir, { recursive: true });

  // Create the schema once, before any writer races to.
  const setup = await openStore(options.store, target, pgUrl);
  await setup.close();

  const writer = options.writerBundle ?? (await bundleCrashWriter(join(options.workDir, 'bundle')));
  const errors: string[] = [];
  const children = new Map<number, ChildProcess>();
  /** Resolves when `child` has exited — also when it already had (a writer that failed on its own). */
  const exitOf = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));
  let generation = 0;
  /** The ack file of each slot's current writer: it exists once that writer has acknowledged something. */
  const ackFiles = new Map<number, string>();
  const startWriter = (slot: number) => {
    const ackFile = join(ackDir, `w${slot}-g${generation++}.jsonl`);
    ackFiles.set(slot, ackFile);
    const child = spawn(process.execPath, [writer, options.store, target, pgUrl, String(slot), ackFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_PATH },
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) errors.push(`writer ${slot} exited ${code}: ${stderr.slice(0, 500)}`);
    });
    children.set(slot, child);
  };
  for (let slot = 0; slot < options.writers; slot++) startWriter(slot);

  // Acknowledged commands (an issued document's line is not one).
  const acknowledged = () =>
    readdirSync(ackDir).reduce(
      (n, f) =>
        n +
        readFileSync(join(ackDir, f), 'utf8')
          .split('\n')
          .filter((line) => line !== '' && !line.startsWith('{"document"')).length,
      0,
    );
  let kills = 0;
  while ((kills < options.kills || acknowledged() < options.minTransitions) && errors.length === 0) {
    const slot = Math.floor(random() * options.writers);
    // Three kills in four land on a writer at work: one that has acknowledged since it started (or
    // 5 s passed), then 50–300 ms into its work. Before, on a loaded machine a restarted writer
    // spent the whole pause starting node and was killed again having done nothing, again and
    // again (at load ~20: 312 kills and 102 for the 24 asked, before 300 commands were
    // acknowledged). The fourth lands wherever the pause ends, as all did before: also in a
    // writer's start (opening the store, PostgreSQL's migrate).
    if (kills % 4 !== 3) {
      for (const until = Date.now() + 5_000; !existsSync(ackFiles.get(slot)!) && errors.length === 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 50 + random() * 250));
    const child = children.get(slot)!;
    const exited = exitOf(child);
    child.kill('SIGKILL');
    await exited;
    if (errors.length > 0) break; // a writer failed on its own: report it, do not restart it
    kills++;
    startWriter(slot);
    if (kills % 10 === 0) log(`${kills} kills, ${acknowledged()} commands acknowledged`);
  }
  await Promise.all(
    [...children.values()].map((child) => {
      const exited = exitOf(child);
      child.kill('SIGKILL');
      return exited;
    }),
  );
  return verify(options, target, pgUrl, ackDir, kills, errors);
}

async function verify(options: CrashOptions, target: string, pgUrl: string, ackDir: string, kills: number, writerErrors: string[]): Promise<CrashReport> {
  const opened = await openStore(options.store, target, pgUrl);
  const { store } = opened;
  try {
    const log: StoredEvent[] = [];
    for (let from = 1; ;) {
      const page = await store.readLog(from, 5000);
      log.push(...page);
      if (page.length < 5000) break;
      from = page[page.length - 1]!.seq + 1;
    }
    type DocumentAck = { document: { jurisdiction: string; kind: string; year: number; seq: number }; contentHash: string };
    const lines = readdirSync(ackDir).flatMap((f) =>
      readFileSync(join(ackDir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { commandId: string; hazardId: string; versions: number[] } | DocumentAck),
    );
    const acks = lines.filter((l): l is { commandId: string; hazardId: string; versions: number[] } => !('document' in l));
    const issueAcks = lines.filter((l): l is DocumentAck => 'document' in l);
    // Every acknowledged issue: its hash in the register and its entry in the document trail;
    // the trail's chain and every issued document against it (decision 009), by the audit itself.
    const trail = await store.readDocumentTrail(1, 10_000_000);
    const chained = new Map(trail.filter((e) => e.type === undefined).map((e) => [`${e.kind} ${e.year} ${e.documentSeq}`, e.contentHash]));
    const series = await store.readDocumentSeries({ jurisdiction: 'D1', kind: 'rectification_notice', year: 2026 }, 1, 10_000_000);
    const hashes = new Map(series.map((r) => [`${r.kind} ${r.year} ${r.seq}`, r.contentHash]));
    const issuesLost = issueAcks.filter((a) => {
      const k = `${a.document.kind} ${a.document.year} ${a.document.seq}`;
      return hashes.get(k) !== a.contentHash || chained.get(k) !== a.contentHash;
    }).length;
    const audit = await verifyAudit(store);
    const documentAuditProblems = audit.problems.filter((p) => p.kind === 'documents' || p.kind === 'document_trail').length + audit.documents.filter((d) => d.severity === 'problem').length;
    // Every acknowledged command: present, once, with the versions it was acknowledged with.
    const eventsByCommand = new Map<string, StoredEvent[]>();
    for (const e of log) eventsByCommand.set(e.commandId, [...(eventsByCommand.get(e.commandId) ?? []), e]);
    let lost = 0;
    let duplicates = 0;
    for (const ack of acks) {
      const events = eventsByCommand.get(ack.commandId) ?? [];
      if (events.length === 0) lost++;
      else if (events.length !== ack.versions.length || events.some((e, i) => e.version !== ack.versions[i] || e.hazardId !== ack.hazardId)) duplicates++;
    }
    // Versions contiguous per hazard, hashes and links intact, seq contiguous.
    const chain = verifyChain(log);
    const versions = new Map<string, number>();
    let gaps = 0;
    for (const e of log) {
      if (e.version !== (versions.get(e.hazardId) ?? 0) + 1) gaps++;
      versions.set(e.hazardId, e.version);
    }
    // One outbox row per event (outbox id = event id), none without an event.
    const outbox = await store.claimOutbox({ owner: 'verifier', now: '2999-01-01T00:00:00.000Z', leaseMs: 1000, limit: 10_000_000 });
    const outboxIds = new Set(outbox.map((m) => m.eventId));
    const eventsWithoutOutbox = log.filter((e) => !outboxIds.has(e.id)).length + Math.max(0, outbox.length - log.length);
    // The list row of each hazard says the version of its last event.
    let mismatches = 0;
    for (let after: string | null = null; ;) {
      const page = await store.query({}, { limit: 1000, after });
      for (const row of page.items) if (versions.get(row.hazardId) !== row.version) mismatches++;
      if (!page.next) break;
      after = page.next;
    }
    // The notices' document numbers: one series, 1..n, one number per notice event, none for an event not in the log.
    const numbers = await store.readDocumentSeries({ jurisdiction: 'D1', kind: 'rectification_notice', year: 2026 }, 1, 10_000_000);
    const seqs = new Set(numbers.map((n) => n.seq));
    const documentNumberGaps = numbers.length === 0 ? 0 : Math.max(...seqs) - seqs.size;
    const documentNumberDuplicates = numbers.length - seqs.size + (numbers.length - new Set(numbers.map((n) => n.eventId)).size);
    const numbered = new Set(numbers.map((n) => n.eventId));
    const notices = log.filter((e) => e.type === 'notice_issued');
    const eventIds = new Set(log.map((e) => e.id));
    return {
      store: options.store,
      writers: options.writers,
      documentNumberGaps: documentNumberGaps + (numbers.length > 0 && !seqs.has(1) ? 1 : 0),
      documentNumberDuplicates,
      noticesWithoutNumber: notices.filter((e) => !numbered.has(e.id)).length,
      numbersWithoutEvent: numbers.filter((n) => !eventIds.has(n.eventId)).length,
      documentNumbers: numbers.length,
      issuesAcknowledged: issueAcks.length,
      issuesLost,
      trailEntries: trail.length,
      documentAuditProblems,
      kills,
      acknowledgedCommands: acks.length,
      committedTransitions: log.length,
      lostAcknowledged: lost,
      duplicateCommands: duplicates,
      versionGaps: gaps,
      chainBreaks: chain.ok ? 0 : 1,
      eventsWithoutOutbox,
      listRowMismatches: mismatches,
      integrity: opened.integrityCheck(),
      writerErrors,
    };
  } finally {
    await opened.close();
    if (options.store === 'postgres') {
      const pg = await import('pg');
      const pool = new pg.default.Pool({ connectionString: pgUrl });
      await pool.query(`DROP SCHEMA IF EXISTS "${target}" CASCADE`);
      await pool.end();
    }
  }
}
