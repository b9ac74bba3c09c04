// Test-only harness shared by the chain's tests (not exported from the package).
import { expect } from 'vitest';
import { createMemoryStore } from './memory-store.js';
import { createMemoryEvidenceStore } from './memory-evidence-store.js';
import { createMemoryDocumentServiceLog } from './memory-document-service-log.js';
import { PENALTY_NOTICE_KIND, penaltyNoticeServices } from './penalty-service.js';
import { createStaticDirectory } from './static-directory.js';
import { handleCommand, foldEvents, type ChainDeps } from './handle-command.js';
import { createFixedClock } from '../testing/fixed-clock.js';
import { stageEvidence, TEST_ACTORS, TEST_OFFICER_3, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '../testing/chain-fixtures.js';
import type { ChainCommand, ChainEvent, HazardState, RejectionCode } from './types.js';
import type { Calendar } from '../ports/calendar.js';

let counter = 0;

/** A command without its id (the harness numbers them). */
export type CommandInput = ChainCommand extends infer C ? (C extends ChainCommand ? Omit<C, 'commandId'> & { commandId?: string } : never) : never;

/** Options of {@link createHarness}. */
export interface HarnessOptions {
  /**
   * Upload each command's test evidence (see `stageEvidence`) before sending it, as the
   * actor would have. Default true; false to test the evidence rules themselves.
   */
  stage?: boolean;
  /** The working-day calendar (default the 2026 test calendar); e.g. one that counts the days it is asked about. */
  calendar?: Calendar;
  /**
   * Record the service (直接送达) of each 行政处罚告知书 at the instant its notice is recorded, as
   * an officer who hands it over on the spot would. Default true; false to serve it with
   * `serveNotice` (late, or never).
   */
  serveNotices?: boolean;
}

/** A memory store and evidence store, a fixed clock at `start`, the test directory and calendar, and helpers. */
export function createHarness(start: string, options: HarnessOptions = {}) {
  const store = createMemoryStore();
  const evidence = createMemoryEvidenceStore();
  const clock = createFixedClock(start);
  const directory = createStaticDirectory([...Object.values(TEST_ACTORS), TEST_OFFICER_3], TEST_ENTERPRISES);
  const documentService = createMemoryDocumentServiceLog();
  const deps: ChainDeps = {
    store,
    clock,
    directory,
    calendar: options.calendar ?? TEST_CALENDAR_2026,
    evidence,
    documentService,
    // The 行政处罚告知书 is numbered (its service is recorded against its number); nothing else is.
    documentNumbers: (events) =>
      events.filter((e) => e.type === 'penalty_notified').map((e) => ({ jurisdiction: 'D1', kind: PENALTY_NOTICE_KIND, year: Number(e.recordedAt.slice(0, 4)), eventId: e.id })),
  };
  /** Records the delivery of the hazard's latest 行政处罚告知书, served at `servedAt`, recorded now. */
  const serveNotice = async (hazardId: string, servedAt: string) => {
    const notice = (await store.readDocuments(hazardId)).filter((d) => d.kind === PENALTY_NOTICE_KIND).at(-1);
    if (!notice) throw new Error(`no penalty notice for ${hazardId}`);
    const { jurisdiction, kind, year, seq } = notice;
    const entry = { type: 'served' as const, method: 'direct' as const, recipient: '王建国', servedAt: new Date(servedAt).toISOString() };
    await documentService.recordService({ jurisdiction, kind, year, seq, hazardId, entry, actorId: 'officer-gas-d1', recordedAt: clock.now().toISOString() });
  };
  /**
   * Sends as `actorId`. The second officer a command names confirms by default (as if he had
   * authenticated on the act); `confirm.coSignerId` says who did instead (`null`: nobody).
   */
  const send = async (actorId: string, command: CommandInput, confirm: { coSignerId?: string | null } = {}) => {
    const full = { commandId: `cmd-${++counter}`, ...command } as ChainCommand;
    const named = (command as { coOfficerId?: unknown }).coOfficerId;
    const coSignerId = 'coSignerId' in confirm ? confirm.coSignerId : typeof named === 'string' ? named : null;
    const result = await handleCommand(deps, options.stage === false ? full : stageEvidence(evidence, full, actorId, clock.now()), actorId, coSignerId === null ? {} : { coSignerId });
    const notice = 'events' in result && !result.replayed ? result.events.find((e) => e.type === 'penalty_notified') : undefined;
    if (notice && options.serveNotices !== false) await serveNotice(notice.hazardId, notice.recordedAt);
    return result;
  };
  return {
    store,
    evidence,
    clock,
    directory,
    deps,
    send,
    documentService,
    serveNotice,
    /** The hazard's served 行政处罚告知书, as `handleCommand` looks them up for `decide`. */
    async served(hazardId: string) {
      return penaltyNoticeServices(await store.readDocuments(hazardId), await documentService.readService(hazardId));
    },
    /** Sends and expects events; returns them. */
    async ok(actorId: string, command: CommandInput, confirm?: { coSignerId?: string | null }): Promise<ChainEvent[]> {
      const r = await send(actorId, command, confirm);
      if ('rejection' in r) throw new Error(`${actorId} ${command.type} refused: ${r.rejection.code} ${r.rejection.message.en}`);
      return r.events;
    },
    /** Sends and expects a rejection with `code` and no new event. */
    async refused(actorId: string, command: CommandInput, code: RejectionCode, confirm?: { coSignerId?: string | null }) {
      const before = store.unsafeLog.length;
      const r = await send(actorId, command, confirm);
      expect('rejection' in r ? r.rejection.code : `accepted ${command.type}`).toBe(code);
      expect(store.unsafeLog.length).toBe(before);
    },
    async state(hazardId: string): Promise<HazardState> {
      const s = foldEvents(await store.load(hazardId));
      if (!s) throw new Error(`no hazard ${hazardId}`);
      return s;
    },
  };
}
