/**
 * The browser bundles' cache (src/bundle-cache.ts): with ANJIAN_PORTAL_BUNDLE_CACHE set, a
 * second portal start serves the bundles the first stored; a changed input, a new file an
 * import now resolves to, a changed plugin module or a damaged entry mean building again.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLE_CACHE_ENV, buildBundle } from '../src/bundle-cache.js';
import { createPortal } from '../src/create-portal.js';

let work: string;
let cache: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'anjian-bundle-cache-'));
  cache = join(work, 'cache');
  vi.stubEnv(BUNDLE_CACHE_ENV, cache);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(work, { recursive: true, force: true });
});

const entries = () => readdirSync(cache).filter((f) => f.endsWith('.json'));
/** Marks an input as written an hour ago (a build stores nothing whose inputs changed while it ran). */
const old = (file: string) => utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
/** Rewrites the output of every stored entry (the entry stays valid: only a read of the cache can serve what it holds then). */
function tamper(change: string | ((text: string) => string)): void {
  for (const f of entries()) {
    const entry = JSON.parse(readFileSync(join(cache, f), 'utf8')) as { outputs: { base64: string }[] };
    for (const o of entry.outputs) o.base64 = Buffer.from(typeof change === 'string' ? change : change(Buffer.from(o.base64, 'base64').toString())).toString('base64');
    writeFileSync(join(cache, f), JSON.stringify(entry));
  }
}

describe('the portal with the cache', () => {
  it('a second start serves the bundles the first stored, without building them; a different core bundle gives a new UI bundle', async () => {
    const start = async () => {
      const dataDir = mkdtempSync(join(work, 'data-'));
      const portal = await createPortal({ dataDir, tickMs: 0 });
      const get = async (path: string) => (await portal.fetch(new Request(`http://127.0.0.1${path}`))).text();
      const core = await get('/vendor/anjian-core.js');
      const page = await get('/');
      await portal.close();
      return { core, page };
    };
    const first = await start();
    expect(first.core).toContain('checkFindings');
    expect(entries()).toHaveLength(2); // core's bundle and the UI's
    const marker = '\nglobalThis.fromTheCache = 1;\n';
    tamper((text) => text + marker);
    const second = await start();
    expect(second.core).toBe(first.core + marker); // read from the cache, not built
    // the UI bundle inlines core's: a different core bundle is a different key, so the UI was built again, around it
    expect(second.page).toContain('fromTheCache');
    expect(entries()).toHaveLength(3);
  }, 120_000);
});

describe('buildBundle', () => {
  const build = (entry: string, virtual?: Record<string, string>, plugins?: unknown[]) =>
    buildBundle({ entryPoints: [entry], bundle: true, format: 'esm', logLevel: 'silent', ...(plugins ? { plugins } : {}) }, virtual).then((files) => new TextDecoder().decode(files[0]!.contents));

  function sources(): string {
    const src = join(work, 'src');
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src);
    writeFileSync(join(src, 'a.js'), "import { word } from './b';\nconsole.log(word);\n");
    writeFileSync(join(src, 'b.js'), "export const word = 'one';\n");
    for (const f of readdirSync(src)) old(join(src, f));
    return join(src, 'a.js');
  }

  it('serves a stored build while its inputs are unchanged, and builds again when one changes', async () => {
    const entry = sources();
    expect(await build(entry)).toContain('"one"');
    expect(entries()).toHaveLength(1);
    tamper('cached');
    expect(await build(entry)).toBe('cached');
    writeFileSync(join(work, 'src', 'b.js'), "export const word = 'two';\n");
    expect(await build(entry)).toContain('"two"');
  });

  it('builds again when a new file in an input’s folder is what an import resolves to', async () => {
    const entry = sources();
    expect(await build(entry)).toContain('"one"');
    tamper('cached');
    expect(await build(entry)).toBe('cached');
    writeFileSync(join(work, 'src', 'b.ts'), "export const word: string = 'three';\n"); // .ts before .js for './b'
    expect(await build(entry)).toContain('"three"');
  });

  it("builds again when a plugin's module (an input that is no file) or its code changes", async () => {
    mkdirSync(join(work, 'src'));
    const entry = join(work, 'src', 'v.js');
    writeFileSync(entry, "import { word } from 'virtual:w';\nconsole.log(word);\n");
    old(entry);
    type Build = { onResolve(o: object, f: () => object): void; onLoad(o: object, f: () => object): void };
    const plugin = (contents: string) => ({
      name: 'v',
      setup(b: Build) {
        b.onResolve({ filter: /^virtual:w$/ }, () => ({ path: 'w', namespace: 'v' }));
        b.onLoad({ filter: /.*/, namespace: 'v' }, () => ({ contents, loader: 'js' }));
      },
    });
    const one = "export const word = 'one';";
    expect(await build(entry, { 'v:w': one }, [plugin(one)])).toContain('"one"');
    tamper('cached');
    expect(await build(entry, { 'v:w': one }, [plugin(one)])).toBe('cached');
    const two = "export const word = 'two';";
    expect(await build(entry, { 'v:w': two }, [plugin(two)])).toContain('"two"');
    // the same module declared, another plugin code
    const loud = {
      name: 'v',
      setup(b: Build) {
        b.onResolve({ filter: /^virtual:w$/ }, () => ({ path: 'w', namespace: 'v' }));
        b.onLoad({ filter: /.*/, namespace: 'v' }, () => ({ contents: one.replace('one', 'ONE'), loader: 'js' }));
      },
    };
    expect(await build(entry, { 'v:w': one }, [loud])).toContain('"ONE"');
    // an input named neither as a file nor in `virtual`: not stored
    rmSync(cache, { recursive: true, force: true });
    await build(entry, {}, [plugin(one)]);
    expect(readdirSync(work)).not.toContain('cache');
  });

  it('builds again when the stored entry is damaged or missing, and stores nothing while its inputs are being written', async () => {
    const entry = sources();
    await build(entry);
    const [file] = entries();
    writeFileSync(join(cache, file!), '{"watched": {"file:/x": "1"');
    expect(await build(entry)).toContain('"one"');
    rmSync(cache, { recursive: true, force: true });
    expect(await build(entry)).toContain('"one"');
    expect(entries()).toHaveLength(1);
    // an input written just now (maybe while esbuild read it): the build is not stored
    rmSync(cache, { recursive: true, force: true });
    writeFileSync(join(work, 'src', 'b.js'), "export const word = 'four';\n");
    expect(await build(entry)).toContain('"four"');
    expect(readdirSync(work)).not.toContain('cache');
  });

  it('without ANJIAN_PORTAL_BUNDLE_CACHE builds every time and stores nothing', async () => {
    vi.stubEnv(BUNDLE_CACHE_ENV, '');
    const entry = sources();
    expect(await build(entry)).toContain('"one"');
    expect(readdirSync(work)).not.toContain('cache');
  });
});
