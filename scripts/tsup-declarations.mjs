// The `dts` option of the packages' tsup configs: tsc writes the declarations of the package's
// entries once (into <package>/.tmp/dts/, git-ignored), and tsup only bundles them.
//
// tsup's own declaration build (rollup-plugin-dts over the sources) type-checks them again
// through a per-file emit: core's took 38 s CPU where tsc over the same entries takes 10 s, and
// `pnpm test` runs it beside `pnpm check` on a 2-core machine. The bundled .d.ts are the same
// bytes: the same compiler options (tsup's: declarations only, ESNext, no maps; the
// `customConditions` a config passes), the same entries, the same module names (x.d.ts is
// renamed x.ts, so the chunks keep the sources' names), the package's own name mapped to its
// declarations as tsconfig's `@anjian/source` condition maps it to its sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

/**
 * Writes the package's declarations with tsc (runs when tsup loads the config) and returns
 * tsup's `dts` option that bundles them.
 *
 * @param {Record<string, string>} entry tsup's entry of the declarations (name → `src/….ts`)
 * @param {{ customConditions?: string[] }} [compilerOptions] for tsc and the bundler
 */
export function prebuiltDeclarations(entry, compilerOptions = {}) {
  const dir = process.cwd();
  const out = join(dir, '.tmp/dts');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const config = join(out, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../../../../tsconfig.base.json',
      compilerOptions: {
        ...compilerOptions,
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        noEmitOnError: true,
        declarationMap: false,
        sourceMap: false,
        target: 'ESNext',
        rootDir: '../../src',
        outDir: '.',
      },
      // Ambient declarations of the sources (documents' qrcode-core.d.ts), as tsup's program had them.
      include: ['../../src/**/*.d.ts'],
      files: Object.values(entry).map((source) => `../../${source}`),
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
  // tsc wrote x.d.ts for each x.ts; it becomes x.ts (the text is still the declarations, which
  // the bundler reads as they are), so the modules, and the chunks named after them, keep the
  // sources' names (x, not x.d). Each entry is also given to the bundler as a link x.d.ts → x.ts:
  // with declaration files as entries it makes no TypeScript program, and the link resolves to
  // the module that the other modules import.
  for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.d.ts')) renameSync(join(out, file), join(out, `${file.slice(0, -'.d.ts'.length)}.ts`));
  }
  const declarationOf = (source) => join(out, source.replace(/^(\.\/)?src\//, ''));
  const linkOf = (source) => {
    const target = declarationOf(source);
    const link = `${target.slice(0, -'.ts'.length)}.d.ts`;
    symlinkSync(basename(target), link);
    return link;
  };
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const paths = {};
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const source = target?.['@anjian/source'];
    if (typeof source === 'string' && source.endsWith('.ts')) paths[pkg.name + subpath.slice(1)] = [declarationOf(source)];
  }
  return {
    entry: Object.fromEntries(Object.entries(entry).map(([name, source]) => [name, linkOf(source)])),
    compilerOptions: { ...compilerOptions, paths },
  };
}
