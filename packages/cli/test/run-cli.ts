import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { memoryIo } from '../src/cli-io.js';
import { main } from '../src/main.js';
import { DEMO_PACK, REPO, tempDir } from './fixtures.js';

/** Run the CLI in-process (English unless `--lang` says otherwise). */
export async function runCli(argv: string[], over: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo({ cwd: REPO, env: { LANG: 'en_US.UTF-8' }, ...over });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/**
 * A copy of the demo pack in a fresh temporary folder, with its basic scenarios only
 * (`tests/basic.yaml`; the `base:` example file is left out so tests that rewrite basic.yaml
 * control every scenario); returns the copy's folder.
 */
export function copyDemoPack(): string {
  const dir = join(tempDir('anjian-demo-'), 'demo-kitchen');
  cpSync(DEMO_PACK, dir, { recursive: true });
  rmSync(join(dir, 'tests', 'base.yaml'), { force: true });
  return dir;
}

/** The demo pack's scenario file. */
export const DEMO_SCENARIOS = readFileSync(join(DEMO_PACK, 'tests', 'basic.yaml'), 'utf8');

/** Number of scenarios in all the demo pack's scenario files (basic.yaml and base.yaml). */
export const DEMO_SCENARIO_COUNT = readdirSync(join(DEMO_PACK, 'tests'))
  .filter((f) => f.endsWith('.yaml'))
  .reduce(
    (n, f) =>
      n +
      readFileSync(join(DEMO_PACK, 'tests', f), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('  - name:')).length,
    0,
  );

type Validate = ((value: unknown) => boolean) & { errors?: unknown };

/** A validator for one of core's JSON Schemas, with ajv from core (strict, all errors). */
export function schemaValidator(schemaFile: string): Validate {
  const requireFromCore = createRequire(join(REPO, 'packages', 'core', 'package.json'));
  const Ajv2020 = requireFromCore('ajv/dist/2020').default as new (o: object) => { compile(s: object): Validate };
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(join(REPO, 'packages', 'core', 'schema', schemaFile), 'utf8')) as object);
}
