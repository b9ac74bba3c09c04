// T33 (docs/security.md): no request path lets a drawer choose a 双随机 seed. The seeded ranking
// (core's drawSpotCheck) is called only by core's rounds (commit–reveal); the HTTP draw takes
// no seed, and neither the HTTP layer nor the portal calls the low-level function.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RELATIONS_ROUTES } from '../src/routes/relations-routes.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('no drawer-chosen seed (T33)', () => {
  it('the HTTP draw declares no seed (and refuses unknown fields)', () => {
    const draw = RELATIONS_ROUTES.find((r) => r.operationId === 'drawRoundSample');
    expect(draw?.requestBody).toMatchObject({ additionalProperties: false });
    expect(Object.keys((draw?.requestBody as { properties: object }).properties)).not.toContain('seed');
  });

  it('neither the HTTP layer nor the portal calls drawSpotCheck: draws go through core rounds', () => {
    const files = ['packages/http/src', 'examples/portal/src', 'examples/portal/public'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.some((f) => f.endsWith('relations-routes.ts')) && files.some((f) => f.endsWith('relations-page.js'))).toBe(true); // the scan sees the draw's code
    const callers = files.filter((f) => readFileSync(f, 'utf8').includes('drawSpotCheck')).map((f) => f.slice(ROOT.length));
    expect(callers).toEqual([]);
  });
});
