import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve } from './evolve.js';
import { foldEvents } from './handle-command.js';
import type { ChainEvent, EventDataMap, EventType, HazardState } from './types.js';

// foldEvents applies each event to the state it is folding in place (evolveOwned) where a
// fold of `evolve` copies the state per event: the two must give the same state, key order
// included, for any sequence of events, and `evolve` must still leave its input untouched.

const ev = (id: string) => [{ id, kind: 'photo_after', sha256: 'a'.repeat(64), takenAt: '2026-10-01T00:00:00.000Z' }];
const officers = [
  { id: 'o1', role: 'enforcement' },
  { id: 'o2', role: 'enforcement' },
];
const penalty = { kind: 'fine', article: 'x', amount: 1000 };

/** Data for each event type: what evolve reads, in one or two variants (`n` picks one). */
const DATA: { [T in EventType]: (n: number) => Record<string, unknown> } = {
  reported: (n) => ({
    title: `t${n}`,
    level: n % 2 ? 'major' : 'general',
    provisional: n % 3 === 0,
    basis: [],
    deadline: { workingDays: 5 },
    runningDeadline: '2026-10-20T00:00:00.000Z',
    pack: { id: 'p', version: '1' },
    domain: 'kitchen',
    area: 'A',
    enterpriseId: 'e1',
    source: 'grid_patrol',
    evidence: ev(`r${n}`),
    ...(n % 2 ? { premisesId: 'pr1', manual: true } : {}),
  }),
  reclassified: (n) => ({ from: 'general', to: n % 2 ? 'major' : 'simple', reason: {}, ...(n % 3 ? { runningDeadline: '2026-10-21T00:00:00.000Z' } : {}) }),
  level_confirmed: (n) => ({ from: 'general', to: n % 2 ? 'major' : 'general', reason: {} }),
  notice_issued: (n) => ({ deadline: `2026-10-2${n % 10}T00:00:00.000Z`, policy: { workingDays: 5 }, noticeNo: 'n', note: {} }),
  rectification_submitted: (n) => ({ evidence: ev(`s${n % 3}`), note: {} }),
  verified: () => ({}),
  rejected: () => ({ reason: {} }),
  extension_requested: () => ({ extension: { workingDays: 3 }, reason: {} }),
  extension_granted: (n) => ({ from: 'x', to: `2026-11-0${n % 10}T00:00:00.000Z` }),
  extension_denied: () => ({ reason: {} }),
  escalated: (n) => ({ reason: {}, ...(n % 2 ? { overdueDeadline: '2026-10-22T00:00:00.000Z' } : {}) }),
  case_filed: (n) => ({ caseNo: `c${n}` }),
  listed_for_supervision: () => ({ authority: 'city' }),
  plan_submitted: (n) => ({ plan: { deadline: `2026-12-0${n % 10}T00:00:00.000Z`, steps: ['a'] } }),
  plan_approved: () => ({ deadline: '2026-12-01T00:00:00.000Z' }),
  stop_work_ordered: () => ({ scope: 'kitchen', reason: {} }),
  stop_work_lifted: (n) => (n % 2 ? { evidence: ev(`l${n}`) } : {}),
  delisted: () => ({}),
  accepted: (n) => ({ ...(n % 2 ? { evidence: ev(`a${n}`), officers } : {}) }),
  closed: () => ({}),
  reopened: (n) => ({ reason: {}, ...(n % 2 ? { runningDeadline: '2026-10-25T00:00:00.000Z' } : {}) }),
  spot_checked: (n) => ({ result: n % 2 ? 'fail' : 'pass', ...(n % 2 ? { runningDeadline: '2026-10-26T00:00:00.000Z' } : {}) }),
  due_soon_warned: (n) => ({ deadline: `d${n}` }),
  overdue_noticed: (n) => ({ deadline: `d${n}` }),
  penalty_notified: (n) => ({ penalty, statementDeadline: 's', hearingRight: n % 2 === 1, ...(n % 2 ? { hearingDeadline: 'h', officers } : {}) }),
  statement_recorded: (n) => ({ statement: {}, hearingRequested: n % 2 === 1 }),
  hearing_held: () => ({ report: {} }),
  hearing_withdrawn: () => ({ reason: {} }),
  penalty_decided: () => ({ penalty, statementHeard: true }),
};
const TYPES = Object.keys(DATA) as EventType[];
const ACTORS = [
  { id: 'g1', role: 'grid' },
  { id: 'o1', role: 'enforcement' },
  { id: 'e1', role: 'enterprise' },
] as const;

/** The event types of the pinned digest: every type but those added after it was taken. */
const PINNED_TYPES = TYPES.filter((t) => t !== 'hearing_withdrawn');

/** A log of one hazard: a report, then the given steps (event types need not follow the chain's edges: evolve is total). */
function log(steps: readonly [number, number, number][], types: readonly EventType[] = TYPES): ChainEvent[] {
  return [[0, 0, 0] as const, ...steps].map(([t, n, a], i) => {
    const type = i === 0 ? 'reported' : (types[t % types.length] as EventType);
    const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
    return {
      id: `H/${i + 1}`,
      hazardId: 'H',
      version: i + 1,
      type,
      actor: ACTORS[a % ACTORS.length],
      commandId: `c${i}`,
      recordedAt: at,
      occurredAt: at,
      pack: { id: 'p', version: '1' },
      data: DATA[type](n) as EventDataMap[typeof type],
      prevHash: `p${i}`,
      hash: `h${i}`,
    } as ChainEvent;
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

const PINNED = 'beba84a4b92bdbd14eb11d622ff259d48433e8958e0df8dfaae6428377465069';
const steps = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 });

describe('foldEvents folds in place what evolve folds with a copy per event', () => {
  it('gives the state a fold of evolve gives after every event, with the same key order (property, fixed seed)', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const events = log(s);
        let copied: HazardState | null = null;
        for (let i = 0; i < events.length; i++) {
          copied = evolve(copied, events[i] as ChainEvent);
          const folded = foldEvents(events.slice(0, i + 1));
          expect(folded).toStrictEqual(copied);
          expect(JSON.stringify(folded)).toBe(JSON.stringify(copied));
        }
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('gives the states evolve gave before it could fold in place (digest of every state, pinned)', () => {
    // Taken with evolve as it was before evolveOwned (one `{ ...state, … }` per event, reads of the previous state),
    // before the state had `caseFiledAt` (left out here; the case's instant is checked below) and before a hearing
    // request could be withdrawn (no hearing_withdrawn events; the proceeding's `hearingWithdrawn` is left out, always null).
    const hash = createHash('sha256');
    for (const s of fc.sample(steps, { seed: 61206, numRuns: 300 })) {
      const events = log(s, PINNED_TYPES);
      for (let i = 1; i <= events.length; i++) {
        const { caseFiledAt, rectificationSubmittedAt, closedAt, evidenceHashes, acceptedAt, rejectedRectifications, ...before } = foldEvents(events.slice(0, i))!;
        if (before.penalty) {
          // … and before the statement said whether the party recorded it itself (byParty, left out: checked against its event).
          const { hearingWithdrawn, ...proceeding } = before.penalty;
          expect(hearingWithdrawn).toBeNull();
          if (proceeding.statement) {
            const { byParty, ...statement } = proceeding.statement;
            const last = events
              .slice(0, i)
              .reverse()
              .find((e) => e.type === 'statement_recorded');
            expect(byParty).toBe(last?.actor.role === 'enterprise');
            proceeding.statement = statement as typeof proceeding.statement;
          }
          before.penalty = proceeding as typeof before.penalty;
        }
        // the latest case_filed since the (last) reported event, which starts the state afresh
        const since = events.slice(0, i).reduce<string | null>((at, e) => (e.type === 'reported' ? null : e.type === 'case_filed' ? e.recordedAt : at), null);
        expect(caseFiledAt).toBe(since);
        // … and before it kept when the latest rectification was submitted and when it was closed (left out: checked
        // here — the latest such event since the report, and since the last reopening or failed spot check).
        const latest = (type: EventType) =>
          events
            .slice(0, i)
            .reduce<string | null>(
              (at, e) =>
                e.type === 'reported' || e.type === 'reopened' || (e.type === 'spot_checked' && (e.data as { result: string }).result === 'fail') ? null : e.type === type ? e.recordedAt : at,
              null,
            );
        expect(rectificationSubmittedAt).toBe(latest('rectification_submitted'));
        expect(closedAt).toBe(latest('closed'));
        // … and before it kept the content hashes of its evidence and when it was accepted (left out: every hash the
        // events since the (last) report record, in order, once; the latest acceptance as the closing above).
        const sinceReport = events.slice(0, i).filter((_, j, all) => !all.slice(j + 1).some((e) => e.type === 'reported'));
        const hashes = sinceReport.flatMap((e) => ((e.data as { evidence?: { sha256: string }[] }).evidence ?? []).map((x) => x.sha256));
        expect(evidenceHashes).toEqual([...new Set(hashes)]);
        expect(acceptedAt).toBe(latest('accepted'));
        // … and before it kept the rectifications rejected (left out: each rejection since the report, with the
        // submission it rejected — the latest since the report, a reopening or a failed spot check — and its hashes).
        let submission: { at: string | null; sha256: string[] } = { at: null, sha256: [] };
        const rejections: { submittedAt: string | null; rejectedAt: string; sha256: string[] }[] = [];
        for (const e of sinceReport) {
          const evidence = ((e.data as { evidence?: { sha256: string }[] }).evidence ?? []).map((x) => x.sha256);
          if (e.type === 'rectification_submitted') submission = { at: e.recordedAt, sha256: evidence };
          if (e.type === 'reopened' || (e.type === 'spot_checked' && (e.data as { result: string }).result === 'fail')) submission = { at: null, sha256: [] };
          if (e.type === 'rejected') rejections.push({ submittedAt: submission.at, rejectedAt: e.recordedAt, sha256: submission.sha256 });
        }
        expect(rejectedRectifications).toEqual(rejections.length === 0 ? undefined : rejections);
        hash.update(`${JSON.stringify(before)}\n`);
      }
    }
    expect(hash.digest('hex')).toBe(PINNED);
  });

  it('covers every event type', () => {
    const events = log(TYPES.flatMap((_, t) => [[t, 0, 1] as [number, number, number], [t, 1, 2] as [number, number, number]]));
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(TYPES));
    expect(foldEvents(events)).toStrictEqual(events.reduce<HazardState | null>(evolve, null));
  });

  it('evolve changes neither the state it is given nor the event (deep-frozen inputs, property, fixed seed)', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const events = log(s).map(deepFreeze);
        let state: HazardState | null = null;
        for (const event of events) {
          const before = JSON.stringify(state);
          // Strict mode: writing to a frozen state throws.
          const next = evolve(state === null ? null : deepFreeze(state), event);
          expect(JSON.stringify(state)).toBe(before);
          expect(next).not.toBe(state);
          state = next;
        }
      }),
      { seed: 1206, numRuns: 200 },
    );
  });

  it('each foldEvents call returns a fresh state: folding more events later leaves an earlier result as it was', () => {
    const events = log([
      [TYPES.indexOf('notice_issued'), 1, 1],
      [TYPES.indexOf('rectification_submitted'), 1, 2],
      [TYPES.indexOf('verified'), 0, 0],
    ]);
    const early = foldEvents(events.slice(0, 2));
    const text = JSON.stringify(early);
    const late = foldEvents(events);
    expect(late).not.toBe(early);
    expect(JSON.stringify(early)).toBe(text);
    expect(late?.status).toBe('verified');
  });
});
