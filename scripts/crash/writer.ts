// Crash-harness writer process: drives hazards through the review chain (report → notice →
// rectification → verify → close) as fast as it can, issues each notice's document (hash,
// content, trail entry), and after every command or issue that the store acknowledged appends
// one line to its ack file. Now and then it replays an earlier
// command, which must change nothing. The parent kill -9s it at random.
import { appendFileSync } from 'node:fs';
import { createMemoryEvidenceStore, createStaticDirectory, handleCommand, systemClock, type ChainCommand, type EvidenceRef } from '@anjian/core';
import type { EvidenceKind } from '@anjian/core/internal';
import { documentContentDigest } from '@anjian/core/ports';
import { TEST_ACTORS, TEST_CALENDAR_2026, reportCommand } from '@anjian/core/testing';
import { openStore, type StoreKind } from './open-store.js';

async function main(): Promise<void> {
  const [kind, target, pgUrl, writerId, ackFile] = process.argv.slice(2) as [StoreKind, string, string, string, string];
  const { store } = await openStore(kind, target, pgUrl);
  // One enterprise uploads thousands of photos here: the per-uploader budget (20 files a day,
  // against one account filling the disk) is not what this harness tests, so it is lifted.
  const evidence = createMemoryEvidenceStore({ unbound: { files: Number.MAX_SAFE_INTEGER, bytes: Number.MAX_SAFE_INTEGER } });
  // Every notice takes a document number (文号) in the append's transaction: the parent checks each series is 1..n.
  const documentNumbers = (events: readonly { id: string; type: string }[]) =>
    events.filter((e) => e.type === 'notice_issued').map((e) => ({ jurisdiction: 'D1', kind: 'rectification_notice', year: 2026, eventId: e.id }));
  const deps = { store, clock: systemClock, calendar: TEST_CALENDAR_2026, directory: createStaticDirectory(Object.values(TEST_ACTORS)), evidence, documentNumbers };
  const upload = async (hazardId: string, kind: EvidenceKind, n: number): Promise<EvidenceRef> => {
    const record = await evidence.put({ bytes: new TextEncoder().encode(`${hazardId} ${kind} ${n}`), mime: 'image/jpeg', uploaderId: 'owner-e1', hazardId, receivedAt: new Date().toISOString() });
    return { id: record.id, kind };
  };
  const run = async (command: ChainCommand, actor: string) => {
    const result = await handleCommand(deps, command, actor);
    if ('rejection' in result) throw new Error(`${command.type} refused: ${result.rejection.code} ${result.rejection.message.en}`);
    if (!result.replayed) {
      appendFileSync(ackFile, `${JSON.stringify({ commandId: command.commandId, hazardId: command.hazardId, versions: result.events.map((e) => e.version) })}\n`);
    }
    return result;
  };
  for (let n = 0; ; n++) {
    const hazardId = `W${writerId}-${process.pid}-${n}`;
    const id = (step: string) => `${hazardId}:${step}`;
    const report = reportCommand(hazardId, { commandId: id('report') });
    await run(report, 'grid-g1');
    await run({ type: 'issue_notice', commandId: id('notice'), hazardId }, 'grid-g1');
    // Issue the notice's document: its hash, content and document-trail entry in one transaction
    // (decision 009). Acknowledged once the store answered; a kill before leaves it unissued.
    for (const r of await store.readDocuments(hazardId)) {
      if (r.contentHash !== null) continue;
      const content = JSON.stringify({ hazardId, kind: r.kind, number: r.seq });
      const key = { jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, seq: r.seq };
      const issued = await store.recordDocumentHash({ ...key, contentHash: documentContentDigest(content), verificationCode: `C-${r.year}-${r.seq}`, content, at: new Date().toISOString() });
      if (issued.kind !== 'recorded') throw new Error(`issuing ${r.kind} #${r.seq}: ${issued.kind}`);
      appendFileSync(ackFile, `${JSON.stringify({ document: key, contentHash: documentContentDigest(content) })}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2)); // photos are uploaded after the notice
    const submit: ChainCommand = {
      type: 'submit_rectification',
      commandId: id('submit'),
      hazardId,
      evidence: [await upload(hazardId, 'photo_before', 1), await upload(hazardId, 'photo_after', 1), await upload(hazardId, 'photo_after', 2)],
    };
    await run(submit, 'owner-e1');
    if (n % 7 === 3) {
      const replay = await run(report, 'grid-g1'); // an old command again: nothing new
      if (!replay.replayed) throw new Error('a replayed command was applied again');
    }
    await run({ type: 'verify', commandId: id('verify'), hazardId }, 'grid-g1');
    await run({ type: 'close', commandId: id('close'), hazardId }, 'grid-g1');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
