/**
 * Validates responses against an OpenAPI document at run time, as a client generated from
 * it would read them — strictly: every object schema that lists `properties` and says
 * nothing about other keys is closed (`unevaluatedProperties: false`) for the check, so a
 * field the server sends and the document does not declare fails the test, as does a
 * missing required one or a wrong type.
 */
import { createRequire } from 'node:module';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface Ajv {
  compile(schema: object): Validate;
  addSchema(schema: object, key?: string): Ajv;
  addKeyword(keyword: string): Ajv;
}
// ajv is a dependency of @anjian/core, not of this package: resolve it from there.
const Ajv2020 = createRequire(new URL('../../core/package.json', import.meta.url))('ajv/dist/2020').default as new (options: object) => Ajv;

/** A copy of `schema` with every open object that lists properties closed. */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties`, `$defs` etc. map names to schemas; `enum`, `const`, `examples`, `example` are data.
    if (key === 'enum' || key === 'const' || key === 'examples' || key === 'example') out[key] = value;
    else if ((key === 'properties' || key === '$defs' || key === 'patternProperties' || key === 'schemas') && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closeObjects(v)]));
    } else out[key] = closeObjects(value);
  }
  if ('properties' in out && !('additionalProperties' in out) && !('unevaluatedProperties' in out)) out.unevaluatedProperties = false;
  return out;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Checks bodies against one document: `check(method, path, status, mediaType, body)` → errors or null. */
export interface DocumentValidator {
  /** `null` when the body matches; the ajv errors, or a sentence when the document has no such response. */
  check(method: string, path: string, status: number, mediaType: string, body: unknown): unknown;
  /** The validator of the schema at a JSON pointer into the document (`/components/schemas/X`). */
  at(pointer: string): Validate;
}

const cache = new WeakMap<object, DocumentValidator>();

/** The (cached) strict validator of an OpenAPI 3.1 document. */
export function documentValidator(document: Record<string, unknown>): DocumentValidator {
  const cached = cache.get(document);
  if (cached) return cached;
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  // Keywords of OpenAPI (the document's root and the discriminator annotation), not of JSON Schema.
  for (const keyword of ['discriminator', 'openapi', 'info', 'servers', 'jsonSchemaDialect', 'tags', 'paths', 'components', 'security']) ajv.addKeyword(keyword);
  const id = 'urn:anjian:openapi';
  ajv.addSchema({ ...(closeObjects(document) as object), $id: id });
  const validators = new Map<string, Validate>();
  const at = (pointer: string): Validate => {
    let v = validators.get(pointer);
    if (!v) validators.set(pointer, (v = ajv.compile({ $ref: `${id}#${pointer}` })));
    return v;
  };
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  const validator: DocumentValidator = {
    at,
    check(method, path, status, mediaType, body) {
      const response = paths[path]?.[method.toLowerCase()]?.responses[String(status)];
      if (!response) return `${method} ${path} documents no ${status}`;
      if (!response.content?.[mediaType]) return `${method} ${path} ${status} documents no ${mediaType} (has ${Object.keys(response.content ?? {}).join(', ')})`;
      if (!(response.content[mediaType] as { schema?: unknown }).schema) return null;
      const v = at(`/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}/content/${escape(mediaType)}/schema`);
      return v(body) ? null : v.errors;
    },
  };
  cache.set(document, validator);
  return validator;
}
