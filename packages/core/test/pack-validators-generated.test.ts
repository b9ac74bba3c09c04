/**
 * The loader validates pack files with Ajv standalone code generated ahead of time from
 * schema/pack.schema.json (`src/pack/pack-validators.generated.js`), the permit rules and the
 * sensor messages theirs likewise, so that no process compiles a schema at run time. The
 * schemas stay the one definition: each committed module must be what a fresh generation
 * gives, and the generated validators must answer exactly as the schema compiled by Ajv with
 * the same options does, `errors` included (the loader's messages read them with
 * `verbose: true`: schema, parentSchema, data).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Import from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import packSchema from '../schema/pack.schema.json';
import permitRulesSchema from '../schema/permit-rules.schema.json';
import sensorMessageSchema from '../schema/sensor-message.schema.json';
import { SENSOR_MESSAGE_AJV_OPTIONS } from '../src/monitoring/sensor-message.js';
import { validateSensorMessage } from '../src/monitoring/sensor-message-validator.generated.js';
import { validatePackEntry, validatePackFragment } from '../src/pack/pack-validators.generated.js';
import { AJV_OPTIONS } from '../src/pack/validate-pack-file.js';
import defaultRulesData from '../src/permits/default-permit-rules.json';
import { PERMIT_RULES_AJV_OPTIONS } from '../src/permits/permit-rules.js';
import { validatePermitRules } from '../src/permits/permit-rules-validator.generated.js';
import { GENERATED_VALIDATORS, generateValidators } from './generate-pack-validators.js';

type AjvClass = typeof Ajv2020Import;
const Ajv2020: AjvClass = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import) as AjvClass;
const CORE = fileURLToPath(new URL('../', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every YAML file of the packs under checklists/ and examples/packs/ (entry files and fragments), parsed. */
function packFiles(): { file: string; value: unknown }[] {
  const out: { file: string; value: unknown }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'tests' && entry.name !== 'test') walk(path);
      } else if (/\.ya?ml$/.test(entry.name)) out.push({ file: path.slice(ROOT.length), value: parse(readFileSync(path, 'utf8')) as unknown });
    }
  };
  walk(join(ROOT, 'checklists'));
  walk(join(ROOT, 'examples/packs'));
  return out;
}

/** Values that fail in many ways: wrong types, unknown and missing keys, long strings, bad patterns, anyOf branches, prototype keys. */
function mutations(entry: Record<string, unknown>): unknown[] {
  const facts = entry.facts as Record<string, unknown>[];
  return [
    null,
    42,
    [],
    {},
    { format: 'anjian/pack@1' },
    { ...entry, format: 'anjian/pack@2' },
    { ...entry, id: 'bad id!', version: '1.0', titel: entry.title },
    { ...entry, id: 'x'.repeat(65), title: { en: 'no Chinese' } },
    { ...entry, facts: 'none' },
    { ...entry, facts: [...facts, { id: 'f', type: 'count', label: { 'zh-CN': '数' }, min: 'zero' }] },
    { ...entry, facts: [{ ...facts[0], type: 'colour' }, { id: 1 }, 'text', null] },
    { ...entry, regulations: [{ id: 'r', title: { 'zh-CN': '法规' }, number: 7, edition: true }] },
    JSON.parse(`{"facts": [], "__proto__": {}, "constructor": 1}`),
    { ...entry, sections: [{ id: 's', title: { 'zh-CN': '组' }, items: [{ id: 'i', asks: ['nope'], hazards: [{ id: 'h', level: 'huge', when: { all: 'x' }, deadline: { days: -1 } }] }] }] },
  ];
}

/** `errors` as the loader reads them (plain data; the schema objects compared by value). */
const errorsOf = (validate: ValidateFunction, value: unknown) => ({ valid: validate(value), errors: structuredClone(validate.errors ?? null) });

describe('the precompiled validators', () => {
  it.each(GENERATED_VALIDATORS)(
    'are current: Ajv standalone code from $schemaFile gives the committed $path',
    (spec) => {
      const generated = generateValidators(spec);
      if (process.env.UPDATE_PACK_VALIDATORS) writeFileSync(join(CORE, spec.path), generated);
      expect(readFileSync(join(CORE, spec.path), 'utf8') === generated, 'run pnpm generate:pack-validators').toBe(true);
    },
    60_000,
  );

  it.each(GENERATED_VALIDATORS)('are plain code: $path compiles nothing at run time (no Function, no eval)', (spec) => {
    const text = readFileSync(join(CORE, spec.path), 'utf8');
    expect(text).not.toMatch(/\bFunction\b|\beval\b|\brequire\(/);
    expect(text.match(/^import .*$/gm)).toEqual(['import runtime_ucs2length from "ajv/dist/runtime/ucs2length.js";']);
  });

  it('answer as the schema compiled by Ajv does, errors and all, for every pack file and broken ones', () => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS });
    ajv.addSchema(packSchema as object);
    const exports = GENERATED_VALIDATORS[0]!.exports;
    const compiled = { entry: ajv.getSchema(exports.validatePackEntry!)!, fragment: ajv.getSchema(exports.validatePackFragment!)! };
    const files = packFiles();
    const entries = files.filter((f) => /pack\.ya?ml$/.test(f.file));
    expect(entries.length).toBeGreaterThanOrEqual(6);
    const values = [...files.map((f) => f.value), ...entries.flatMap((e) => mutations(e.value as Record<string, unknown>))];
    let invalid = 0;
    for (const value of values) {
      for (const [kind, generated] of [
        ['entry', validatePackEntry],
        ['fragment', validatePackFragment],
      ] as const) {
        const expected = errorsOf(compiled[kind], value);
        expect(errorsOf(generated, value), `${kind} ${JSON.stringify(value).slice(0, 80)}`).toEqual(expected);
        if (!expected.valid) invalid += 1;
      }
    }
    expect(invalid).toBeGreaterThan(100);
  }, 60_000);

  it('the permit rules and sensor messages: the same answers and errors as their schemas compiled by Ajv', () => {
    const permits = new Ajv2020({ ...PERMIT_RULES_AJV_OPTIONS }).compile(permitRulesSchema);
    const rules = structuredClone(defaultRulesData) as unknown as { kinds: Record<string, unknown>[]; roles: unknown };
    const kind = rules.kinds[0]!;
    const permitValues = [
      rules,
      {},
      null,
      { ...rules, roles: 'none', extra: 1 },
      { ...rules, kinds: [{ ...kind, grade: 7, kind: 'x'.repeat(300) }, { ...kind, basis: 'none', gasTest: { limits: [{ min: 'low' }] } }, 'kind'] },
    ];
    for (const value of permitValues) expect(errorsOf(validatePermitRules, value), JSON.stringify(value).slice(0, 80)).toEqual(errorsOf(permits, value));
    expect(permitValues.filter((v) => !permits(v)).length).toBe(4);

    const sensors = new Ajv2020({ ...SENSOR_MESSAGE_AJV_OPTIONS }).compile(sensorMessageSchema);
    const message = { v: 1, device: 'D-1', id: 'm-1', type: 'reading', value: 1.2, at: '2026-12-06T09:00:00+08:00' };
    const sensorValues = [
      message,
      { ...message, type: 'alarm' },
      { ...message, value: undefined },
      { ...message, v: 2 },
      { ...message, device: 'x'.repeat(500) },
      { ...message, extra: true },
      { ...message, type: 'boom' },
      [],
      'text',
      null,
    ];
    for (const value of sensorValues) expect(errorsOf(validateSensorMessage, value), JSON.stringify(value)?.slice(0, 80)).toEqual(errorsOf(sensors, value));
    expect(sensorValues.filter((v) => !sensors(v)).length).toBeGreaterThanOrEqual(6);
  });
});
