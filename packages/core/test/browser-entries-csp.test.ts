import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// A page under a Content Security Policy without 'unsafe-eval' (the portal's, example 05's)
// cannot evaluate strings as code. Every module the package root reaches runs its top level
// when the root is imported, so nothing reached from it may compile code at load time (ajv
// compiles JSON Schemas with `new Function`: the permit rules' default table once loaded at
// import through the outbox envelope's topic names, and example 05's page stayed blank).
// The root is bundled for the browser without tree-shaking (the built package's chunks group
// modules, so a page's bundler cannot always drop what the root reaches), then run in a
// context where string evaluation throws EvalError, as under that CSP.
/** The part of esbuild's API used here (esbuild comes with tsup; core does not depend on it directly). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as Esbuild;
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

async function bundle(entry: string, contents = `export * from ${JSON.stringify(SRC + entry)};`): Promise<string> {
  const out = await esbuild.build({
    stdin: { contents, resolveDir: SRC, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'anjianCore',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    // as a bundler that does not tree-shake would (or tsup's chunks, which group modules):
    // every module the entry reaches runs its top level, whatever `sideEffects` and
    // `/* @__PURE__ */` say
    ignoreAnnotations: true,
  });
  return out.outputFiles[0]!.text;
}

function runWithoutEval(code: string): Record<string, unknown> {
  const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
  const context = createContext({ TextEncoder, TextDecoder, crypto: globalThis.crypto, console: quiet }, { codeGeneration: { strings: false, wasm: false } });
  // the context itself refuses string evaluation (the check that this test can fail)
  expect(() => runInContext('new Function("return 1")()', context)).toThrow(/Code generation from strings disallowed/);
  runInContext(code, context);
  return runInContext('anjianCore', context) as Record<string, unknown>;
}

describe('browser entries under a CSP without unsafe-eval', () => {
  it('the package root loads without evaluating code, and classifies', async () => {
    const core = runWithoutEval(await bundle('index.ts'));
    expect(typeof core.compilePack).toBe('function');
    expect(typeof core.toOutboxEnvelope).toBe('function');
  }, 30_000);

  it('loadPack validates a pack there: the pack schema is precompiled (src/pack/pack-validators.generated.js), not compiled with new Function', async () => {
    const core = runWithoutEval(await bundle('index.ts'));
    const dir = fileURLToPath(new URL('../../../examples/packs/demo-kitchen/', import.meta.url));
    const files = { 'pack.yaml': readFileSync(dir + 'pack.yaml', 'utf8'), 'sections/equipment.yaml': readFileSync(dir + 'sections/equipment.yaml', 'utf8') };
    const loadPack = core.loadPack as (source: { files: Record<string, string> }) => { ok: boolean; issues: { code: string }[] };
    expect(loadPack({ files }).ok).toBe(true);
    const broken = loadPack({ files: { ...files, 'pack.yaml': files['pack.yaml'].replace(/^version:.*$/m, 'version: 1.0\nversoin: 1.0.0') } });
    expect(broken.ok).toBe(false);
    expect(broken.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['SCHEMA_UNKNOWN_PROPERTY']));
  }, 30_000);

  it('@anjian/core/permits, whose default rules are validated at load, loads there too: their schema is precompiled (permit-rules-validator.generated.js)', async () => {
    const permits = runWithoutEval(await bundle('permits.ts'));
    expect(typeof permits.DEFAULT_PERMIT_RULES).toBe('object');
  }, 30_000);

  it('a module that compiles a JSON Schema with ajv at load would not (the check is not vacuous)', async () => {
    const code = await bundle('', `import Ajv from 'ajv/dist/2020.js'; export const validate = new Ajv().compile({ type: 'string' });`);
    expect(() => runWithoutEval(code)).toThrow(/Code generation from strings disallowed|EvalError/);
  }, 30_000);
});
