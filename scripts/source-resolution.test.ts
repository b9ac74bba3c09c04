// Guards the test set-up: workspace packages must resolve to their TypeScript sources, or
// tests would silently run against a stale dist/ build.
import { describe, expect, it } from 'vitest';

describe('workspace resolution in tests', () => {
  it('loads @anjian/core and its sub-paths from src/', async () => {
    const core = await import('@anjian/core');
    const testing = await import('@anjian/core/testing');
    const node = await import('@anjian/core/node');
    // import.meta.url of a module is not exposed; the resolver tells us instead.
    const resolved = await Promise.all(['@anjian/core', '@anjian/core/testing', '@anjian/core/node'].map((s) => import.meta.resolve?.(s) ?? ''));
    expect(typeof core.compilePack).toBe('function');
    expect(typeof testing.runStoreConformance).toBe('function');
    expect(typeof node.loadPackFromPath).toBe('function');
    for (const url of resolved.filter(Boolean)) expect(url).toMatch(/\/src\//);
  });
});
