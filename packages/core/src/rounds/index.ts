/**
 * Inspection rounds and campaigns (issue 17): scope, coverage from the inspection log, and
 * 双随机 draws recorded in a hash-chained round log.
 *
 * @module
 */
export * from './types.js';
export { sealRoundEntry, roundEntryHash, verifyRoundLog, roundsFromLog } from './round-log.js';
export type { RoundEntryDraft, RoundLogVerification, RecordedDraw, RoundState } from './round-log.js';
export { inRoundScope, roundPopulation } from './round-scope.js';
export { roundCoverage, collectRoundCoverage, coversRound } from './round-coverage.js';
export { roundUnits } from './round-units.js';
export {
  checkRoundInput,
  mayManageRound,
  mayManageSomeRound,
  openRound,
  readRound,
  drawRoundSample,
  redrawRoundSample,
  MAX_ROUND_REDRAWS,
  MAX_ROUND_DAYS,
  ROUND_EARLIEST_DAY,
  roundDrawsLeft,
} from './open-round.js';
export type { RoundDeps, RoundDrawInput, RoundDrawResult } from './open-round.js';
export { ROUND_SEED_METHOD, seedCommitment } from './round-seed.js';
export type { RoundSeedCommitment } from './round-seed.js';
export { createMemoryRoundStore } from './memory-round-store.js';
export type { RoundStore } from '../ports/round-store.js';
export { collectRoundWork, collectRoundWorkFor, roundWork, roundWorkFor, roundWorkToWarn } from './round-work.js';
export type { RoundWorkItem, RoundWorkOptions, RoundWorkSource } from './round-work.js';
export { roundCoverageForReport } from './report-coverage.js';
export type { RoundCoverageLine } from './report-coverage.js';
