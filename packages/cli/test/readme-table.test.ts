/**
 * `anjian export --format readme-table`: the rule table of a pack README, generated from the
 * pack, so that "README rows regenerated from the pack" is a command and CI sees drift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeTableDrift } from '../src/review/readme-table.js';
import { DEMO_PACK, REPO } from './fixtures.js';
import { runCli } from './run-cli.js';

const HEAD = '| 项 Item | 规则 Rule | 级别 Level | 依据 Basis (document, clause, confidence) | 疑似 Provisional |\n|---|---|---|---|---|';

describe('anjian export --format readme-table', () => {
  it('prints the bilingual table: item | rule | level | basis (confidence) | provisional, one row per rule in pack order', async () => {
    const { code, out } = await runCli(['export', DEMO_PACK, '--format', 'readme-table']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines.slice(0, 2).join('\n')).toBe(HEAD);
    expect(lines[2]).toBe(
      '| DEMO-001 地下场所不得使用液化石油气 / No LPG below ground | DEMO-001-H1 在地下或半地下使用液化石油气 / LPG used below ground | 重大 major | 建城规〔2023〕4号 第九条 (已核实 verified) | 否 no |',
    );
    expect(lines.at(-1)).toMatch(/^\| 综合判定 \/ Composite \| DEMO-C1 /);
  });

  // The drift check: every pack README under checklists/ that carries the generated table
  // carries exactly what the pack gives (regenerate: node scripts/run-ts.mjs scripts/pack-readme-tables.ts --write).
  it('reproduces the table of every pack README that has one, row for row', async () => {
    const dirs = readdirSync(join(REPO, 'checklists'), { withFileTypes: true }).filter((d) => d.isDirectory());
    let compared = 0;
    for (const dir of dirs) {
      const { code, out } = await runCli(['export', join(REPO, 'checklists', dir.name), '--format', 'readme-table']);
      expect(code, dir.name).toBe(0);
      const drift = readmeTableDrift(readFileSync(join(REPO, 'checklists', dir.name, 'README.md'), 'utf8'), out.trimEnd());
      if (!drift.found) continue;
      compared++;
      expect({ missing: drift.missing, extra: drift.extra, sameOrder: drift.same }, dir.name).toEqual({ missing: [], extra: [], sameOrder: true });
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });
});

describe('readmeTableDrift', () => {
  const table = `${HEAD}\n| A-1 a | A-1-H1 x | 一般 general | law 1 (二手 secondary) | 否 no |\n| A-1 a | A-1-H2 y | 重大 major | law 2 (已核实 verified) | 否 no |`;
  const readme = (rows: string) => `# Pack\n\nintro\n\n${HEAD}\n${rows}\n\n## Tests\n`;

  it('finds the table by its heading, lists the rows that differ and gives the README with the table regenerated', () => {
    const stale = readme('| A-1 a | A-1-H1 x | 简易 simple | law 1 (二手 secondary) | 否 no |\n| A-1 a | A-1-H2 y | 重大 major | law 2 (已核实 verified) | 否 no |');
    const drift = readmeTableDrift(stale, table);
    expect(drift).toMatchObject({
      found: true,
      same: false,
      line: 5,
      missing: ['| A-1 a | A-1-H1 x | 一般 general | law 1 (二手 secondary) | 否 no |'],
      extra: ['| A-1 a | A-1-H1 x | 简易 simple | law 1 (二手 secondary) | 否 no |'],
    });
    expect(drift.found && drift.updated).toBe(readme(table.split('\n').slice(2).join('\n')));
    expect(readmeTableDrift(drift.found ? drift.updated : '', table)).toMatchObject({ same: true, missing: [], extra: [] });
  });

  it('a README without the generated heading has no table to compare; rows out of order are drift', () => {
    expect(readmeTableDrift('# Pack\n\n| x | y |\n|---|---|\n', table)).toEqual({ found: false });
    const swapped = readme(table.split('\n').slice(2).reverse().join('\n'));
    expect(readmeTableDrift(swapped, table)).toMatchObject({ found: true, same: false, missing: [], extra: [] });
  });
});
