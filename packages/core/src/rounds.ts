/**
 * `@anjian/core/rounds`: inspection rounds and campaigns (检查轮次与专项行动) for hosts — a round's
 * scope and its check (`checkRoundInput`), who may open and draw (`mayManageRound`), coverage
 * from the inspection log, the work lists and daily-warning lines it yields, the 双随机 draws
 * with a committed seed recorded in a hash-chained round log (`drawRoundSample`,
 * `verifyRoundLog`), its coverage in the periodic reports, and the in-memory round store that
 * defines the contract. The store adapters implement `RoundStore`; `@anjian/http` serves the
 * routes. See docs/directory.md.
 *
 * @example
 * ```ts
 * import { collectRoundWork, roundWorkFor } from '@anjian/core/rounds';
 * const items = await collectRoundWork({ rounds, inspections, units }, new Date());
 * const mine = roundWorkFor(actor, items);
 * ```
 *
 * @packageDocumentation
 */
export * from './rounds/index.js';
export { drawSpotCheck, SpotCheckDrawError } from './chain/draw-spot-check.js';
export type { SpotCheckScope, SpotCheckDrawInput, SpotCheckDraw } from './chain/draw-spot-check.js';
export type { RoundWorker } from './rounds/round-work.js';
