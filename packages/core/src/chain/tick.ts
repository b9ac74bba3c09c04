import type { ChainCommand, HazardState } from './types.js';
import { tickCommandId } from './server-command-id.js';

/** When warnings and escalations are due. */
export interface TickOptions {
  /** A due-soon warning is due this long before the deadline. Default 24 h. */
  dueSoonMs?: number;
  /** A general (or simple) hazard is escalated this long after its deadline passed. Default 24 h. */
  escalateAfterMs?: number;
}

/** One thing `tick` found due, with the system command that records it. */
export interface TickAction {
  kind: 'due_soon' | 'overdue' | 'escalate';
  hazardId: string;
  deadline: string;
  command: ChainCommand;
}

/** Default {@link TickOptions}. */
export const DEFAULT_TICK_OPTIONS: Required<TickOptions> = Object.freeze({ dueSoonMs: 86_400_000, escalateAfterMs: 86_400_000 });

/**
 * Deadlines without timers: returns what is due now for each hazard whose deadline runs
 * (reported, or rectifying under a notice or an approved plan) — at most one action
 * per hazard, the earliest stage not yet recorded: a due-soon warning (before the
 * deadline), an overdue notice (at the deadline), an escalation to enforcement (general
 * and simple hazards, `escalateAfterMs` after the deadline). Stages are recorded by events
 * keyed by the deadline (`warnedFor`, `overdueNoticedFor`, `escalatedFor`), and each action's
 * command id is derived from hazard, stage and deadline, so calling `tick` twice, after a
 * restart, or from two schedulers at once records each stage exactly once. A granted
 * extension moves the deadline and re-arms the stages. Pure.
 *
 * @example
 * ```ts
 * for (const action of tick(states, clock.now())) await handleCommand(deps, action.command, 'system:scheduler');
 * ```
 */
export function tick(states: readonly HazardState[], now: Date, options: TickOptions = {}): TickAction[] {
  const { dueSoonMs, escalateAfterMs } = { ...DEFAULT_TICK_OPTIONS, ...options };
  const t = now.getTime();
  const actions: TickAction[] = [];
  for (const s of states) {
    if ((s.status !== 'rectifying' && s.status !== 'reported') || s.deadline === null) continue;
    const deadline = s.deadline;
    const due = Date.parse(deadline);
    const base = { hazardId: s.hazardId, expectedVersion: s.version };
    if (t < due) {
      if (t >= due - dueSoonMs && s.warnedFor !== deadline) {
        actions.push({
          kind: 'due_soon',
          hazardId: s.hazardId,
          deadline,
          command: { ...base, type: 'warn_due_soon', commandId: tickCommandId('due_soon', s.hazardId, deadline), deadline },
        });
      }
      continue;
    }
    if (s.overdueNoticedFor !== deadline) {
      actions.push({
        kind: 'overdue',
        hazardId: s.hazardId,
        deadline,
        command: { ...base, type: 'notice_overdue', commandId: tickCommandId('overdue', s.hazardId, deadline), deadline },
      });
      continue;
    }
    if (s.level !== 'major' && t >= due + escalateAfterMs && s.escalatedFor !== deadline) {
      actions.push({
        kind: 'escalate',
        hazardId: s.hazardId,
        deadline,
        command: {
          ...base,
          type: 'escalate',
          commandId: tickCommandId('escalate', s.hazardId, deadline),
          overdueDeadline: deadline,
          reason: { 'zh-CN': '逾期未整改，升级至执法部门', en: 'overdue; escalated to enforcement' },
        },
      });
    }
  }
  return actions;
}
