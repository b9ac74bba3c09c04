import type { Engine, Event } from 'json-rules-engine';
import type { JsonRulesEngineExport } from '@anjian/core/internal';

/** A json-rules-engine Engine loaded with a pack's exported rules (see the .mjs). */
export function createReferenceEngine(exported: JsonRulesEngineExport): Engine;

/** Fired hazard rule ids and completed composites for one record, and the raw events. */
export function firedByReference(
  engine: Engine,
  exported: JsonRulesEngineExport,
  record: { premises?: string; inspectedAt?: string; findings: Record<string, unknown> },
): Promise<{ fired: Set<string>; events: Event[] }>;
