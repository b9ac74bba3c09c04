import { handleCommand, sha256Hex, type Classification, type EvidenceRef, type FindingSource, type Pack, type Rejection, type ReportCommand } from '@anjian/core';
import type { RouteContext } from '../types.js';

/** The outcome of reporting one classified hazard into the chain. */
export interface ReportOutcome {
  rule: string;
  hazardId: string;
  ok: boolean;
  version?: number;
  replayed?: boolean;
  rejection?: Rejection;
}

/** Where the hazards of an inspection belong, read from its `subject` and `source`. */
export interface ReportTarget {
  area: string;
  enterpriseId: string;
  source: FindingSource;
  evidence: readonly EvidenceRef[];
}

/**
 * Report every hazard of a classification as one `report` command each. The hazard id and
 * command id derive from the actor, the request's `Idempotency-Key` and the rule, so a
 * retried request replays instead of reporting twice. The chain decides; this only
 * translates findings into commands.
 */
export async function reportFindings(
  ctx: RouteContext,
  pack: Pack,
  classification: Classification,
  target: ReportTarget,
  key: string,
): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = [];
  for (const finding of classification.hazards) {
    const hazardId = `hz-${sha256Hex(`${ctx.actorId}\n${key}\n${finding.rule}`).slice(0, 24)}`;
    const command: ReportCommand = {
      type: 'report',
      commandId: `${key}/${finding.rule}`,
      hazardId,
      title: finding.title,
      level: finding.level,
      provisional: finding.provisional,
      basis: finding.basis,
      deadline: finding.deadline,
      pack: { id: pack.id, version: pack.version },
      domain: pack.domain,
      area: target.area,
      enterpriseId: target.enterpriseId,
      source: target.source,
      findings: [finding],
      evidence: target.evidence,
    };
    const result = await handleCommand(ctx.deps, command, ctx.actorId as string);
    if ('rejection' in result) {
      outcomes.push({ rule: finding.rule, hazardId, ok: false, rejection: result.rejection });
    } else {
      const last = result.events[result.events.length - 1];
      outcomes.push({ rule: finding.rule, hazardId, ok: true, ...(last ? { version: last.version } : {}), ...(result.replayed ? { replayed: true } : {}) });
    }
  }
  return outcomes;
}
