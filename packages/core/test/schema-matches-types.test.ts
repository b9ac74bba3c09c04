// The JSON Schema and packages/core/src/pack/types.ts describe the same shapes: this test
// reads the interfaces with the TypeScript compiler API and compares property names and
// optionality with the schema's definitions. Differences are listed (and justified) below.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import packSchema from '../schema/pack.schema.json';

const typesPath = fileURLToPath(new URL('../src/pack/types.ts', import.meta.url));
const source = ts.createSourceFile('types.ts', readFileSync(typesPath, 'utf8'), ts.ScriptTarget.ES2022, true);

function members(name: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) {
      for (const m of statement.members) {
        if (ts.isPropertySignature(m) && m.name) {
          const key = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(source);
          out[key] = m.questionToken === undefined; // true = required
        }
      }
    }
  }
  return out;
}

const defs = (packSchema as { $defs: Record<string, { properties?: Record<string, unknown>; required?: string[] }> }).$defs;
function schemaMembers(def: string): Record<string, boolean> {
  const d = defs[def]!;
  return Object.fromEntries(Object.keys(d.properties ?? {}).map((k) => [k, (d.required ?? []).includes(k)]));
}

// Properties the loader fills in with a default, so the YAML may omit them while the loaded type has them.
const DEFAULTED: Record<string, string[]> = {
  HazardRule: ['basis'],
  Composite: ['basis'],
  Item: ['hazards'],
  Pack: ['conditions', 'sections', 'composites'],
};

const PAIRS: [string, string][] = [
  ['LocalizedText', 'localizedText'],
  ['Regulation', 'regulation'],
  ['Citation', 'citation'],
  ['PremisesKind', 'premisesKind'],
  ['FactOption', 'factOption'],
  ['Fact', 'fact'],
  ['LeafCondition', 'leafCondition'],
  ['ConditionReference', 'conditionReference'],
  ['AllCondition', 'allCondition'],
  ['AnyCondition', 'anyCondition'],
  ['NotCondition', 'notCondition'],
  ['AtLeastCondition', 'atLeastCondition'],
  ['HazardRule', 'hazardRule'],
  ['Item', 'item'],
  ['Section', 'section'],
  ['Composite', 'composite'],
  ['Pack', 'packFile'],
];

describe('pack schema ↔ types.ts', () => {
  it.each(PAIRS)('%s has the same properties as $defs/%s', (typeName, def) => {
    const fromTypes = members(typeName);
    expect(Object.keys(fromTypes).length, `interface ${typeName} not found`).toBeGreaterThan(0);
    const fromSchema = schemaMembers(def);
    for (const key of DEFAULTED[typeName] ?? []) fromSchema[key] = true;
    if (def === 'packFile') delete fromSchema.include; // merged away by the loader
    expect(fromSchema).toEqual(fromTypes);
  });
});
