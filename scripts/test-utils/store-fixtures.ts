// Shared by the store adapters' own tests (the chain's conformance suite has its own).
// Hand-made events for store-level tests. The store neither checks nor computes hashes,
// so these need only the shape; the chain's own tests cover hashing and decisions.
import type { ChainEvent, HazardSummary } from '@anjian/core';
import type { AppendInput } from '@anjian/core/ports';

export function appendInput(hazardId: string, expectedVersion: number, commandId: string, at = '2026-11-28T02:00:00.000Z'): AppendInput {
  const version = expectedVersion + 1;
  const event = {
    id: `${hazardId}/${version}`,
    hazardId,
    version,
    type: version === 1 ? 'reported' : 'verified',
    actor: { id: 'grid-1', role: 'grid' },
    commandId,
    recordedAt: at,
    occurredAt: at,
    pack: { id: 'gas', version: '1.0.0' },
    data: version === 1 ? { title: { 'zh-CN': '测试' } } : {},
    prevHash: '0'.repeat(64),
    hash: `${version}`.padStart(64, 'a'),
  } as unknown as ChainEvent;
  const summary: HazardSummary = {
    hazardId,
    version,
    status: version === 1 ? 'reported' : 'verified',
    level: 'general',
    provisional: false,
    domain: 'gas',
    area: 'D1/G1',
    enterpriseId: 'E1',
    deadline: null,
    createdAt: at,
    updatedAt: at,
  };
  return {
    hazardId,
    expectedVersion,
    events: [event],
    outbox: [{ id: `out-${commandId}`, hazardId, eventId: event.id, topic: `hazard.${event.type}`, payload: { hazardId }, createdAt: at }],
    commandId,
    commandFingerprint: `fp-${commandId}`,
    summary,
  };
}
