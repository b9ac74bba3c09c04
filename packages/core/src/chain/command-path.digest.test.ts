import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { selectSha256 } from './hash-event.js';
import { createHarness } from './chain-harness.test-util.js';
import { evidence, reportCommand } from '../testing/chain-fixtures.js';
import type { CommandInput } from './chain-harness.test-util.js';

const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// One SHA-256 over everything a fixed sequence of commands writes and returns: events with
// their hashes, outbox rows, list rows, denials with their messages. The digest was taken
// before the command path was made cheaper (docs/decisions/003-stores.md, "command path");
// any change to an event, a hash, an outbox row or an error message changes it. It was
// taken with @noble/hashes; node:crypto (the default on Node) must write the same chains.
// Re-taken when issue_notice stopped taking a typed noticeNo (the register numbers notices):
// the sequence sends none now, and the command path before that change wrote this same digest
// for it. Re-taken when INVALID_TRANSITION refusals came to name the command, the hazard's level
// and status and where the command is possible (3995e5f): the sequence's refused commands carry
// that message; the digest of its parent was the one before, and no later change moved it.
// Re-taken when a refused upload came to be located (/evidence/N) and told where it is bound: the
// sequence's nine submissions of H-0's uploads to H-1…H-9 carry that message and pointer; every
// other result, event, outbox row, list row and denial was unchanged.
const EXPECTED = '266ced2832a96344d18003293ed019fa001544d587b43569e85e41a697c529f1';

describe('the command path writes byte-identical output', () => {
  afterAll(() => {
    selectSha256('native');
  });

  it.each(['noble', 'native'] as const)('a fixed sequence of accepted and refused commands (SHA-256 from %s)', async (implementation) => {
    expect(selectSha256(implementation)).toBe(implementation);
    const h = createHarness('2026-09-29T02:00:00Z');
    const results: unknown[] = [];
    const send = async (actorId: string, command: CommandInput) => results.push(await h.send(actorId, { commandId: `c-${results.length}`, ...command } as CommandInput));
    const policies = [{ workingDays: 7 }, { workingDays: 1 }, { days: 3 }, { hours: 30 }, 'immediate'] as const;
    for (let n = 0; n < 10; n++) {
      const id = `H-${n}`;
      await send('grid-g1', reportCommand(id, { deadline: policies[n % policies.length], evidence: evidence(id, 'photo_before', 1, '2026-09-29T01:55:00Z') }));
      await send('grid-g1', { type: 'issue_notice', hazardId: id });
      if (n % 3 === 0) {
        await send('owner-e1', { type: 'request_extension', hazardId: id, extension: { workingDays: 5 }, reason: reason('报警器缺货', 'alarm out of stock') });
        await send('owner-e1', { type: 'grant_extension', hazardId: id });
        await send('grid-g1', { type: 'grant_extension', hazardId: id });
        await send('grid-g1', { type: 'grant_extension', hazardId: id });
      }
      h.clock.advance(3_600_000);
      await send('owner-e1', { type: 'submit_rectification', hazardId: id, evidence: [...evidence('old', 'photo_before', 1), ...evidence('old', 'photo_after', 2, '2026-09-28T08:00:00Z')] });
      await send('owner-e2', { type: 'submit_rectification', hazardId: id, evidence: [...evidence(`x${n}`, 'photo_before', 1), ...evidence(`x${n}`, 'photo_after', 2)] });
      await send('owner-e1', { type: 'submit_rectification', hazardId: id, evidence: [...evidence(`r${n}`, 'photo_before', 1), ...evidence(`r${n}`, 'photo_after', 2)] });
      await send('owner-e1', { type: 'verify', hazardId: id });
      if (n % 2 === 0) {
        await send('grid-g1', { type: 'reject', hazardId: id, reason: { 'zh-CN': '' } });
        await send('grid-g1', { type: 'reject', hazardId: id, reason: reason('报警器未与切断阀联动', 'alarm not interlocked with the shut-off valve') });
        await send('owner-e1', { type: 'submit_rectification', hazardId: id, evidence: [...evidence(`s${n}`, 'photo_before', 1), ...evidence(`s${n}`, 'photo_after', 2)] });
      }
      await send('grid-g1', { type: 'verify', hazardId: id, note: reason('现场复查合格', 'checked on site') });
      await send('grid-g1', { type: 'close', hazardId: id });
      await send('grid-g1', { type: 'close', hazardId: id });
      await send('grid-g1', { type: 'issue_notice', hazardId: `${id}-none` });
      await send('grid-g1', reportCommand(`${id}-bad`, { deadline: { workingDays: 0 } }));
      h.clock.advance(86_400_000 + n * 60_000);
    }
    const store = h.store;
    const written = JSON.stringify({
      results,
      log: store.unsafeLog,
      outbox: [...store.unsafeOutbox.values()],
      summaries: [...store.unsafeSummaries.values()],
      denials: await store.readDenials(1, 10_000),
    });
    expect(store.unsafeLog.length).toBeGreaterThan(60);
    expect(createHash('sha256').update(written).digest('hex')).toBe(EXPECTED);
  });
});
