// Policy checks over every checklist pack (issue 4): the rules a department relies on when it
// trusts a pack's levels. They read the packs as data; `anjian validate` and `anjian test`
// (run by `pnpm packs:check`) cover format and scenarios.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack, type Inspection, type Pack, type ScenarioFile } from '@anjian/core';
import { scenarioInspection } from '@anjian/core/internal';
import { generateCity } from '@anjian/core/testing';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';

const here = fileURLToPath(new URL('.', import.meta.url));
const MIN_ITEMS: Record<string, number> = { gas: 15, fire: 25, 'confined-space': 15, chemicals: 25, 'hazardous-work': 15, sensors: 6, 'dust-explosion': 12 };

interface EditionEntry {
  status: 'current' | 'superseded';
  /** In force from: an ISO date, or `unknown` (then `note` says the date is not verified). */
  from?: string;
  /** Withdrawn on (superseded editions). */
  until?: string;
  note?: string;
}
const table = parse(readFileSync(join(here, 'editions.yaml'), 'utf8')) as {
  documents: Array<{ number: string; editions: Record<string, EditionEntry> }>;
};

/** `GB 35181-2017` → `gb35181`; `应急管理部令第10号` stays as it is (without spaces). */
const normalise = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[-—–](19|20)\d\d$/, '')
    .toLowerCase();
const yearOf = (edition: string, number: string) => /(19|20)\d\d/.exec(edition)?.[0] ?? /(19|20)\d\d/.exec(number)?.[0];

const packs = new Map<string, Pack>();
beforeAll(async () => {
  for (const dir of await findPackDirs([here])) {
    const result = await loadPackFromPath(dir);
    if (!result.ok) throw new Error(`${dir} does not load: ${result.issues.map((i) => `${i.code} ${i.message.en}`).join('; ')}`);
    packs.set(result.pack.id, result.pack);
  }
});

const rulesOf = (pack: Pack) => pack.sections.flatMap((s) => s.items.flatMap((item) => item.hazards.map((rule) => ({ item, rule }))));

describe('checklist packs', () => {
  it('has the seven packs, each with enough items', () => {
    expect([...packs.keys()].sort()).toEqual(Object.keys(MIN_ITEMS).sort());
    for (const [id, pack] of packs) {
      const items = pack.sections.reduce((n, s) => n + s.items.length, 0);
      expect(items, `${id} has ${items} items`).toBeGreaterThanOrEqual(MIN_ITEMS[id]!);
    }
  });

  it('names its domain in both languages (reports show the name, not the code), the same in every pack of a domain', () => {
    const byDomain = new Map<string, string>();
    for (const [id, pack] of packs) {
      expect(pack.domainLabel?.['zh-CN'], `${id}: domainLabel.zh-CN`).toMatch(/\S/);
      expect(pack.domainLabel?.en, `${id}: domainLabel.en`).toMatch(/\S/);
      const name = JSON.stringify(pack.domainLabel);
      expect(byDomain.get(pack.domain) ?? name, `${id}: domainLabel differs from another ${pack.domain} pack's`).toBe(name);
      byDomain.set(pack.domain, name);
    }
  });

  it('bases every major rule and composite on a clause of a national determination standard', () => {
    const offenders: string[] = [];
    for (const pack of packs.values()) {
      const determination = new Set(pack.regulations.filter((r) => r.determination).map((r) => r.id));
      const majors = [...rulesOf(pack).map(({ rule }) => rule), ...pack.composites].filter((r) => r.level === 'major');
      for (const rule of majors) {
        if (!rule.basis.some((c) => determination.has(c.regulation) && c.clause.trim() !== '')) offenders.push(`${pack.id}:${rule.id}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reports a hazard as provisional exactly when its whole basis is superseded or unverified, or people confirm its level (confirmation)', () => {
    for (const pack of packs.values()) {
      const regulations = new Map(pack.regulations.map((r) => [r.id, r]));
      const weak = (rule: { basis: Pack['composites'][number]['basis']; confirmation?: string }) =>
        rule.confirmation !== undefined ||
        (rule.basis.length > 0 &&
          rule.basis.every((c) => {
            const r = regulations.get(c.regulation)!;
            return r.status === 'superseded' || (c.confidence ?? r.confidence) === 'unverified';
          }));
      const expected = new Map<string, boolean>();
      for (const { rule } of rulesOf(pack)) expected.set(rule.id, weak(rule));
      for (const c of pack.composites) expected.set(c.id, weak(c));

      // Fire every rule at once is not possible; instead read the flag the classifier
      // attaches, on findings from the pack's own scenarios.
      const evaluator = compilePack(pack);
      const seen = new Set<string>();
      for (const scenario of scenariosOf(pack.id)) {
        const result = evaluator.evaluate(scenario);
        for (const hazard of result.hazards) {
          expect(hazard.provisional, `${pack.id}:${hazard.rule}`).toBe(expected.get(hazard.rule));
          seen.add(hazard.rule);
        }
      }
      // Every provisional-by-basis rule must be seen at least once, so the check is not vacuous.
      const missed = [...expected].filter(([id, isWeak]) => isWeak && !seen.has(id)).map(([id]) => id);
      expect(missed, `${pack.id}: provisional rules no scenario fires`).toEqual([]);
    }
  });

  it('marks no superseded edition as current, checked against checklists/editions.yaml', () => {
    const problems: string[] = [];
    for (const pack of packs.values()) {
      for (const regulation of pack.regulations) {
        const entry = table.documents.find((d) => normalise(regulation.number).startsWith(normalise(d.number)));
        if (!entry) {
          problems.push(`${pack.id}: ${regulation.number} is not in checklists/editions.yaml — add it with its editions`);
          continue;
        }
        const year = yearOf(regulation.edition, regulation.number);
        const edition = year ? entry.editions[year] : undefined;
        if (!edition) {
          problems.push(`${pack.id}: ${regulation.number} edition "${regulation.edition}" is not listed for ${entry.number}`);
          continue;
        }
        if (edition.status !== regulation.status) {
          problems.push(`${pack.id}: ${regulation.number} (${regulation.edition}) is marked ${regulation.status}, the table says ${edition.status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('checklists/editions.yaml', () => {
  it('gives every edition its dates: from (or unknown with a note), and until when superseded', () => {
    const problems: string[] = [];
    for (const doc of table.documents) {
      for (const [year, e] of Object.entries(doc.editions)) {
        const where = `${doc.number}-${year}`;
        const from = e.from === undefined ? undefined : String(e.from);
        if (from === undefined) problems.push(`${where}: no "from" (write unknown with a note when the date is not verified)`);
        else if (from === 'unknown' && !e.note?.includes('not verified')) problems.push(`${where}: from unknown needs a note saying the date is not verified`);
        else if (from !== 'unknown' && !ISO_DATE.test(from)) problems.push(`${where}: from ${from} is not an ISO date`);
        if (e.status === 'superseded') {
          if (e.until === undefined || !ISO_DATE.test(String(e.until))) problems.push(`${where}: superseded without an ISO "until" date`);
          else if (from && ISO_DATE.test(from) && from >= String(e.until)) problems.push(`${where}: from ${from} is not before until ${e.until}`);
        } else if (e.until !== undefined) problems.push(`${where}: a current edition has "until"`);
      }
      // Editions of one document do not overlap: each superseded one ends when a later one starts.
      const current = Object.entries(doc.editions).filter(([, e]) => e.status === 'current');
      if (current.length > 1) problems.push(`${doc.number}: ${current.length} editions marked current`);
    }
    expect(problems).toEqual([]);
  });

  it("lists every edition a pack cites, with dates, and the pack's effective date agrees", () => {
    const problems: string[] = [];
    for (const pack of packs.values()) {
      const cited = new Set([...rulesOf(pack).flatMap(({ rule }) => rule.basis), ...pack.composites.flatMap((c) => c.basis)].map((c) => c.regulation));
      for (const regulation of pack.regulations) {
        if (!cited.has(regulation.id)) problems.push(`${pack.id}: ${regulation.number} is declared but never cited`);
        const entry = table.documents.find((d) => normalise(regulation.number).startsWith(normalise(d.number)));
        const year = yearOf(regulation.edition, regulation.number);
        const edition = entry && year ? entry.editions[year] : undefined;
        if (!edition) continue; // reported by the status test above
        if (edition.from === undefined) problems.push(`${pack.id}: ${regulation.number} has no "from" in editions.yaml`);
        if (regulation.effective !== undefined && String(edition.from) !== regulation.effective) {
          problems.push(`${pack.id}: ${regulation.number} effective ${regulation.effective}, editions.yaml says from ${String(edition.from)}`);
        }
        // as-of evaluation (issue 13) reads these dates from the pack: they must be there and agree
        if (regulation.effective === undefined && ISO_DATE.test(String(edition.from))) {
          problems.push(`${pack.id}: ${regulation.number} has no effective date (editions.yaml: from ${String(edition.from)})`);
        }
        if (edition.until !== undefined && regulation.withdrawn !== String(edition.until)) {
          problems.push(`${pack.id}: ${regulation.number} withdrawn ${regulation.withdrawn ?? '(missing)'}, editions.yaml says until ${String(edition.until)}`);
        }
        if (edition.until === undefined && regulation.withdrawn !== undefined) problems.push(`${pack.id}: ${regulation.number} is withdrawn in the pack but current in editions.yaml`);
        if (regulation.status === 'superseded' && regulation.replacedBy === undefined) {
          problems.push(`${pack.id}: ${regulation.number} is superseded but names no replacedBy (the edition in force after it)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the generated demo city (core generateCity) records its hazards under each pack at its shipped version', () => {
    // A version raised here (docs/authoring-packs.*.md §3: items or facts added → second number) is raised there too.
    const named = new Set<string>();
    for (const chunk of generateCity({ seed: 'packs-policy', enterprises: 60, inspectionsPerEnterprise: 20, hazardRate: 0.2 }).chunks()) {
      for (const hazard of chunk.hazards) {
        const { pack } = hazard.events[0]!.data as { pack: { id: string; version: string } };
        named.add(`${pack.id}@${pack.version}`);
      }
    }
    const shipped = [...packs.values()].map((p) => `${p.id}@${p.version}`);
    expect(named.size).toBeGreaterThan(0);
    for (const ref of named) expect(shipped, `generateCity names ${ref}`).toContain(ref);
  });
});

/** The inspections of a pack's scenarios, `base:` answers applied. */
function scenariosOf(packId: string): Inspection[] {
  const dir = join(here, packId, 'tests');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => {
      const file = parse(readFileSync(join(dir, f), 'utf8')) as ScenarioFile;
      return file.scenarios.map((s) => scenarioInspection(packId, file, s));
    });
}
