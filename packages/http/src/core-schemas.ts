/**
 * Core's published JSON Schemas (`@anjian/core/schema/*.schema.json`) as OpenAPI
 * components: each `$defs` entry becomes `components.schemas.<Prefix><Def>` and its
 * `#/$defs/…` references are rewritten to point there, so the document and the files a
 * pack author validates against are one definition.
 *
 * @module
 */
import classificationSchema from '@anjian/core/schema/classification.schema.json';
import packSchema from '@anjian/core/schema/pack.schema.json';
import type { JsonSchema } from './types.js';

const SOURCES = { Pack: packSchema, Classification: classificationSchema } as const;

/** A published core schema, by the prefix its components carry. */
export type CoreSchemaName = keyof typeof SOURCES;

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The component name of `$defs/<def>` of a core schema (`Pack`, `fact` → `PackFact`). */
export function coreComponentName(schema: CoreSchemaName, def: string): string {
  return `${schema}${pascal(def)}`;
}

/** A `$ref` to a hoisted core definition. */
export function coreRef(schema: CoreSchemaName, def: string): JsonSchema {
  const defs = (SOURCES[schema] as { $defs: Record<string, unknown> }).$defs;
  if (!Object.hasOwn(defs, def)) throw new TypeError(`${schema} schema has no $defs/${def}`);
  return { $ref: `#/components/schemas/${coreComponentName(schema, def)}` };
}

function rewrite(value: unknown, schema: CoreSchemaName): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, schema));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${coreComponentName(schema, v.slice('#/$defs/'.length))}` : rewrite(v, schema);
  }
  return out;
}

/** Every definition of every published core schema, as components (unreferenced ones are pruned by the document builder). */
export function coreComponents(): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  for (const [schema, source] of Object.entries(SOURCES) as [CoreSchemaName, { $defs: Record<string, unknown> }][]) {
    for (const [def, body] of Object.entries(source.$defs)) components[coreComponentName(schema, def)] = rewrite(body, schema) as JsonSchema;
  }
  return components;
}
