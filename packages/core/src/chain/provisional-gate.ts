import type { HazardLevel } from '../pack/types.js';
import type { CommandType } from './types.js';

/** The major path's acts: on a provisional (疑似) major hazard each waits for a confirmed level. */
const MAJOR_PATH: ReadonlySet<CommandType> = new Set(['file_case', 'list_for_supervision', 'submit_plan', 'approve_plan', 'order_stop_work', 'accept', 'close']);
/**
 * Enforcement acts that rest on the hazard's level at every level: a case is filed for what the
 * level says the hazard is, so a provisional (疑似) level is confirmed first. The general path's
 * notice, rectification and verification do not wait: they are the unit's duty whatever an
 * officer later confirms.
 */
const LEVEL_ACTS: ReadonlySet<CommandType> = new Set(['file_case']);

/**
 * Whether `command` waits for an officer to confirm the level (`confirm_level`) of a hazard in
 * this state: its level is provisional (its basis superseded or unverified, or its rule leaves the
 * level to people: `confirmation`) and the command is
 * an act of the major path on a major hazard, or files a case at any level. `decide` refuses such
 * a command with `PROVISIONAL_UNCONFIRMED`; a UI asks this to offer the act only once it can be
 * taken (and to say why not meanwhile), without a copy of the rule.
 */
export function awaitsConfirmedLevel(state: { readonly provisional: boolean; readonly level: HazardLevel }, command: CommandType): boolean {
  return state.provisional && ((state.level === 'major' && MAJOR_PATH.has(command)) || LEVEL_ACTS.has(command));
}
