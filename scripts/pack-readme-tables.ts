// The rule tables of the pack READMEs (项 Item | 规则 Rule | 级别 Level | 依据 Basis | 疑似 Provisional),
// regenerated from the packs: `anjian export <pack> --format readme-table` prints one; this
// script compares or rewrites the table of every pack under checklists/ whose README has it.
//
//   node scripts/run-ts.mjs scripts/pack-readme-tables.ts           # check: exit 1 when a table differs
//   node scripts/run-ts.mjs scripts/pack-readme-tables.ts --write   # rewrite the differing tables
//
// A README with its rules in another layout (no such heading) is listed, not checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';
import { readmeTable, readmeTableDrift } from '../packages/cli/src/review/readme-table.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(write: boolean): Promise<number> {
  let drifted = 0;
  for (const dir of await findPackDirs([join(root, 'checklists')])) {
    const name = relative(root, dir);
    const loaded = await loadPackFromPath(dir);
    if (!loaded.ok) {
      console.log(`✘ ${name}: 检查表无法加载，先运行 anjian validate / the pack does not load: run anjian validate`);
      drifted++;
      continue;
    }
    const readmePath = join(dir, 'README.md');
    const drift = readmeTableDrift(readFileSync(readmePath, 'utf8'), readmeTable(loaded.pack));
    if (!drift.found) {
      console.log(`- ${name}/README.md: 没有生成格式的规则表（另一种版式），未检查 / no table in the generated layout, not checked`);
    } else if (drift.same) {
      console.log(`✔ ${name}/README.md:${drift.line}: 规则表与检查表一致 / the rule table matches the pack`);
    } else if (write) {
      writeFileSync(readmePath, drift.updated);
      console.log(`✎ ${name}/README.md:${drift.line}: 已重新生成规则表 / rule table regenerated (${drift.missing.length} rows new or changed, ${drift.extra.length} gone)`);
    } else {
      drifted++;
      console.log(`✘ ${name}/README.md:${drift.line}: 规则表与检查表不一致 / the rule table differs from the pack`);
      for (const row of drift.missing) console.log(`    + ${row}`);
      for (const row of drift.extra) console.log(`    - ${row}`);
      if (drift.missing.length === 0 && drift.extra.length === 0) console.log('    行的顺序不同 / the rows are in another order');
    }
  }
  if (drifted > 0) console.log('\n重新生成 / regenerate: node scripts/run-ts.mjs scripts/pack-readme-tables.ts --write');
  return drifted > 0 ? 1 : 0;
}

main(process.argv.includes('--write')).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
