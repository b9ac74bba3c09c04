import { compilePack, createMemoryStore, createStaticDirectory, createWorkingDayCalendar } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { loadOverride } from '@anjian/documents';
import { loadBuiltinTemplates } from '@anjian/documents/node';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnjianApi, type AnjianApiOptions } from '../src/index.js';
import { demoKitchen } from './harness.js';

// A JavaScript host's wiring mistakes are refused by createAnjianApi, with what to pass instead —
// not a 500 on every request (no authenticate) or "pack.facts is not iterable" (a load result).
async function options(): Promise<AnjianApiOptions> {
  return {
    store: createMemoryStore(),
    directory: createStaticDirectory([]),
    calendar: createWorkingDayCalendar({ years: [2026], holidays: [], workdays: [] }),
    packs: [await demoKitchen()],
    authenticate: async () => null,
    logger: false,
  };
}

describe('createAnjianApi checks its options', () => {
  it('accepts the documented wiring', async () => {
    expect(createAnjianApi(await options()).fetch).toBeTypeOf('function');
  });

  it('refuses a missing authenticate instead of answering 500 to every request', async () => {
    const { authenticate: _left, ...rest } = await options();
    expect(() => createAnjianApi(rest as AnjianApiOptions)).toThrow(/authenticate\(request\) is required.*须提供 authenticate/);
  });

  it('refuses a missing store, directory or calendar, naming them', async () => {
    const { store: _s, calendar: _c, ...rest } = await options();
    expect(() => createAnjianApi(rest as AnjianApiOptions)).toThrow('createAnjianApi: store, calendar missing');
  });

  it('refuses a load result or a compiled evaluator in packs, naming the index', async () => {
    const loaded = await loadPackFromPath(fileURLToPath(new URL('../../../examples/packs/demo-kitchen', import.meta.url)));
    const base = await options();
    const pack = await demoKitchen();
    for (const wrong of [loaded, compilePack(pack)]) {
      expect(() => createAnjianApi({ ...base, packs: [pack, wrong] as unknown as AnjianApiOptions['packs'] })).toThrow(/packs\[1\] is not a loaded pack — pass loaded\.pack/);
    }
    expect(() => createAnjianApi({ ...base, packs: pack as unknown as AnjianApiOptions['packs'] })).toThrow(/packs must be an array/);
  });

  // A developer passed templates: loadBuiltinTemplates() (a Map): accepted without a word, and no
  // document kind was then known; a whole loadOverride result as override made the first command
  // fail with "Cannot read properties of undefined (reading 'jurisdiction')".
  it('refuses documents it cannot issue from, saying how to pass them', async () => {
    const base = await options();
    const loaded = loadOverride(
      'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n',
      'd1.yaml',
    );
    if (!loaded.ok) throw new Error('override');
    const templates = [...loadBuiltinTemplates().values()];
    const wrong = (documents: unknown) => () => createAnjianApi({ ...base, documents: documents as AnjianApiOptions['documents'] });
    expect(wrong({ templates, override: loaded.value })).not.toThrow();
    expect(wrong({ templates: loadBuiltinTemplates(), override: loaded.value })).toThrow(
      'createAnjianApi: documents.templates is a Map (what loadBuiltinTemplates() returns): pass its templates as a list, templates: [...loadBuiltinTemplates().values()] / documents.templates 是 Map',
    );
    expect(wrong({ templates, override: loaded })).toThrow(TypeError);
    expect(wrong({ templates, override: loaded })).toThrow(
      'createAnjianApi: documents.override is the load result of loadOverride: pass its .value once .ok is true (override: loaded.value) / documents.override 是 loadOverride 的加载结果',
    );
    expect(wrong({ templates, override: loadOverride('format: x', 'bad.yaml') })).toThrow('and it failed (ok: false): fix the issues it lists (formatDocumentIssues)');
    expect(wrong({ templates })).toThrow('createAnjianApi: documents.override is undefined, not a loaded override: pass loadOverride(text).value once .ok is true');
    expect(wrong({ override: loaded.value })).toThrow('createAnjianApi: documents.templates is undefined: pass a list of loaded templates');
    expect(wrong({ templates: [templates[0], { ok: true, value: templates[1] }], override: loaded.value })).toThrow(
      'documents.templates[1] is a load result, not a loaded template: pass loaded.value',
    );
    expect(wrong({ templates, override: loaded.value, renderPdf: 'pdf' })).toThrow('documents.renderPdf is a string: pass a function');
    expect(wrong([templates])).toThrow('createAnjianApi: documents is a list: pass { templates, override, renderPdf? }');
  });
});
