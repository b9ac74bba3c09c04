import { fileURLToPath } from 'node:url';
import { buildBundle } from './bundle-cache.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles core's isomorphic `checkFindings`, `formModel`, `issueForUsers`, `PERMISSION_TABLE`, `explainAuthorization`,
 * `DEFAULT_EVIDENCE_RULES`, `needsTwoOfficers`, `mayNameSecondOfficer`, `areaCovers` (the dashboard's area choices), the law table `PENALTY_ARTICLES`,
 * `penaltyStepRefusal`, `hearingRequestRefusal` and `decisionBounds` (the penalty forms; the reply period is the server's), the facts a height permit asks
 * (`HEIGHT_FALL_FACTORS`, `HEIGHT_SITUATIONS`, with their words and clauses) and `heightGradeName`, and the facts a hot-work permit asks (`HOT_WORK_SITUATIONS`, `HOT_WORK_SHUTDOWN_CONDITIONS`) and `hotWorkGradeName` (the permit forms), `permitStatusAllows` and `OPEN_PERMIT_STATUSES` (the actions a permit's status takes), `awaitsConfirmedLevel` with the `REJECTION_MESSAGES` it words (an act that waits
 * for a confirmed level), the read policy's `readScopes` and the reports'
 * `reportWord` and `percent` for the
 * browser (once, at start), so the form asks the questions and validates with the very code and messages
 * of the server, the hazard page offers exactly the actions the chain allows and asks for a second
 * officer exactly when the chain needs one, and the dashboard asks for what only who reads everything
 * may see exactly when the read policy says so; the reports page labels and formats its key figures as
 * the report itself does. A test run builds it once for all its portals (bundle-cache.ts).
 */
export async function bundleBrowserCore(): Promise<string> {
  const [output] = await buildBundle({
    stdin: {
      contents: [
        "export { checkFindings, citationText, formModel } from '@anjian/core';",
        "export { areaCovers, awaitsConfirmedLevel, CO_SIGN_CONTENT_FIELDS, decisionBounds, DEFAULT_EVIDENCE_RULES, explainAuthorization, hearingRequestRefusal, mayNameSecondOfficer, needsTwoOfficers, PENALTY_ARTICLES, penaltyStepRefusal, PERMISSION_TABLE, planApprovalRefusal, planDeadlineWindow, readScopes, REJECTION_MESSAGES } from '@anjian/core/review';",
        "export { HEIGHT_FALL_FACTORS, HEIGHT_SITUATIONS, heightGradeName, HOT_WORK_SHUTDOWN_CONDITIONS, HOT_WORK_SITUATIONS, hotWorkGradeName, OPEN_PERMIT_STATUSES, PERMIT_SYSTEM_ACTOR, permitStatusAllows } from '@anjian/core/permits';",
        "export { percent, reportScopeFor, reportWord } from '@anjian/core/reports';",
        // the one name not in a public entry yet: a pack issue in the words of the form's field
        "export { issueForUsers } from '@anjian/core/internal';",
      ].join('\n'),
      resolveDir: portalDir,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    conditions: ['@anjian/source'],
    minify: true,
    logLevel: 'error',
  });
  return new TextDecoder().decode(output!.contents);
}
