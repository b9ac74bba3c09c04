import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Import from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import packSchema from '../schema/pack.schema.json';
import { AJV_OPTIONS } from '../src/pack/validate-pack-file.js';

type AjvClass = typeof Ajv2020Import;
const Ajv2020: AjvClass = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import) as AjvClass;

type Json = Record<string, unknown>;

/** Every schema object reachable from the root, with its path (iterative). */
function walk(root: unknown): { path: string; node: Json }[] {
  const out: { path: string; node: Json }[] = [];
  const stack: { path: string; node: unknown }[] = [{ path: '#', node: root }];
  while (stack.length > 0) {
    const { path, node } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((n, i) => stack.push({ path: `${path}/${i}`, node: n }));
      continue;
    }
    out.push({ path, node: node as Json });
    for (const [k, v] of Object.entries(node)) if (k !== 'enum' && k !== 'const' && k !== 'examples') stack.push({ path: `${path}/${k}`, node: v });
  }
  return out;
}

describe('pack.schema.json', () => {
  it('compiles with ajv in strict mode (draft 2020-12) with the loader options', () => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS, strict: true });
    expect(() => ajv.compile(packSchema)).not.toThrow();
    expect(AJV_OPTIONS.$data).toBe(false);
    expect(AJV_OPTIONS.strict).toBe(true);
    expect((packSchema as Json).$id).toBe('urn:anjian:schema:pack');
    expect((packSchema as Json).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('gives every property and definition a title and a bilingual description', () => {
    const missing: string[] = [];
    for (const { path, node } of walk(packSchema)) {
      if (path.includes('/if')) continue; // discriminators, not documentation
      const described = (s: unknown, at: string) => {
        const o = s as Json;
        if (typeof o !== 'object' || o === null) return missing.push(`${at} is not an object`);
        if (typeof o.title !== 'string' || o.title.length === 0) missing.push(`${at} lacks title`);
        if (typeof o.description !== 'string' || !/[\u4e00-\u9fff]/.test(o.description) || !/[A-Za-z]/.test(o.description)) missing.push(`${at} lacks a bilingual description`);
      };
      if (node.properties) for (const [k, v] of Object.entries(node.properties as Json)) described(v, `${path}/properties/${k}`);
      if (path === '#/$defs') for (const [k, v] of Object.entries(node)) described(v, `${path}/${k}`);
    }
    expect(missing).toEqual([]);
  });

  it('closes every object, bounds every string and array, and rejects prototype keys', () => {
    const problems: string[] = [];
    for (const { path, node } of walk(packSchema)) {
      if (path.includes('/if')) continue;
      const types = ([] as unknown[]).concat(node.type ?? []);
      if (types.includes('string') && node.enum === undefined && node.const === undefined && typeof node.maxLength !== 'number') problems.push(`${path}: string without maxLength`);
      if (types.includes('array') && typeof node.maxItems !== 'number') problems.push(`${path}: array without maxItems`);
      if (node.properties && node.additionalProperties !== false) problems.push(`${path}: object without additionalProperties: false`);
      if (node.properties && !node.propertyNames) problems.push(`${path}: object without propertyNames`);
      if (types.includes('object') && !node.properties && !node.$ref && !node.if && !node.propertyNames) problems.push(`${path}: open object without propertyNames`);
    }
    expect(problems).toEqual([]);
    const ajv = new Ajv2020({ ...AJV_OPTIONS });
    const validate = ajv.compile(packSchema);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const fragment = JSON.parse(`{"facts": [], "${key}": {}}`);
      expect(validate(fragment), key).toBe(false);
    }
  });

  it('accepts the demo pack entry and its fragment (entry by format, fragment without)', () => {
    const dir = fileURLToPath(new URL('../../../examples/packs/demo-kitchen/', import.meta.url));
    const validate = new Ajv2020({ ...AJV_OPTIONS }).compile(packSchema);
    const entry = parse(readFileSync(dir + 'pack.yaml', 'utf8'));
    const fragment = parse(readFileSync(dir + 'sections/equipment.yaml', 'utf8'));
    expect(validate(entry), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(fragment), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...fragment, id: 'x' })).toBe(false); // a fragment may not carry metadata
    expect(validate({ ...entry, format: 'anjian/pack@2' })).toBe(false);
  });
});
