import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue, ScenarioFile, ScenarioSource } from '@anjian/core';
import { readYamlFile } from './read-yaml-file.js';
import { scenarioSchemaIssues } from './scenario-schema.js';
import { displayPath } from './validate-packs.js';

/** What {@link loadScenarios} found beside one pack. */
export interface LoadedScenarios {
  /** Scenario files that parsed and match the schema, ready for `runScenarios`. */
  sources: ScenarioSource[];
  /** Every scenario file found (relative to the working directory). */
  files: string[];
  /** Located problems of the files that could not be used. */
  issues: Issue[];
}

/**
 * Read the scenario files of a pack: `tests/*.yaml` and `tests/*.yml` beside its
 * `pack.yaml`, in name order, each with the safe YAML reader and checked against the
 * scenario JSON Schema. A file with problems is left out of `sources` and reported in
 * `issues`, with file, line and column. File names are shown relative to `cwd`.
 *
 * @example
 * ```ts
 * const { sources, issues } = loadScenarios('/repo/examples/packs/demo-kitchen', '/repo');
 * ```
 */
export function loadScenarios(packDir: string, cwd: string): LoadedScenarios {
  const dir = join(packDir, 'tests');
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    names = [];
  }
  const result: LoadedScenarios = { sources: [], files: [], issues: [] };
  for (const name of names) {
    const file = displayPath(cwd, join(dir, name));
    result.files.push(file);
    const parsed = readYamlFile(join(dir, name), file);
    if (!parsed.ok) {
      result.issues.push(...parsed.issues);
      continue;
    }
    const problems = scenarioSchemaIssues(parsed.value, file, parsed.locate);
    if (problems.length > 0) {
      result.issues.push(...problems);
      continue;
    }
    result.sources.push({ file, content: parsed.value as ScenarioFile, locate: (pointer) => parsed.locate(pointer) });
  }
  return result;
}
