// Which review-chain actions the UI offers and why others are not offered: core's own
// PERMISSION_TABLE and explainAuthorization, bundled for the browser by the portal. The server
// decides; this only hides buttons that would be refused and says why.
import {
  awaitsConfirmedLevel,
  CO_SIGN_CONTENT_FIELDS,
  decisionBounds,
  DEFAULT_EVIDENCE_RULES,
  explainAuthorization,
  hearingRequestRefusal,
  mayNameSecondOfficer,
  needsTwoOfficers,
  PENALTY_ARTICLES,
  penaltyStepRefusal,
  PERMISSION_TABLE,
  planApprovalRefusal,
  planDeadlineWindow,
  REJECTION_MESSAGES,
} from '/vendor/anjian-core.js';
import { allowedBy } from './allowed-by.js';

/** True when the user may send `command` on hazard `state` (`target`: a reclassification's level). */
export const allowed = (roles, userId, command, state, target) => allowedBy(PERMISSION_TABLE, roles, userId, command, state, target);

/** True when `command` (a body with `type`) on `state` is an enforcement act of two officers (core's own rule). */
export const needsSecondOfficer = (state, command) => needsTwoOfficers(state, command);
/** True when an enforcement officer's `command` names its second officer for its enforcement document (core's rule). */
export const namesSecondOfficer = (roles, type) => roles.includes('enforcement') && mayNameSecondOfficer({ type }, 'enforcement');

/**
 * Core's words (`{ 'zh-CN', en }`) for why `command` waits for an officer to confirm the provisional
 * level of `state` (core's awaitsConfirmedLevel, the rule the server applies), or null when it does not.
 */
export const awaitsLevel = (state, command) => (awaitsConfirmedLevel(state, command) ? REJECTION_MESSAGES.PROVISIONAL_UNCONFIRMED : null);

/** Core's explanation of a denial for the signed-in user's profile: `{ allowed, reason, statuses, levels }`. */
export const explain = (profile, command, state, target) => explainAuthorization(profile, command, state, target);

/** The commands any of `roles` has a row for (the ones a "why not" line may be about). */
export const commandsOf = (roles) => [...new Set(PERMISSION_TABLE.filter((r) => roles.includes(r.role)).map((r) => r.command))];

/** Core's law table of penalty articles (citation, conduct, kinds, fine range, the duty violated): what the penalty forms offer. */
export { CO_SIGN_CONTENT_FIELDS, PENALTY_ARTICLES };

/**
 * Why penalty step `type` is not open on `state` for `userId` at `at` (core's penaltyStepRefusal:
 * `{ code, detail }`), or null. `at` is the server's clock when it sent the state (the hazard's
 * Date header, see {@link serverTime}), so the page offers what the server would accept then;
 * `party`: the user acts as the party (an enterprise user); `period`: the party's reply period the
 * server derived (`GET /hazards/{id}`'s `penaltyReplyPeriod`: from the notice's service, in working
 * days of the server's calendar; null while not served). The server decides again.
 */
export const penaltyRefusal = (state, type, userId, at, party, period) => penaltyStepRefusal(state, type, at, userId, party, period);

/**
 * Why the party's statement may not ask for a hearing at `at` (core's hearingRequestRefusal:
 * `{ pointer, 'zh-CN', en }` — no hearing right, or its five working days have run, by the
 * server's `period`), or null.
 */
export const hearingRefusal = (penalty, at, period) => hearingRequestRefusal(penalty, at, period);

/**
 * What a decision may impose after the notified penalty (core's decisionBounds: the notice's
 * article, kinds no heavier, a fine up to the notice's): what the decision form offers.
 */
export const decisionLimits = (notified) => decisionBounds(notified);

/**
 * Why the submitted plan of `state` may not be approved at `at` (core's planApprovalRefusal: its
 * completion date has passed by the server's clock), or null.
 */
export const planRefusal = (state, at) => planApprovalRefusal(state, at);

/**
 * The dates (China time, `YYYY-MM-DD`) a plan's completion date may take when submitted at `at`
 * (core's planDeadlineWindow; the form sends the date at 17:00 China time): `{ min, max }`.
 */
export const planDates = (at) => {
  const { after, latest } = planDeadlineWindow(at);
  const day = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const at17 = (d) => Date.parse(`${d}T17:00:00+08:00`);
  let min = day(Date.parse(after));
  if (!(at17(min) > Date.parse(after))) min = day(at17(min) + 86_400_000);
  let max = day(Date.parse(latest));
  if (at17(max) > Date.parse(latest)) max = day(at17(max) - 86_400_000);
  return { min, max };
};

/**
 * The server's clock when it answered (`answer.date`, the response's Date header): the instant
 * the page weighs deadlines against. The browser's clock only when the answer carried none (an
 * answer from the bootstrap).
 */
export const serverTime = (answer) => {
  const ms = typeof answer?.date === 'string' ? Date.parse(answer.date) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : new Date();
};

/** The evidence a rectification of a hazard of `level` needs (core's default rules, which the server applies). */
export const evidenceRequirement = (level) => DEFAULT_EVIDENCE_RULES.submit[level];
