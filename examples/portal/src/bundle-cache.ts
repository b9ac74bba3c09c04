/**
 * The esbuild runs of the browser bundles (bundle-browser-core.ts, bundle-portal-ui.ts), and a
 * cache of their outputs shared by processes — used only when the environment variable
 * `ANJIAN_PORTAL_BUNDLE_CACHE` names a folder. The portal's tests set it for the run
 * (test/global-setup.ts): the some 70 portal starts of a run (child processes and test workers)
 * each built the same two bundles, 0.3–0.4 s of esbuild's CPU per start (measured on a 2-core
 * machine); now the first start builds them and the later ones read them (about 25 ms). Without
 * the variable (the demo, `pnpm demo`) every start builds, as before.
 *
 * An entry is served only while what its build read is unchanged as far as these checks see (fail
 * safe: a missing, unreadable or different entry means building again):
 * - the entry's name is a hash of esbuild's version, the build options (a plugin's code as its
 *   source text: what it closes over must be in the options or in `virtual`) and the contents of
 *   the inputs that are not files (`<stdin>`, a plugin's module);
 * - it records a hash of every input file esbuild's metafile names, the listing of each folder
 *   holding one (a new file there can change what an import resolves to), and the
 *   package.json / tsconfig.json / jsconfig.json of that folder and every folder above it
 *   (exports maps and compiler settings; `absent` where there is none); all are checked on every read;
 * - a build during which an input may have changed (modified since a second before the build
 *   began) is not stored.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment variable naming the cache folder (unset: no cache). */
export const BUNDLE_CACHE_ENV = 'ANJIAN_PORTAL_BUNDLE_CACHE';

/** One output file of a build. */
export interface BuiltFile {
  path: string;
  contents: Uint8Array;
}

/** The part of esbuild's API used here (esbuild comes with the repo's tsup, not as a portal dependency). */
interface Esbuild {
  version: string;
  build(options: Record<string, unknown>): Promise<{ outputFiles: BuiltFile[]; metafile: { inputs: Record<string, unknown> } }>;
}

/** What a cache file holds. */
interface Entry {
  /** `file:<path>` / `dir:<path>` → its hash when the entry was stored. */
  watched: Record<string, string>;
  outputs: { path: string; base64: string }[];
}

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)), '../..');
/** Bump when the entry's format or what the key covers changes. */
const FORMAT = 1;
/** Files outside the inputs that decide how esbuild resolves and compiles them. */
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json'];

function esbuild(): Esbuild {
  const req = createRequire(join(repoRoot, 'package.json'));
  return createRequire(req.resolve('tsup'))('esbuild') as Esbuild;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The current hash of a watched `file:` or `dir:` (`absent` when it does not exist). */
function fingerprint(watched: string): string {
  const path = watched.slice(watched.indexOf(':') + 1);
  try {
    return watched.startsWith('dir:') ? sha256(readdirSync(path).sort().join('\n')) : sha256(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

/** What an entry must watch for these input files: each file, its folder's listing, the config files up to the root. */
function watchList(files: readonly string[]): string[] {
  const watched = new Set<string>();
  const seen = new Set<string>();
  for (const file of files) {
    watched.add(`file:${file}`);
    watched.add(`dir:${dirname(file)}`);
    for (let dir = dirname(file); !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      for (const name of CONFIG_FILES) watched.add(`file:${join(dir, name)}`);
      if (dirname(dir) === dir) break;
    }
  }
  return [...watched].sort();
}

/** The outputs of a stored entry, or undefined when it is missing, unreadable or anything it watches changed. */
function readEntry(file: string): BuiltFile[] | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (!entry.watched || !Array.isArray(entry.outputs) || Object.keys(entry.watched).length === 0) return undefined;
    for (const [watched, hash] of Object.entries(entry.watched)) if (fingerprint(watched) !== hash) return undefined;
    return entry.outputs.map((o) => {
      if (typeof o.path !== 'string' || typeof o.base64 !== 'string') throw new Error('malformed entry');
      return { path: o.path, contents: new Uint8Array(Buffer.from(o.base64, 'base64')) };
    });
  } catch {
    return undefined;
  }
}

/**
 * Runs esbuild with `options` (plus `write: false` and a metafile) and returns its output files,
 * from the cache when `ANJIAN_PORTAL_BUNDLE_CACHE` is set and an entry is still valid.
 * `virtual`: the contents of the inputs that are not files, under the names the metafile gives
 * them (`namespace:path` of a plugin's module; `<stdin>` needs none, its contents are in the
 * options) — they are part of the key: the options carry a plugin's code, not what it loads. An input that is neither a readable file nor named
 * there keeps the build out of the cache.
 */
export async function buildBundle(options: Record<string, unknown>, virtual: Readonly<Record<string, string>> = {}): Promise<BuiltFile[]> {
  const esb = esbuild();
  const dir = process.env[BUNDLE_CACHE_ENV];
  const run = () => esb.build({ ...options, write: false, metafile: true });
  if (!dir) return (await run()).outputFiles;

  // a plugin's code (its setup function) is part of the options as its source text
  const key = sha256(JSON.stringify([FORMAT, esb.version, options, Object.entries(virtual).sort()], (_, v: unknown) => (typeof v === 'function' || v instanceof RegExp ? String(v) : v)));
  const file = join(dir, `${key}.json`);
  const cached = readEntry(file);
  if (cached) return cached;

  const began = Date.now();
  const result = await run();
  const outputs = result.outputFiles.map((o) => ({ path: o.path, contents: o.contents }));
  try {
    const cwd = typeof options.absWorkingDir === 'string' ? options.absWorkingDir : process.cwd();
    // `<stdin>`'s contents are in the options
    const inputs = Object.keys(result.metafile.inputs)
      .filter((name) => !(name in virtual) && !(name === '<stdin>' && options.stdin))
      .map((name) => resolve(cwd, name));
    // an input that is no file, or one written while esbuild read it: not stored
    if (inputs.some((input) => statSync(input).mtimeMs >= began - 1000)) return outputs;
    const entry: Entry = {
      watched: Object.fromEntries(watchList(inputs).map((w) => [w, fingerprint(w)])),
      outputs: outputs.map((o) => ({ path: o.path, base64: Buffer.from(o.contents).toString('base64') })),
    };
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(entry));
    renameSync(partial, file); // whole or not at all for a reader in another process
  } catch {
    // not stored: the next start builds again
    rmSync(`${file}.${process.pid}.tmp`, { force: true });
  }
  return outputs;
}
