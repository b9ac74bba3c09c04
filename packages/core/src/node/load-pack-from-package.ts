import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoadPackOptions, LoadResult } from '../pack/load-pack.js';
import { loadPackFromPath } from './load-pack-from-path.js';

/** Options of {@link loadPackFromPackage}. */
export interface LoadPackFromPackageOptions extends LoadPackOptions {
  /**
   * Where to resolve the package from, as Node resolves `import` (node_modules folders up
   * from there): a file URL or path. Pass `import.meta.url` to resolve from your module;
   * default: the working directory.
   */
  from?: string | URL;
}

/** Thrown by {@link loadPackFromPackage} when the package cannot be resolved. */
export class PackPackageError extends Error {
  /** Always `PACKAGE_NOT_FOUND`. */
  readonly code = 'PACKAGE_NOT_FOUND' as const;
  /** The package name asked for. */
  readonly packageName: string;
  /** The message in both languages (`message` is the English one). */
  readonly localized: { 'zh-CN': string; en: string };

  constructor(packageName: string, from: string, cause: unknown) {
    const en = `pack package ${packageName} not found from ${from}: install it (npm install ${packageName}) or pass { from: import.meta.url } (CommonJS: { from: __filename })`;
    super(en, { cause });
    this.name = 'PackPackageError';
    this.packageName = packageName;
    this.localized = { 'zh-CN': `从 ${from} 找不到检查表包 ${packageName}：请先安装（npm install ${packageName}），或传入 { from: import.meta.url }（CommonJS：{ from: __filename }）`, en };
  }
}

/**
 * Load a pack published as an npm package (e.g. `@anjian/pack-gas`) by its name, resolved
 * the way Node resolves an import — not relative to the working directory like a
 * `node_modules/…` path. The package's folder is loaded with {@link loadPackFromPath}
 * (its `pack.yaml`); issues carry paths inside the installed package.
 *
 * @example
 * ```ts
 * import { loadPackFromPackage } from '@anjian/core/node';
 * const gas = await loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
 * if (!gas.ok) throw new Error(gas.issues.map((i) => i.message.en).join('\n'));
 * ```
 */
export async function loadPackFromPackage(name: string, options: LoadPackFromPackageOptions = {}): Promise<LoadResult> {
  const { from, ...loadOptions } = options;
  const base = from === undefined ? pathToFileURL(join(process.cwd(), 'noop.js')).href : String(from);
  let manifest: string;
  try {
    manifest = createRequire(base).resolve(`${name}/package.json`);
  } catch (error) {
    throw new PackPackageError(name, from === undefined ? process.cwd() : String(from), error);
  }
  return loadPackFromPath(dirname(manifest), loadOptions);
}
