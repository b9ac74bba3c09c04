/**
 * The consumer test (issue 18; `scripts/consumer/consumer.mjs`): every publishable package
 * packed with `pnpm pack`, installed from the tarballs with npm in a fresh folder (no workspace
 * links, no `@anjian/source`), then the README's "Use it in your project" blocks run verbatim
 * (ESM, CJS, `npx anjian` on a pack by package name, `anjian new pack`), every entry point is
 * imported and required, a TypeScript consumer type-checks under node16 and bundler, a browser
 * bundle of @anjian/core classifies in Chromium under a CSP without unsafe-eval, the numbered
 * examples (examples/01-… to 06-…) run, a host's walk (a general hazard to closed over HTTP,
 * the outbox to a signed webhook, memory and PostgreSQL stores) passes, a file missing from a
 * pack fails validation, and the
 * release rehearsal (scripts/release-rehearsal.mjs: `changeset version` in a temporary copy)
 * must publish every file of these tarballs. One file, so its time shows on its own line.
 * Needs `pnpm build` first and the npm registry for third-party dependencies.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./consumer.mjs', import.meta.url));

describe('consumer test from tarballs', () => {
  it('the packed packages work in a fresh npm project as the README shows', { timeout: 600_000 }, () => {
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 64 << 20 });
    console.log(r.stdout + r.stderr);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
