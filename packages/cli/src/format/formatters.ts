import type { Formatter } from './format-options.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

/** The output formats of `anjian validate`, by `--format` name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = Object.freeze({
  pretty: formatPretty,
  json: formatJson,
  junit: formatJunit,
  sarif: formatSarif,
  github: formatGithub,
});

/** The `--format` names, pretty first. */
export const FORMAT_NAMES: readonly string[] = Object.freeze(Object.keys(FORMATTERS));
