import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Import from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFindings } from '../classify/check-findings.js';
import type { Inspection } from '../classify/types.js';
import { findPackDirs } from '../node/find-pack-dirs.js';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import { conditionWords, factCatalogue, inspectionSchema, inspectionTemplate } from './inspection-contract.js';
import type { Pack } from './types.js';

type AjvClass = typeof Ajv2020Import;
const Ajv2020 = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import) as AjvClass;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const packs: Pack[] = [];
for (const dir of await findPackDirs([`${repo}checklists`, `${repo}examples/packs`])) {
  const loaded = await loadPackFromPath(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load`);
  packs.push(loaded.pack);
}
const demo = packs.find((p) => p.id === 'demo-kitchen')!;

describe('the inspection contract of a pack', () => {
  it("every example inspection matches its pack's inspection schema; a wrong option, an unknown fact or no premises do not", () => {
    for (const name of ['gas-basement-hotpot-lpg', 'fire-small-eatery', 'confined-space-sewage-pump-well', 'chemicals-warehouse', 'hazardous-work-factory-hot-work']) {
      const inspection = parse(readFileSync(`${repo}examples/inspections/${name}.yaml`, 'utf8')) as Inspection;
      const validate = ajv.compile(inspectionSchema(packs.find((p) => p.id === inspection.pack)!));
      expect(validate(inspection), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const validate = ajv.compile(inspectionSchema(demo));
    const good = { pack: 'demo-kitchen', premises: 'restaurant', findings: { gas_type: 'lpg', hose_length_m: null } };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, findings: { gas_type: 'propane' } })).toBe(false);
    expect(validate({ ...good, findings: { gas_typ: 'lpg' } })).toBe(false);
    const { premises: _none, ...noPremises } = good;
    expect(validate(noPremises)).toBe(false);
    expect(validate({ ...good, source: 'patrol' })).toBe(false);
  });

  it('a template for every pack and premises kind parses, matches the schema, passes the envelope checks and only misses required answers', () => {
    let templates = 0;
    for (const pack of packs) {
      for (const kind of pack.premises) {
        const text = inspectionTemplate(pack, kind.id, { inspectedAt: '2026-11-20T10:00:00+08:00' });
        const value = parse(text) as Inspection;
        const validate = ajv.compile(inspectionSchema(pack, kind.id));
        expect(validate(value), `${pack.id}/${kind.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
        const errors = checkFindings(pack, value).filter((i) => i.severity === 'error');
        expect(
          errors.filter((i) => i.code !== 'REQUIRED_MISSING'),
          `${pack.id}/${kind.id}`,
        ).toEqual([]);
        templates++;
      }
    }
    expect(templates).toBeGreaterThan(20);
    expect(() => inspectionTemplate(demo, 'moon')).toThrow(RangeError);
  });

  it('the demo template lists asked facts with their type and unit, and conditional ones commented with their condition', () => {
    const text = inspectionTemplate(demo, 'restaurant');
    expect(text).toMatch(/^premises: restaurant$/m);
    expect(text).toMatch(/^ {2}gas_type: null {2}# .*enum; .*lpg/m);
    expect(text).toMatch(/^ {2}# alarm_working: null {2}# .*; when alarm_installed = true$/m);
  });

  it('the fact catalogue says when each fact is asked', () => {
    const facts = factCatalogue(demo, 'restaurant');
    expect(facts.find((f) => f.id === 'alarm_working')).toMatchObject({ asked: 'when', when: 'alarm_installed = true', type: 'boolean' });
    expect(facts.find((f) => f.id === 'hose_length_m')).toMatchObject({ type: 'number', unit: 'm', asked: 'always' });
  });
  it('with a premises kind, says what the form model says: asked outright, never, or on what other answers still decide (every pack × kind)', async () => {
    const { formModel } = await import('../classify/form-model.js');
    for (const pack of packs)
      for (const kind of pack.premises) {
        const model = formModel(pack, { premises: kind.id });
        factCatalogue(pack, kind.id).forEach((entry, i) => {
          const q = model.questions[i]!;
          const at = `${pack.id} × ${kind.id}: ${entry.id}`;
          if (pack.facts[i]!.when === undefined) expect(entry.asked, at).toBe('always');
          else if (q.askedWhen === undefined) expect(entry.asked, at).toBe(q.asked ? 'always' : 'never');
          else expect([entry.asked, entry.when], at).toEqual(['when', conditionWords(q.askedWhen, pack.conditions)]);
        });
      }
    // the dust-explosion pack asks wood-dust premises about sanders outright (no 场所类型 condition left)
    const dust = packs.find((p) => p.id === 'dust-explosion');
    if (dust) for (const entry of factCatalogue(dust, 'wood_dust')) expect(entry.when ?? '', entry.id).not.toMatch(/\$premises|场所类型/);
  });
});
