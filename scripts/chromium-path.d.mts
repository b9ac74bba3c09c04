/**
 * Where the tests' Chromium is: `CHROMIUM_PATH`, else Debian's `chromium-headless-shell` when
 * installed, else Debian's `chromium`.
 */
export declare function chromiumPath(env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean): string;
/** Debian's `chromium-headless-shell` package. */
export declare const HEADLESS_SHELL: string;
/** Debian's `chromium` package. */
export declare const CHROMIUM: string;
