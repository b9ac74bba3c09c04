import { pointerJoin } from './create-issue.js';
import type { ParsedFile } from './parse-yaml-file.js';
import type { Composite, Condition, Fact, HazardRule, Item, Pack, PremisesKind, Regulation, Section } from './types.js';

/**
 * The merged rules and composites whose file has no `basis` at all (it defaults to `[]`):
 * the loader warns about them (`RULE_WITHOUT_BASIS`), while an explicit `basis: []` says
 * on purpose that no clause applies. @internal
 */
export const BASIS_OMITTED = new WeakSet<object>();
/** A value of the merged pack and where it came from. @internal */
export interface Located<T> {
  value: T;
  file: string;
  pointer: string;
}

/** The merged pack plus the origin of every entry, for located semantic issues. @internal */
export interface PackIndex {
  pack: Pack;
  files: ReadonlyMap<string, ParsedFile>;
  entryFile: string;
  premises: Located<PremisesKind>[];
  regulations: Located<Regulation>[];
  facts: Located<Fact>[];
  conditions: (Located<Condition> & { name: string })[];
  sections: Located<Section>[];
  items: (Located<Item> & { section: string })[];
  rules: (Located<HazardRule> & { item: Item })[];
  composites: Located<Composite>[];
}

type Raw = Record<string, unknown>;
const asArray = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);

/**
 * Merge schema-valid files (entry first, then fragments in include order) into one
 * {@link Pack} with defaults applied: `required: false` on facts, `party: 'user'` and
 * `basis: []` on rules and composites, `hazards: []` on items, `conditions: {}`,
 * `sections: []`, `composites: []`; a numeric regulation `edition` becomes a string.
 * Duplicates are kept here and reported by the id checks.
 *
 * @internal
 */
export function mergePackFiles(files: ParsedFile[], entryFile: string): PackIndex {
  const byName = new Map(files.map((f) => [f.file, f] as const));
  const entry = byName.get(entryFile)?.value as Raw;
  const index: PackIndex = {
    pack: undefined as unknown as Pack,
    files: byName,
    entryFile,
    premises: [],
    regulations: [],
    facts: [],
    conditions: [],
    sections: [],
    items: [],
    rules: [],
    composites: [],
  };

  asArray(entry.premises).forEach((p, i) => index.premises.push({ value: p as unknown as PremisesKind, file: entryFile, pointer: `/premises/${i}` }));
  asArray(entry.regulations).forEach((r, i) => {
    const regulation = { ...r, edition: String(r.edition) } as unknown as Regulation;
    index.regulations.push({ value: regulation, file: entryFile, pointer: `/regulations/${i}` });
  });

  for (const f of files) {
    const raw = f.value as Raw;
    asArray(raw.facts).forEach((fact, i) => {
      const value = { ...fact, required: fact.required ?? false } as unknown as Fact;
      index.facts.push({ value, file: f.file, pointer: `/facts/${i}` });
    });
    const conds = raw.conditions;
    if (conds && typeof conds === 'object' && !Array.isArray(conds)) {
      for (const name of Object.keys(conds)) {
        index.conditions.push({ name, value: (conds as Raw)[name] as Condition, file: f.file, pointer: pointerJoin('/conditions', name) });
      }
    }
    asArray(raw.sections).forEach((s, i) => {
      const sectionPointer = `/sections/${i}`;
      const items = asArray(s.items).map((it, j) => {
        const itemPointer = `${sectionPointer}/items/${j}`;
        const item = { ...it, hazards: [] as HazardRule[] } as unknown as Item;
        asArray(it.hazards).forEach((h, k) => {
          const rule = { ...h, basis: h.basis ?? [], party: h.party ?? 'user' } as unknown as HazardRule;
          if (h.basis === undefined) BASIS_OMITTED.add(rule);
          item.hazards.push(rule);
          index.rules.push({ value: rule, item, file: f.file, pointer: `${itemPointer}/hazards/${k}` });
        });
        index.items.push({ value: item, section: String(s.id), file: f.file, pointer: itemPointer });
        return item;
      });
      const section = { ...s, items } as unknown as Section;
      index.sections.push({ value: section, file: f.file, pointer: sectionPointer });
    });
    asArray(raw.composites).forEach((c, i) => {
      const value = { ...c, basis: c.basis ?? [], party: c.party ?? 'user' } as unknown as Composite;
      if (c.basis === undefined) BASIS_OMITTED.add(value);
      index.composites.push({ value, file: f.file, pointer: `/composites/${i}` });
    });
  }

  const conditions: Record<string, Condition> = {};
  for (const c of index.conditions) {
    if (!Object.prototype.hasOwnProperty.call(conditions, c.name)) {
      Object.defineProperty(conditions, c.name, { value: c.value, enumerable: true, writable: true, configurable: true });
    }
  }
  const { include: _include, ...head } = entry;
  const pack = {
    ...head,
    premises: index.premises.map((p) => p.value),
    regulations: index.regulations.map((r) => r.value),
    facts: index.facts.map((f) => f.value),
    conditions,
    sections: index.sections.map((s) => s.value),
    composites: index.composites.map((c) => c.value),
  } as unknown as Pack;
  index.pack = pack;
  return index;
}
