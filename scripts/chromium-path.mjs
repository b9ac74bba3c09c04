import { existsSync } from 'node:fs';

/**
 * Where the tests' (and benches') Chromium is: `CHROMIUM_PATH` when set; else Debian's headless
 * shell (`chromium-headless-shell`, the same Chromium build without the browser's UI layer, as
 * playwright runs headless itself) when installed; else Debian's `chromium`. The headless shell
 * uses about a third of the CPU for the same portal end-to-end file (chain-actions.e2e: 13 s of
 * Chromium CPU against 42 s), which is most of what the portal's Chromium files cost; pages,
 * fonts, screenshots and PDF printing are the same engine. scripts/test-setup.sh installs both.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @param {(path: string) => boolean} [exists]
 * @returns {string}
 */
export function chromiumPath(env = process.env, exists = existsSync) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return exists(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM;
}

/** Debian's `chromium-headless-shell` package. */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/** Debian's `chromium` package. */
export const CHROMIUM = '/usr/bin/chromium';
