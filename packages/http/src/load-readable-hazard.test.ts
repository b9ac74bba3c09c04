import { createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, handleCommand, type ChainDeps } from '@anjian/core';
import { createFixedClock, reportCommand, stageEvidence, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '@anjian/core/testing';
import { describe, expect, it } from 'vitest';
import { loadReadableHazard } from './load-readable-hazard.js';
import type { RouteContext } from './types.js';

// A hazard id cannot begin with permit: (core refuses it: the namespace of permit attachments).
// A store may still hold one written before that rule; no hazard route may serve it — reading it
// would read the permit's attachments as its evidence (GET /evidence/{id}) or bind uploads into the
// permit's namespace (POST /hazards/{id}/evidence). Every hazard route goes through loadReadableHazard.
describe('loadReadableHazard', () => {
  it('a stored hazard whose id is in the permit namespace is not found, whoever asks', async () => {
    const clock = createFixedClock('2026-11-02T01:00:00Z');
    const store = createMemoryStore();
    const evidence = createMemoryEvidenceStore();
    const deps: ChainDeps = { store, clock, directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES), calendar: TEST_CALENDAR_2026, evidence };
    const result = await handleCommand(deps, stageEvidence(evidence, reportCommand('H-1'), 'grid-g1', clock.now()), 'grid-g1');
    expect('events' in result).toBe(true);
    const events = (await store.load('H-1'))!;
    // The same history under a legacy id (the store reads back what it holds).
    const legacy = { ...store, load: async (id: string) => (id === 'permit:P-1' || id === 'PERMIT:P-1' ? events : store.load(id)) };
    const ctx = { deps: { store: legacy, directory: deps.directory }, actorId: 'grid-g1' } as unknown as Pick<RouteContext, 'deps' | 'actorId'>;
    expect((await loadReadableHazard(ctx, 'H-1'))?.state.hazardId).toBe('H-1');
    expect(await loadReadableHazard(ctx, 'permit:P-1')).toBeNull();
    expect(await loadReadableHazard(ctx, 'PERMIT:P-1')).toBeNull();
  });
});
