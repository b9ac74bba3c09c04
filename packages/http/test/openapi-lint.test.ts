import { fileURLToPath } from 'node:url';
import { loadConfig, lintFromString } from '@redocly/openapi-core';
import { Spectral } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const document = async () => (await createHarness()).api.openapi;

describe('the OpenAPI document passes the two common linters, 0 errors and 0 warnings', () => {
  it('Spectral, ruleset spectral:oas (all rules)', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({
      extends: [[oas as never, 'all']],
      rules: {
        // Off: the API is embedded in a host's portal; whom to contact is the host's to say
        // (it can add info.contact to the document it serves), the SDK cannot know it.
        'info-contact': 'off',
      },
    });
    const results = await spectral.run(JSON.stringify(await document(), null, 2));
    expect(results.map((r) => `${r.severity === 0 ? 'error' : r.severity === 1 ? 'warn' : 'info'} ${r.code} ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it('Redocly, recommended (redocly.yaml)', async () => {
    const config = await loadConfig({ configPath: fileURLToPath(new URL('../redocly.yaml', import.meta.url)) });
    const problems = await lintFromString({ source: JSON.stringify(await document(), null, 2), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  });
});

/** Every schema-like object of the document with its JSON pointer. */
function* walk(value: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walk(v, `${pointer}/${i}`);
  else if (typeof value === 'object' && value !== null) {
    yield [pointer, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}
const isArrayType = (type: unknown) => type === 'array' || (Array.isArray(type) && type.includes('array'));

describe('the OpenAPI document is typed to the leaf', () => {
  it('no `type: array` without `items` anywhere', async () => {
    const bare = [...walk(await document())].filter(([, node]) => isArrayType(node.type) && !('items' in node) && !('prefixItems' in node)).map(([p]) => p);
    expect(bare).toEqual([]);
  });

  it('every operation has a summary, a bilingual description and an example; every authenticated one a 4XX', async () => {
    const doc = (await document()) as { paths: Record<string, Record<string, Record<string, any>>> };
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        if (!op.summary) missing.push(`${where}: summary`);
        if (!/[a-z]{3}/.test(op.description ?? '') || !/[\u4e00-\u9fff]/.test(op.description ?? '')) missing.push(`${where}: description in English and Chinese`);
        const media = [...Object.values(op.requestBody?.content ?? {}), ...Object.values(op.responses).flatMap((r: any) => Object.values(r.content ?? {}))] as { example?: unknown }[];
        if (!media.some((m) => m.example !== undefined) && !op.parameters.some((p: { example?: unknown }) => p.example !== undefined)) missing.push(`${where}: example`);
        if (op.security === undefined && !Object.keys(op.responses).some((s) => s.startsWith('4'))) missing.push(`${where}: 4XX`);
      }
    }
    expect(missing).toEqual([]);
  });
});
