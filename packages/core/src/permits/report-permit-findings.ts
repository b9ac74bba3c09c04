import { handleCommand, type ChainDeps } from '../chain/handle-command.js';
import { reportHazardId } from '../chain/report-inspection.js';
import type { Rejection, ReportCommand } from '../chain/types.js';
import { HAZARDOUS_WORK_PACK_ID, permitFindings, type PermitEvidence, type PermitObservationOptions } from './permit-findings.js';
import type { PermitEvent } from './permit-types.js';
import { reportCommandId } from '../chain/server-command-id.js';

/** One finding reported into the review chain, with the permit's events it rests on. */
export interface PermitReport {
  rule: string;
  observation: string;
  hazardId: string;
  evidence: PermitEvidence;
  ok: boolean;
  replayed?: boolean;
  rejection?: Rejection;
}

/**
 * Reports the hazards found in a permit's record ({@link permitFindings}) into the review
 * chain as `actorId` (a supervisor on a spot check, or the enterprise itself), with source
 * `permit`: title, level, basis, provisional flag and deadline policy from the pack's rule,
 * the pack's domain, the area from the directory's record of the enterprise, the finding
 * (its observations are the permit's facts) in the event. The hazard id is derived from the
 * actor, `permit:<permitId>:<eventId>` and the rule, so a second run reports nothing new
 * (replays). The chain authorises the actor as for any report. A permit record is partial
 * by nature (it answers some of the pack's questions), so this does not go through
 * `reportInspection`'s completeness check; the pack still decides every hazard.
 */
export async function reportPermitFindings(deps: ChainDeps, events: readonly PermitEvent[], actorId: string, options: PermitObservationOptions = {}): Promise<PermitReport[]> {
  const pack = deps.packs?.get(HAZARDOUS_WORK_PACK_ID);
  if (!pack) throw new TypeError(`reporting permit findings needs the "${HAZARDOUS_WORK_PACK_ID}" pack in deps.packs`);
  const first = events[0];
  if (!first || first.type !== 'applied') return [];
  const enterprise = await deps.directory.enterprise((first as PermitEvent<'applied'>).data.enterpriseId);
  const out: PermitReport[] = [];
  for (const f of permitFindings(pack, events, options).findings) {
    const hazardId = reportHazardId(actorId, `permit:${f.evidence.permitId}:${f.evidence.eventId}`, f.hazard.rule);
    const base = { rule: f.hazard.rule, observation: f.observation, hazardId, evidence: f.evidence };
    if (!enterprise) {
      out.push({ ...base, ok: false, rejection: { code: 'INVALID_COMMAND', message: { 'zh-CN': '企业未登记', en: 'the enterprise is not registered' } } as Rejection });
      continue;
    }
    const command: ReportCommand = {
      type: 'report',
      commandId: reportCommandId(hazardId),
      hazardId,
      title: f.hazard.title,
      level: f.hazard.level,
      provisional: f.hazard.provisional,
      basis: f.hazard.basis,
      deadline: f.hazard.deadline,
      pack: { id: pack.pack.id, version: pack.pack.version },
      domain: pack.pack.domain,
      area: enterprise.area,
      enterpriseId: enterprise.id,
      source: 'permit',
      findings: [f.hazard],
      evidence: [],
    };
    const result = await handleCommand(deps, command, actorId);
    if ('rejection' in result) out.push({ ...base, ok: false, rejection: result.rejection });
    else out.push({ ...base, ok: true, ...(result.replayed ? { replayed: true } : {}) });
  }
  return out;
}
