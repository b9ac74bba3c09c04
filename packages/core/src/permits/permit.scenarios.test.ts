import { describe, expect, it } from 'vitest';
import { verifyPermitChain } from './permit-chain.js';
import { applicant, applyCommand, at, attendant, iso, leader, PermitRun, reading, safety, tester, unit } from './permit-harness.test-util.js';

/** A permit applied, approved, tested and the attendant present, ready to start at minute 0. */
function ready(overrides: Parameters<typeof applyCommand>[0] = {}, approver = safety, test = reading(-10, { flammablePctVol: 0.1, o2PctVol: 20.5, flammablePctLel: 1 })) {
  const run = new PermitRun();
  run.ok(applyCommand(overrides), applicant, -60);
  run.ok({ type: 'approve' }, approver, -30);
  run.ok({ type: 'record_gas_test', reading: test }, tester, -5);
  run.ok({ type: 'attendant_present' }, attendant, -2);
  return run;
}

describe('permits: approver by grade (GB 30871-2022 附录B)', () => {
  it.each([
    ['special', leader, [safety, unit]],
    ['first', safety, [leader, unit]],
    ['second', unit, [leader, safety]],
  ] as const)('hot work %s: only the grade’s role approves', (grade, right, wrong) => {
    for (const w of wrong) {
      const run = new PermitRun();
      run.ok(applyCommand({ grade }), applicant, -60);
      expect(run.code({ type: 'approve' }, w, -30)).toBe('APPROVER_ROLE');
    }
    const run = new PermitRun();
    run.ok(applyCommand({ grade }), applicant, -60);
    expect(run.code({ type: 'approve' }, right, -30)).toBe('OK');
    expect(run.state?.approverId).toBe(right.id);
  });

  it('the approver is neither a worker nor the attendant; the attendant is not a worker', () => {
    const run = new PermitRun();
    run.ok(applyCommand(), applicant, -60);
    expect(run.code({ type: 'approve' }, { id: 'worker-1', roles: ['safety_department'] }, -30)).toBe('SEPARATION_OF_DUTIES');
    expect(run.code({ type: 'approve' }, { id: 'attendant', roles: ['safety_department'] }, -30)).toBe('SEPARATION_OF_DUTIES');
    expect(new PermitRun().code(applyCommand({ attendantId: 'worker-2' }), applicant, -60)).toBe('SEPARATION_OF_DUTIES');
  });
});

describe('permits: gas test window and limits', () => {
  it('a test 31 minutes before start is refused; 30 minutes is accepted', () => {
    const stale = ready({}, safety, reading(-31, { flammablePctVol: 0.1 }));
    expect(stale.code({ type: 'start' }, applicant, 0)).toBe('GAS_TEST_STALE');
    const fresh = ready({}, safety, reading(-30, { flammablePctVol: 0.1 }));
    expect(fresh.code({ type: 'start' }, applicant, 0)).toBe('OK');
    expect(fresh.status).toBe('in_progress');
  });

  it('LEL < 4 % gas at 0.3 % vol fails; the same reading passes for LEL ≥ 4 %', () => {
    const low = ready({ flammableLelPctVol: 2.5 }, safety, reading(-10, { flammablePctVol: 0.3 }));
    const tested = low.log.find((e) => e.type === 'gas_tested');
    expect(tested?.data).toMatchObject({ verdict: { pass: false, failures: [{ measure: 'flammable_pct_vol', value: 0.3, max: 0.2 }] } });
    expect(low.code({ type: 'start' }, applicant, 0)).toBe('NO_PASSING_TEST');
    const high = ready({ flammableLelPctVol: 5 }, safety, reading(-10, { flammablePctVol: 0.3 }));
    expect(high.code({ type: 'start' }, applicant, 0)).toBe('OK');
    const edge = ready({ flammableLelPctVol: 3.9 }, safety, reading(-10, { flammablePctVol: 0.2 }));
    expect(edge.code({ type: 'start' }, applicant, 0)).toBe('OK');
  });

  it('a later failing test replaces a passing one', () => {
    const run = ready();
    run.ok({ type: 'record_gas_test', reading: reading(-1, { flammablePctVol: 0.9 }) }, tester, -1);
    expect(run.code({ type: 'start' }, applicant, 0)).toBe('NO_PASSING_TEST');
  });

  it('an older sample cannot stand in for the latest test: a test sampled before it, or with a failing one’s instant, is refused where its time is', () => {
    const run = ready({}, safety, reading(-10, { flammablePctVol: 0.1 }));
    run.ok({ type: 'record_gas_test', reading: reading(-4, { flammablePctVol: 0.9 }) }, tester, -3);
    // A passing sample taken at minute -8 (before the failing one at -4) would make the job startable.
    for (const minute of [-8, -4]) {
      const d = run.do({ type: 'record_gas_test', reading: reading(minute, { flammablePctVol: 0.1 }) }, tester, -1);
      if (d.ok) throw new Error(`a sample at ${minute} was recorded after the one at -4`);
      expect(d.rejection).toMatchObject({ code: 'INVALID_TIME', pointer: '/reading/sampledAt' });
      expect(d.rejection.message['zh-CN']).toContain(iso(-4));
      expect(d.rejection.message.en).toContain(iso(-4));
    }
    expect(run.code({ type: 'start' }, applicant, 0)).toBe('NO_PASSING_TEST');
    // A new sample, later than the failing one, counts.
    run.ok({ type: 'record_gas_test', reading: reading(-2, { flammablePctVol: 0.1 }) }, tester, -1);
    // A second place sampled at the same instant as a passing test is recorded too.
    run.ok({ type: 'record_gas_test', reading: reading(-2, { flammablePctVol: 0.1, place: 'outlet' }) }, tester, -1);
    expect(run.code({ type: 'start' }, applicant, 0)).toBe('OK');
  });

  it('fails closed: no LEL declared for hot work, a reading without a required measure, a future sample', () => {
    expect(new PermitRun().code(applyCommand({ flammableLelPctVol: undefined }), applicant, -60)).toBe('LEL_REQUIRED');
    const run = new PermitRun();
    run.ok(applyCommand(), applicant, -60);
    expect(run.code({ type: 'record_gas_test', reading: reading(-10, { o2PctVol: 20 }) }, tester, -5)).toBe('READING_INCOMPLETE');
    expect(run.code({ type: 'record_gas_test', reading: reading(0, { flammablePctVol: 0.1 }) }, tester, -5)).toBe('INVALID_TIME');
    expect(run.code({ type: 'record_gas_test', reading: reading(-10, { flammablePctVol: Number.NaN }) }, tester, -5)).toBe('INVALID_COMMAND');
  });
});

describe('permits: validity', () => {
  it('first-grade hot work is valid 8 h; second grade 72 h; confined space 24 h', () => {
    const first = ready();
    expect(first.state?.validUntil).toBe(iso(8 * 60));
    first.ok({ type: 'start' }, applicant, 0);
    expect(first.tick(8 * 60)).toEqual([]);
    expect(first.code({ type: 'close' }, applicant, 8 * 60 + 1)).toBe('PERMIT_EXPIRED');
    expect(first.tick(8 * 60 + 1).map((e) => e.type)).toEqual(['expired']);
    expect(first.status).toBe('expired');
    expect(first.code({ type: 'resume' }, applicant, 8 * 60 + 2)).toBe('WRONG_STATUS');
    expect(first.code({ type: 'close' }, applicant, 8 * 60 + 2)).toBe('OK');
    expect(ready({ grade: 'second' }, unit).state?.validUntil).toBe(iso(72 * 60));
    expect(ready({ kind: 'confined_space', grade: 'none' }, unit, reading(-10, { o2PctVol: 20.5, flammablePctVol: 0.1 })).state?.validUntil).toBe(iso(24 * 60));
  });

  it('special-grade hot work starts only with its video attached', () => {
    const run = ready({ grade: 'special' }, leader);
    const d = run.do({ type: 'start' }, applicant, 0);
    expect(d.ok ? 'OK' : [d.rejection.code, d.rejection.message.en]).toEqual(['ATTACHMENT_MISSING', 'Starting the work needs: video (an uploaded file or a paper record number)']);
    run.ok({ type: 'start', attachments: [{ kind: 'video', source: 'paper', recordNo: 'SP-9' }] }, applicant, 0);
    expect(run.log.at(-1)?.data).toEqual({ testSampledAt: iso(-10), attachments: [{ kind: 'video', source: 'paper', recordNo: 'SP-9' }] });
  });

  it('no start before validFrom; expiry before start is recorded too', () => {
    const run = ready({ validFrom: iso(20) });
    expect(run.code({ type: 'start' }, applicant, 0)).toBe('OUTSIDE_VALIDITY');
    expect(run.tick(20 + 8 * 60 + 1).map((e) => e.type)).toEqual(['expired']);
  });

  it('no rule in force: GB 46768 confined space before 2026-05-01 is refused', () => {
    const run = new PermitRun();
    const minutesBefore = (Date.parse('2026-04-20T08:00:00Z') - Date.parse(iso(0))) / 60_000;
    const d = run.do(applyCommand({ kind: 'confined_space', grade: 'none', premises: 'general', validFrom: new Date(Date.parse('2026-04-20T09:00:00Z')).toISOString() }), applicant, minutesBefore);
    expect(d.ok ? 'OK' : d.rejection.code).toBe('NO_RULE_IN_FORCE');
  });
});

describe('permits: in progress (GB 46768-2025 confined space)', () => {
  const confined = { kind: 'confined_space', grade: 'none', premises: 'general' } as const;
  const good = (m: number) => reading(m, { o2PctVol: 20.8, flammablePctLel: 2 });
  const startWithBriefing = { type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-1' }] } as const;

  it('no start without the signed briefing (GB 46768-2025 5.3)', () => {
    const run = ready(confined, unit, good(-10));
    expect(run.code({ type: 'start' }, applicant, 0)).toBe('ATTACHMENT_MISSING');
    expect(run.code(startWithBriefing, applicant, 0)).toBe('OK');
  });

  it('a missed 15-minute reading suspends the job; resuming needs a new passing test', () => {
    const run = ready(confined, unit, good(-10));
    run.ok(startWithBriefing, applicant, 0);
    run.ok({ type: 'record_reading', reading: good(15) }, attendant, 15);
    expect(run.tick(30)).toEqual([]);
    expect(run.tick(30.5).map((e) => [e.type, e.data])).toEqual([['suspended', { reason: 'reading_missed', dueAt: iso(30) }]]);
    expect(run.code({ type: 'resume' }, applicant, 35)).toBe('NO_PASSING_TEST');
    run.ok({ type: 'record_gas_test', reading: good(36) }, tester, 36);
    expect(run.code({ type: 'resume' }, applicant, 37)).toBe('OK');
    expect(run.status).toBe('in_progress');
  });

  it('a late reading records the suspension first; a failing reading suspends', () => {
    const run = ready(confined, unit, good(-10));
    run.ok(startWithBriefing, applicant, 0);
    expect(run.ok({ type: 'record_reading', reading: good(16) }, attendant, 16).map((e) => e.type)).toEqual(['suspended', 'reading_recorded']);
    const bad = ready(confined, unit, good(-10));
    bad.ok(startWithBriefing, applicant, 0);
    const events = bad.ok({ type: 'record_reading', reading: reading(10, { o2PctVol: 18, flammablePctLel: 2 }) }, attendant, 10);
    expect(events.map((e) => e.type)).toEqual(['reading_recorded', 'suspended']);
    expect(bad.state?.suspendReason).toBe('reading_failed');
  });

  it('a monitoring reading shows the air now: one sampled longer ago than the monitoring interval is refused where its time is', () => {
    const run = ready(confined, unit, good(-10));
    run.ok(startWithBriefing, applicant, 0);
    // Sampled 40 minutes before it is recorded (inside the 24 h any sample may be back): it would keep a 15-minute job going.
    const d = run.do({ type: 'record_reading', reading: good(-26) }, attendant, 14);
    if (d.ok) throw new Error('a 40-minute-old sample counted as the 15-minute reading');
    expect(d.rejection).toMatchObject({ code: 'INVALID_TIME', pointer: '/reading/sampledAt' });
    expect(d.rejection.message['zh-CN']).toContain('15 分钟');
    expect(d.rejection.message.en).toContain('15 minutes');
    expect(run.code({ type: 'record_reading', reading: good(-2) }, attendant, 14)).toBe('INVALID_TIME');
    // A sample exactly one interval old still counts; the job goes on from when it was recorded.
    run.ok({ type: 'record_reading', reading: good(-1) }, attendant, 14);
    expect(run.state?.lastMonitoredAt).toBe(iso(14));
  });

  it('the attendant leaving suspends; only the attendant confirms being back', () => {
    const run = ready(confined, unit, good(-10));
    run.ok(startWithBriefing, applicant, 0);
    expect(run.ok({ type: 'attendant_absent' }, { id: 'officer', roles: [] }, 5).map((e) => e.type)).toEqual(['attendant_absent', 'suspended']);
    run.ok({ type: 'record_gas_test', reading: good(6) }, tester, 6);
    expect(run.code({ type: 'resume' }, applicant, 7)).toBe('ATTENDANT_ABSENT');
    expect(run.code({ type: 'attendant_present' }, applicant, 7)).toBe('NOT_ATTENDANT');
    run.ok({ type: 'attendant_present' }, attendant, 7);
    run.ok({ type: 'resume' }, applicant, 8);
    run.ok({ type: 'close' }, applicant, 20);
    expect(run.status).toBe('closed');
    expect(verifyPermitChain(run.log)).toEqual({ ok: true });
  });

  it('no start without the attendant present', () => {
    const run = new PermitRun();
    run.ok(applyCommand(), applicant, -60);
    run.ok({ type: 'approve' }, safety, -30);
    run.ok({ type: 'record_gas_test', reading: reading(-10, { flammablePctVol: 0.1 }) }, tester, -5);
    expect(run.code({ type: 'start' }, applicant, 0)).toBe('ATTENDANT_ABSENT');
  });
});

describe('permits: other kinds', () => {
  it('confined space in a hazchem enterprise (GB 30871-2022): O₂ 19.5–21 %, a record every 2 h', () => {
    const hazchem = { kind: 'confined_space', grade: 'none', premises: 'hazchem', flammableLelPctVol: 5 } as const;
    const rich = ready(hazchem, unit, reading(-10, { o2PctVol: 22, flammablePctVol: 0.1 }));
    expect(rich.code({ type: 'start' }, applicant, 0)).toBe('NO_PASSING_TEST');
    const run = ready(hazchem, unit, reading(-10, { o2PctVol: 20.5, flammablePctVol: 0.1 }));
    run.ok({ type: 'start' }, applicant, 0);
    expect(run.tick(120)).toEqual([]);
    expect(run.tick(121).map((e) => e.data)).toEqual([{ reason: 'reading_missed', dueAt: iso(120) }]);
  });

  it('work at height: no gas test, valid 7 days, readings refused', () => {
    const run = new PermitRun();
    run.ok(applyCommand({ kind: 'work_at_height', grade: undefined, premises: 'general', flammableLelPctVol: undefined, height: { heightM: 4, fallFactors: [], situations: [] } }), applicant, -60);
    run.ok({ type: 'approve' }, unit, -30);
    run.ok({ type: 'attendant_present' }, attendant, -1);
    run.ok({ type: 'start' }, applicant, 0);
    expect(run.state?.validUntil).toBe(iso(7 * 24 * 60));
    expect(run.code({ type: 'record_reading', reading: reading(5, { o2PctVol: 20 }) }, tester, 5)).toBe('INVALID_COMMAND');
    expect(run.tick(6 * 24 * 60)).toEqual([]);
  });
});

describe('permits: the log', () => {
  it('is hash-chained and a changed event is detected', () => {
    const run = ready();
    run.ok({ type: 'start' }, applicant, 0);
    expect(verifyPermitChain(run.log)).toEqual({ ok: true });
    const tampered = run.log.map((e) => (e.version === 3 ? { ...e, actorId: 'someone' } : e));
    expect(verifyPermitChain(tampered)).toEqual({ ok: false, version: 3, reason: 'hash' });
    expect(verifyPermitChain([run.log[0]!, run.log[2]!])).toMatchObject({ ok: false, reason: 'version' });
  });

  it('records the rule it applied, so later rule edits do not change history', () => {
    const run = ready();
    expect(run.log[0]?.data).toMatchObject({ rule: { id: 'gb30871.hot_work.first', validityHours: 8 }, rulesVersion: expect.any(String) });
  });

  it('every rejection carries 中文 and English', () => {
    const run = new PermitRun();
    const d = run.do({ type: 'start' }, applicant, 0);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.rejection.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(d.rejection.message.en.length).toBeGreaterThan(0);
    }
    expect(run.code({ type: 'nope' } as never, applicant, 0)).toBe('NOT_FOUND');
    run.ok(applyCommand(), applicant, -60);
    expect(run.code({ type: 'nope' } as never, applicant, 0)).toBe('INVALID_COMMAND');
  });
});

describe('permits: the approver is warned when a permit still waits for approval near its planned start', () => {
  it('one approval_due event from 60 minutes before validFrom, by the system; none once approved, cancelled or expired', async () => {
    const { permitApprovalDue, PERMIT_APPROVAL_WARNING_MINUTES } = await import('./tick-permit.js');
    const { permitNextDueAt } = await import('./permit-store-support.js');
    const { permitNotifications, PERMIT_APPROVAL_DUE_TOPIC } = await import('./permit-service.js');
    expect(PERMIT_APPROVAL_WARNING_MINUTES).toBe(60);
    const run = new PermitRun();
    run.ok(applyCommand({ validFrom: iso(120) }), applicant, -60);
    const applied = run.state!;
    // Stores list it (listDue) exactly when the warning becomes due.
    expect(permitNextDueAt(applied)).toBe(iso(60));
    expect(permitApprovalDue(applied, at(59.99))).toEqual([]);
    const [warning, ...more] = permitApprovalDue(applied, at(60));
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ type: 'approval_due', actorId: 'system', version: 2, recordedAt: iso(60), data: { validFrom: iso(120), dueAt: iso(60) } });
    const [note, ...others] = permitNotifications(applied, [warning!]);
    expect(others).toEqual([]);
    expect(note).toMatchObject({
      id: 'permit/P-1/2/permit.approval_due',
      topic: PERMIT_APPROVAL_DUE_TOPIC,
      payload: { permitId: 'P-1', permitNo: 'XK-P-1', approverRole: 'safety_department', approverId: null, validFrom: iso(120), validFromText: '2026-12-07 18:00' },
    });
    run.record([warning!]);
    expect(verifyPermitChain(run.log)).toEqual({ ok: true });
    // Once: warned, it is not due again (before the validity ends, when the expiry is).
    expect(permitApprovalDue(run.state!, at(200))).toEqual([]);
    expect(permitNextDueAt(run.state!)).toBe(new Date(Date.parse(run.state!.validUntil) + 1).toISOString());
    // The warning decides nothing: the approver still approves.
    expect(run.code({ type: 'approve' }, safety, 90)).toBe('OK');
    expect(run.log.map((e) => e.type)).toEqual(['applied', 'approval_due', 'approved']);
  });

  it('a permit applied for a start within the hour is due 15 minutes after its application; an approved, cancelled or expired one never', async () => {
    const { permitApprovalDue, PERMIT_APPROVAL_PENDING_MINUTES } = await import('./tick-permit.js');
    expect(PERMIT_APPROVAL_PENDING_MINUTES).toBe(15);
    const soon = new PermitRun();
    soon.ok(applyCommand({ validFrom: iso(0) }), applicant, -20);
    expect(permitApprovalDue(soon.state!, at(-20))).toEqual([]);
    expect(permitApprovalDue(soon.state!, at(-5.01))).toEqual([]);
    expect(permitApprovalDue(soon.state!, at(-5)).map((e) => e.type)).toEqual(['approval_due']);
    // After the planned start too (still waiting), until the validity ends.
    expect(permitApprovalDue(soon.state!, at(30)).map((e) => e.type)).toEqual(['approval_due']);
    expect(permitApprovalDue(soon.state!, at(8 * 60 + 1))).toEqual([]);
    const approved = new PermitRun();
    approved.ok(applyCommand(), applicant, -60);
    approved.ok({ type: 'approve' }, safety, -59);
    expect(permitApprovalDue(approved.state!, at(-30))).toEqual([]);
    const cancelled = new PermitRun();
    cancelled.ok(applyCommand(), applicant, -60);
    cancelled.ok({ type: 'cancel', reason: 'weather' }, applicant, -59);
    expect(permitApprovalDue(cancelled.state!, at(-30))).toEqual([]);
  });

  it('a state stored before the warning existed (no approvalDueWarnedAt) is read as not warned', async () => {
    const { permitApprovalDue } = await import('./tick-permit.js');
    const run = new PermitRun();
    run.ok(applyCommand(), applicant, -60);
    const { approvalDueWarnedAt: _gone, appliedAt: _also, ...old } = run.state!;
    expect(permitApprovalDue(old, at(-60)).map((e) => e.type)).toEqual(['approval_due']);
  });
});

describe('permits: the regime is the directory’s, not the applicant’s', () => {
  const confined = { kind: 'confined_space', grade: 'none' } as const;
  const restaurant = { id: 'E-1', name: '某某餐馆', area: '330106', regime: 'general' } as const;

  it('a declared premises is refused at /premises, even when it matches the directory', () => {
    for (const premises of ['hazchem', 'general'] as const) {
      const run = new PermitRun();
      run.regimeFromApply = false;
      run.enterprise = restaurant;
      const d = run.do(applyCommand({ ...confined, premises }), applicant, -60);
      expect(d.ok ? 'OK' : [d.rejection.code, d.rejection.pointer]).toEqual(['INVALID_COMMAND', '/premises']);
      expect(run.log).toEqual([]);
    }
  });

  it('a restaurant (general in the directory) gets the general rules: GB 46768, a reading every 15 min, the signed briefing', () => {
    const run = new PermitRun();
    run.regimeFromApply = false;
    run.enterprise = restaurant;
    run.ok(applyCommand(confined), applicant, -60);
    expect(run.state?.rule).toMatchObject({ id: 'gb46768.confined_space', premises: 'general', monitoringIntervalMinutes: 15, requiredAttachments: ['signed_briefing'] });
    expect((run.log[0]!.data as { premises: string }).premises).toBe('general');
  });

  it('an enterprise whose record states no regime, or which the directory does not know, is refused at /enterpriseId — nothing defaulted', () => {
    for (const enterprise of [{ id: 'E-1', name: '某某餐馆', area: '330106' }, null, { id: 'E-2', name: 'other', area: '330106', regime: 'hazchem' as const }]) {
      const run = new PermitRun();
      run.regimeFromApply = false;
      run.enterprise = enterprise;
      const d = run.do(applyCommand(confined), applicant, -60);
      expect(d.ok ? 'OK' : [d.rejection.code, d.rejection.pointer]).toEqual(['ENTERPRISE_REGIME_UNKNOWN', '/enterpriseId']);
      if (!d.ok) expect(d.rejection.message['zh-CN']).toMatch(/E-1/);
      if (!d.ok) expect(d.rejection.message.en).toMatch(/E-1/);
      expect(run.log).toEqual([]);
    }
  });
});
