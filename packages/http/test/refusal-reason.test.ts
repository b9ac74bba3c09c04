/**
 * A refused command's 403 carries a machine-readable `reason` (issue 22, item 12): asserted
 * over HTTP for a role refusal, and for every kind from core's permission table.
 */
import { HAZARD_LEVELS, HAZARD_STATUSES, type ChainCommand, type HazardState } from '@anjian/core';
import { COMMAND_TYPES, createStaticDirectory, explainAuthorization, type DenialReason } from '@anjian/core/internal';
import { TEST_ACTORS, TEST_ENTERPRISES } from '@anjian/core/testing';
import { describe, expect, it } from 'vitest';
import { refusalReason, REFUSAL_REASONS, type RefusalReason } from '../src/refusal-reason.js';
import { createHarness } from './harness.js';

const MAPPED: Record<DenialReason, RefusalReason> = {
  role: 'ROLE',
  level: 'LEVEL',
  status: 'STATE',
  relation: 'SCOPE',
  reporter: 'SEPARATION_OF_DUTIES',
  rectifier: 'SEPARATION_OF_DUTIES',
  downgrade: 'DOWNGRADE',
};

describe('403 refusal reasons', () => {
  it('answers a role refusal with reason ROLE in the problem body, documented in the OpenAPI problem schema', async () => {
    const h = await createHarness();
    const id = await h.seed('H-REASON');
    const refused = await h.call('owner-e1', 'POST', `/hazards/${id}/commands`, { body: { type: 'issue_notice' }, headers: { 'idempotency-key': 'owner-notice' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    const openapi = (await h.call(null, 'GET', '/openapi.json')).body;
    const problems = Object.values(openapi.components.schemas as Record<string, { title?: string; properties?: Record<string, { enum?: string[] }> }>);
    expect(problems.find((p) => p.title === 'Problem 403')?.properties?.reason?.enum).toEqual([...REFUSAL_REASONS]);
    expect(problems.find((p) => p.title === 'Problem 422')?.properties?.reason).toBeUndefined();
  });

  it('gives UNKNOWN_ACTOR and SEPARATION_OF_DUTIES for those codes, nothing for codes that are not 403 refusals', async () => {
    const directory = createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES);
    const command = { type: 'verify', hazardId: 'H', commandId: 'c' } as ChainCommand;
    expect(await refusalReason('UNKNOWN_ACTOR', command, 'nobody', null, directory)).toBe('UNKNOWN_ACTOR');
    expect(await refusalReason('SEPARATION_OF_DUTIES', command, 'grid-g1', null, directory)).toBe('SEPARATION_OF_DUTIES');
    expect(await refusalReason('INVALID_TRANSITION', command, 'grid-g1', null, directory)).toBeUndefined();
  });

  it('names each gate of the permission table a FORBIDDEN command fails: ROLE, LEVEL, STATE, SCOPE, SEPARATION_OF_DUTIES, DOWNGRADE', async () => {
    const directory = createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES);
    const seen = new Set<RefusalReason>();
    for (const actor of Object.values(TEST_ACTORS)) {
      for (const type of COMMAND_TYPES) {
        for (const level of HAZARD_LEVELS) {
          for (const status of HAZARD_STATUSES) {
            for (const [reporterId, rectifierIds, area] of [
              ['someone', [], 'D1/G1'],
              [actor.id, [actor.id], 'D1/G1'],
              ['someone', [], 'D9/G9'],
            ] as const) {
              const state = { hazardId: 'H', level, status, domain: 'gas', area, enterpriseId: 'E1', reporterId, rectifierIds } as unknown as HazardState;
              const target = type === 'reclassify' || type === 'confirm_level' ? 'simple' : undefined;
              const command = { type, hazardId: 'H', commandId: 'c', ...(target ? { level: target } : {}) } as unknown as ChainCommand;
              const explained = explainAuthorization(actor, type, state, target);
              if (explained.allowed) continue;
              const reason = await refusalReason('FORBIDDEN', command, actor.id, state, directory);
              expect(reason, `${actor.id} ${type} ${level} ${status}`).toBe(MAPPED[explained.reason]);
              seen.add(reason as RefusalReason);
            }
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['DOWNGRADE', 'LEVEL', 'ROLE', 'SCOPE', 'SEPARATION_OF_DUTIES', 'STATE']);
  });
});
