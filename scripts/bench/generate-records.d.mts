// (from the internal entry: a declaration file importing the package root breaks core's declaration build)
import type { Pack } from '@anjian/core/internal';

/** A seeded generator of floats in [0, 1) (mulberry32). */
export function rng(seed: number): () => number;

/**
 * Seeded findings records for a pack: every answer random around the conditions' thresholds
 * (no `baselines`: the stress mix), or the pack's compliant scenarios with a few answers
 * changed (the realistic mix). See the .mjs.
 */
export function generateRecords(
  pack: Pack,
  count: number,
  seed: number,
  baselines?: readonly { premises?: string; inspectedAt?: string; findings?: Record<string, unknown> }[],
): { premises: string; inspectedAt: string; findings: Record<string, unknown> }[];
