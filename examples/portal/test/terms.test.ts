/**
 * One term per concept: the terminology table (public/terms.js) is what docs/portal-terms.md
 * lists, row for row, and no two concepts of a group share a 中文 or an English term.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HAZARD_STATUSES } from '@anjian/core';
import { COMMAND_TYPES } from '@anjian/core/internal';
import { TERMS, term } from '../public/terms.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/portal-terms.md', import.meta.url)), 'utf8');

describe('terminology table', () => {
  it('docs/portal-terms.md lists every term of the table, with its code', () => {
    for (const entries of Object.values(TERMS)) {
      for (const [code, e] of Object.entries(entries)) expect(doc).toContain(`| ${e['zh-CN']} | ${e.en} | \`${code}\` |`);
    }
    const rows = doc.split('\n').filter((l) => /^\| [^-|]/.test(l) && !l.startsWith('| 中文')).length;
    expect(rows).toBe(Object.values(TERMS).reduce((n, g) => n + Object.keys(g).length, 0));
  });

  it('no two concepts of a group share a term; every status and user command has one', () => {
    for (const [group, entries] of Object.entries(TERMS)) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const words = Object.values(entries).map((e) => e[lang]);
        expect(new Set(words).size, `${group} ${lang}`).toBe(words.length);
      }
    }
    for (const s of HAZARD_STATUSES) expect(term('status', s)).not.toBe(s);
    const userCommands = COMMAND_TYPES.filter((c) => !['report', 'report_observation', 'warn_due_soon', 'notice_overdue'].includes(c));
    for (const c of userCommands) expect(term('command', c), c).not.toBe(c);
  });

  it('every domain of the packs the portal serves has a term (filters, forms and charts label it)', () => {
    const checklists = fileURLToPath(new URL('../../../checklists/', import.meta.url));
    const domains = readdirSync(checklists, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => {
        try {
          return [/^domain:\s*(\S+)/m.exec(readFileSync(`${checklists}${d.name}/pack.yaml`, 'utf8'))?.[1]];
        } catch {
          return []; // a folder without a pack
        }
      });
    expect(domains).toContain('monitoring');
    for (const d of domains) for (const lang of ['zh-CN', 'en'] as const) expect(term('domain', d!, lang), d).not.toBe(d);
  });
});
