// A landlord reads its tenant's hazard at the premises it rents to it, but not the tenant's
// penalty proceeding (安全生产法 第四十九条 gives the lessor the coordination of its lessees'
// safety, not the party's file): readAccess says how much, hazardReadView and
// mayReadDocumentKind apply it — on a real penalty story run through handleCommand.
import { describe, expect, it } from 'vitest';
import type { ActorProfile } from '../ports/directory.js';
import { reportCommand } from '../testing/chain-fixtures.js';
import { createHarness } from './chain-harness.test-util.js';
import { foldEvents } from './handle-command.js';
import { hazardReadView, LANDLORD_DOCUMENT_KINDS, landlordReadsEvent, mayReadDocumentKind } from './hazard-read-view.js';
import { readAccess } from './read-policy.js';

const why = { 'zh-CN': '理由', en: 'reason' };
const co = { coOfficerId: 'officer2-gas-d1' };
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine' as const, fineAmount });

const tenancy = { premisesId: 'PA', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'E1', area: 'D1/G1', period: 1, startedAt: '2026-01-01T00:00:00.000Z' };
const landlord: ActorProfile = { id: 'landlord', roles: ['enterprise'], enterpriseIds: ['L1'], tenancies: [tenancy] };
const tenant: ActorProfile = { id: 'tenant', roles: ['enterprise'], enterpriseIds: ['E1'], tenancies: [tenancy] };
const landlordAndTenant: ActorProfile = { id: 'both', roles: ['enterprise'], enterpriseIds: ['L1', 'E1'], tenancies: [tenancy] };
const atPa = { enterpriseId: 'E1', area: 'D1/G1', domain: 'gas', premisesId: 'PA', createdAt: '2026-11-02T01:00:00.000Z' };

describe('readAccess', () => {
  it('full for who reads the hazard in its own right, premises for a landlord only through a tenancy, null outside', () => {
    expect(readAccess(tenant, atPa)).toBe('full');
    expect(readAccess(landlord, atPa)).toBe('premises');
    // owning the tenant too is reading it in its own right
    expect(readAccess(landlordAndTenant, atPa)).toBe('full');
    expect(readAccess({ id: 'g', roles: ['grid'], gridAreas: ['D1'] }, atPa)).toBe('full');
    expect(readAccess({ id: 'a', roles: ['department_admin'] }, atPa)).toBe('full');
    expect(readAccess(landlord, { ...atPa, premisesId: 'PB' })).toBeNull();
    expect(readAccess(landlord, { ...atPa, createdAt: '2025-12-31T00:00:00.000Z' })).toBeNull(); // before the tenancy
  });
});

describe('mayReadDocumentKind', () => {
  it('a landlord reads the rectification documents concerning the premises, not the case and penalty documents, nor an unknown kind', () => {
    for (const kind of ['rectification_notice', 'rectification_order', 'review_opinion', 'stop_work_order', 'supervision_listing_notice'])
      expect(mayReadDocumentKind('premises', kind), kind).toBe(true);
    for (const kind of ['inspection_record', 'case_filing_approval', 'penalty_notice', 'penalty_decision', 'major_hazard_writeoff_approval', 'hearing_record', 'x'])
      expect(mayReadDocumentKind('premises', kind), kind).toBe(false);
    for (const kind of ['penalty_decision', 'penalty_notice', 'x']) expect(mayReadDocumentKind('full', kind)).toBe(true);
    expect(Object.isFrozen(LANDLORD_DOCUMENT_KINDS)).toBe(true);
  });
});

describe('landlordReadsEvent', () => {
  it('every event of the hazard and its rectification, none of the penalty proceeding, nothing unknown', () => {
    for (const type of ['reported', 'notice_issued', 'rectification_submitted', 'verified', 'stop_work_ordered', 'listed_for_supervision', 'closed'] as const)
      expect(landlordReadsEvent(type), type).toBe(true);
    for (const type of ['case_filed', 'penalty_notified', 'statement_recorded', 'hearing_held', 'hearing_withdrawn', 'penalty_decided'] as const) expect(landlordReadsEvent(type), type).toBe(false);
    expect(landlordReadsEvent('toString')).toBe(false);
    expect(landlordReadsEvent('penalty_executed')).toBe(false);
  });
});

describe('hazardReadView', () => {
  it("a landlord's view of a hazard through its case, penalty notice and the party's statement keeps the hazard and its rectification, not the proceeding", async () => {
    const h = createHarness('2026-11-02T01:00:00Z');
    const id = 'H-L';
    await h.ok('grid-g1', reportCommand(id, { level: 'general' }));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: id });
    await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: why });
    await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, ...co });
    await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: fine(20_000), ...co });
    await h.ok('owner-e1', { type: 'record_statement', hazardId: id, statement: { 'zh-CN': '法定代表人王建国陈述：已更换软管' }, hearingRequested: false });
    const events = await h.store.load(id);
    const state = foldEvents(events)!;
    expect(state.penalty?.notified).toMatchObject({ fineAmount: 20_000 });

    const full = hazardReadView('full', state, events!);
    expect(full).toEqual({ state, history: [...events!], access: 'full' });

    const view = hazardReadView('premises', state, events!);
    expect(view.access).toBe('premises');
    expect(view.history.map((e) => e.type)).toEqual(['reported', 'notice_issued', 'escalated']);
    expect('penalty' in view.state).toBe(false);
    expect(view.state.caseNo).toBeNull();
    // The hazard itself stays: its stage, level, deadline, premises.
    expect([view.state.hazardId, view.state.status, view.state.level, view.state.deadline]).toEqual([id, state.status, state.level, state.deadline]);
    const text = JSON.stringify(view);
    for (const secret of ['20000', '王建国', 'work-safety-law-2021/102', 'statementDeadline']) expect(text, secret).not.toContain(secret);
  });
});
