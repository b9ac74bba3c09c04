// Classify one inspection with an installed checklist pack: the hazards found, each with its
// level, explanation, basis and deadline. Run: npm install && npm start
import { compilePack } from '@anjian/core';
import { loadPackFromPackage } from '@anjian/core/node';

const loaded = await loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
if (!loaded.ok) {
  for (const issue of loaded.issues) console.error(`${issue.file}:${issue.line}:${issue.column} ${issue.code} ${issue.message.en}`);
  process.exit(1);
}

const inspection = {
  pack: 'gas',
  premises: 'restaurant',
  inspectedAt: '2026-11-18T15:20:00+08:00',
  findings: { gas_source: 'lpg_cylinder', gas_room_location: 'semi_basement', alarm_installed: false },
};
const gas = compilePack(loaded.pack);
// evaluate never throws: a misspelt fact, premises or option would only match no rule, so check
// the answers first. This inspection answers a few questions on purpose: the unanswered ones
// (REQUIRED_MISSING) come back as items `not_checked`, never as a pass.
const errors = gas.check(inspection).filter((issue) => issue.severity === 'error' && issue.code !== 'REQUIRED_MISSING');
if (errors.length > 0) {
  for (const issue of errors) console.error(`${issue.pointer} ${issue.code} ${issue.message.en}`);
  process.exit(1);
}
const result = gas.evaluate(inspection);

for (const hazard of result.hazards) {
  console.log(`${hazard.level}${hazard.provisional ? ' (疑似 provisional)' : ''} — ${hazard.explanation['zh-CN']}`);
  console.log(`  ${hazard.explanation.en}`);
  for (const basis of hazard.basis ?? []) console.log(`  basis: ${basis.number ?? basis.regulation} ${basis.clause ?? ''}`);
}
console.log(`${result.hazards.length} hazards`);
