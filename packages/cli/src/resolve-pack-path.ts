import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** An npm package name (`@scope/name` or `name`), as a pack argument may give it. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * The absolute path of a pack argument: the file or folder when it exists under `cwd`; else,
 * when it reads as a package name (`@anjian/pack-gas`), the folder of that package as Node
 * resolves it from `cwd` (`node_modules`, workspaces); else the path as given, so the caller
 * reports it missing.
 *
 * @example
 * ```ts
 * resolvePackPath('@anjian/pack-gas', process.cwd()); // '/app/node_modules/@anjian/pack-gas'
 * ```
 */
export function resolvePackPath(given: string, cwd: string): string {
  const path = resolve(cwd, given);
  if (existsSync(path) || !PACKAGE_NAME.test(given)) return path;
  try {
    return dirname(createRequire(join(cwd, 'noop.js')).resolve(`${given}/package.json`));
  } catch {
    return path;
  }
}
