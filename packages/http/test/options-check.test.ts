import { compilePack, createMemoryStore, createStaticDirectory, createWorkingDayCalendar } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
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
});
