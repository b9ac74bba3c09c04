import type { PermitRules, PermitStore } from '@anjian/core/internal';

/** Options of the permit endpoints (`createAnjianApi({ permits })`). */
export interface PermitsApiOptions {
  /** Where permits live (`createSqlitePermitStore`, `createPostgresPermitStore`, `createMemoryPermitStore`). */
  store: PermitStore;
  /** The permit rules in force (default: core's `DEFAULT_PERMIT_RULES`). */
  rules?: PermitRules;
  /**
   * The permit roles (`principal_leader`, `safety_department`, `unit` — the rules' `roles`)
   * the actor holds in the enterprise, from the host's directory. Never taken from a request.
   */
  permitRoles(actorId: string, enterpriseId: string): Promise<readonly string[]>;
}
