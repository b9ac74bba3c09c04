// `pnpm crash -- --store sqlite|postgres [--writers 4] [--kills 200] [--min-transitions 1000] [--seed N]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashHarness } from './crash-harness.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string', default: 'sqlite' },
      writers: { type: 'string', default: '4' },
      kills: { type: 'string', default: '200' },
      'min-transitions': { type: 'string', default: '1000' },
      seed: { type: 'string', default: '20261128' },
    },
  });
  if (values.store !== 'sqlite' && values.store !== 'postgres') {
    console.error('--store must be sqlite or postgres');
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), `anjian-crash-${values.store}-`));
  try {
    const report = await runCrashHarness({
      store: values.store,
      workDir,
      writers: Number(values.writers),
      kills: Number(values.kills),
      minTransitions: Number(values['min-transitions']),
      seed: Number(values.seed),
      log: (line) => console.error(line),
    });
    console.log(JSON.stringify(report, null, 2));
    const bad =
      report.lostAcknowledged +
      report.duplicateCommands +
      report.versionGaps +
      report.chainBreaks +
      report.eventsWithoutOutbox +
      report.listRowMismatches +
      report.issuesLost +
      report.documentAuditProblems +
      report.writerErrors.length;
    return bad === 0 && report.integrity === 'ok' ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
