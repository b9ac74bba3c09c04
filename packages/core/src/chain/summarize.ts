import type { HazardState, HazardSummary } from './types.js';

/** The list row a store keeps for a hazard state (what `Store.query` filters on). */
export function summarize(state: HazardState): HazardSummary {
  return {
    hazardId: state.hazardId,
    version: state.version,
    status: state.status,
    level: state.level,
    provisional: state.provisional,
    domain: state.domain,
    area: state.area,
    enterpriseId: state.enterpriseId,
    ...(state.premisesId === undefined ? {} : { premisesId: state.premisesId }),
    deadline: state.status === 'rectifying' ? state.deadline : null,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}
