// The UI's reading of a permission table (core's PERMISSION_TABLE rows): whether a button is
// offered. Pure, no imports, so it is tested in Node against core's table and core's authorize().
const RANK = { simple: 0, general: 1, major: 2 };

/**
 * True when a row of `rows` lets a user with `roles` and id `userId` send `command` on hazard
 * `state` (a HazardState); `target` is the level a reclassification asks for. The relation
 * (own enterprise, area, jurisdiction) is not checked: a hazard the page shows already relates.
 */
export function allowedBy(rows, roles, userId, command, state, target) {
  return rows.some(
    (r) =>
      r.command === command &&
      roles.includes(r.role) &&
      r.levels.includes(state.level) &&
      r.states.includes(state.status) &&
      !(r.notReporter && state.reporterId === userId) &&
      !(r.notRectifier && (state.rectifierIds ?? []).includes(userId)) &&
      !(r.noDowngrade && target !== undefined && RANK[target] < RANK[state.level]),
  );
}
