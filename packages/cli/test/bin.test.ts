import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { billionLaughs, deepBlock, deepFlow, DEMO_PACK, hugeYaml, MINIMAL_PACK, REPO, tempDir, writeFiles } from './fixtures.js';

// These tests run the built executable in a child process, so a crash, an abort or a
// signal of the YAML parser shows as what it is (what does not depend on the process runs
// in-process: cli-in-process.test.ts). Build first:
//   pnpm --filter @anjian/core --filter @anjian/cli build
const BIN = join(REPO, 'packages', 'cli', 'dist', 'bin.js');

function anjian(args: string[], cwd = REPO) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

type JsonIssue = { code: string; severity: string; file?: string; line?: number; column?: number };

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm --filter @anjian/core --filter @anjian/cli build" first`);
});

describe('the built bin', () => {
  it('validate examples/packs/demo-kitchen --format json exits 0 with an issues array', () => {
    const r = anjian(['validate', 'examples/packs/demo-kitchen', '--format', 'json']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Array.isArray(doc.issues)).toBe(true);
    expect(doc.packs).toEqual([{ path: 'examples/packs/demo-kitchen', id: 'demo-kitchen', version: '0.1.0', ok: true }]);
    expect(r.stderr).toBe('');
  });

  it('the committed shim bin/anjian.js runs the same program', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'packages', 'cli', 'bin', 'anjian.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('0.1.0\n');
  });
  it('a broken installation (@anjian/core not resolvable) is exit 2 with one bilingual line, the stack only with --debug', () => {
    const copy = join(tempDir(), 'dist');
    cpSync(join(REPO, 'packages', 'cli', 'dist'), copy, { recursive: true });
    const plain = spawnSync(process.execPath, [join(copy, 'bin.js'), '--version'], { encoding: 'utf8' });
    expect(plain.status).toBe(2);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toMatch(/^anjian: 内部错误：.*@anjian\/core.* \/ internal error: .*\n$/);
    expect(plain.stderr.split('\n')).toHaveLength(2);
    const debug = spawnSync(process.execPath, [join(copy, 'bin.js'), '--version', '--debug'], { encoding: 'utf8' });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
  it('exit 2 and a one-liner for an unknown flag: in the language of the locale, bilingual under a language-less locale', () => {
    const r = anjian(['validate', DEMO_PACK, '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('anjian: unknown option: --frobnicate\nrun anjian validate --help for usage\n');
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1' };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const c = spawnSync(process.execPath, [BIN, 'validate', DEMO_PACK, '--frobnicate'], { cwd: REPO, encoding: 'utf8', env });
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('未知选项：--frobnicate / unknown option: --frobnicate');
  });
});

describe('hostile inputs through the CLI: exit 1 with a located issue, never 2, never a signal', () => {
  const cases: [string, () => Record<string, string>, string][] = [
    ['flow nesting 5 000 deep', () => ({ 'pack.yaml': deepFlow(5000) }), 'NESTING_TOO_DEEP'],
    ['block nesting 5 000 deep', () => ({ 'pack.yaml': deepBlock(5000) }), 'NESTING_TOO_DEEP'],
    ['billion laughs', () => ({ 'pack.yaml': billionLaughs() }), 'YAML_ALIAS_LIMIT'],
    ['a 20 MB file', () => ({ 'pack.yaml': hugeYaml(20_000_000) }), 'FILE_TOO_LARGE'],
    ['a 20 MB included file', () => ({ 'pack.yaml': `${MINIMAL_PACK}include: [big.yaml]\n`, 'big.yaml': hugeYaml(20_000_000) }), 'FILE_TOO_LARGE'],
  ];
  // One process per format validates the five cases side by side (a pack folder each, case-0 …
  // case-4): a crash, an abort or a signal on any of them shows in that run's exit.
  const root = tempDir();
  const runs: Record<string, ReturnType<typeof anjian>> = {};
  beforeAll(() => {
    cases.forEach(([, files], k) => writeFiles(join(root, `case-${k}`), files()));
    for (const format of ['json', 'pretty']) runs[format] = anjian(['validate', root, '--format', format], root);
  });
  it.each(cases.map((c, k) => [...c, k] as const))('%s', (_name, _files, code, k) => {
    for (const format of ['json', 'pretty']) {
      const r = runs[format]!;
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      if (format === 'json') {
        const issue = (JSON.parse(r.stdout).issues as (JsonIssue & { pack?: string })[]).find((i) => i.pack === `case-${k}` && i.code === code);
        expect(issue).toMatchObject({ severity: 'error', file: expect.stringMatching(/\.yaml$/), line: expect.any(Number), column: expect.any(Number) });
      } else {
        expect(r.stdout).toMatch(new RegExp(`^case-${k}/\\S*\\.yaml:\\d+:\\d+  error  ${code}  `, 'm'));
        // A code frame never dumps a whole hostile line.
        for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThan(400);
      }
    }
  });
  it('50 packs nested 5 000 deep in one process (the parser runs 50 times)', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let k = 0; k < 50; k++) files[`p${String(k).padStart(2, '0')}/pack.yaml`] = k % 2 ? deepFlow(5000) : deepBlock(5000);
    writeFiles(dir, files);
    const r = anjian(['validate', dir, '--format', 'json']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.packs).toHaveLength(50);
    expect(doc.issues.filter((i: JsonIssue) => i.code === 'NESTING_TOO_DEEP' && i.line !== undefined)).toHaveLength(50);
  });
});

describe('anjian schema', () => {
  it('prints a JSON Schema 2020-12 that ajv compiles and that accepts the demo pack', async () => {
    const r = anjian(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // ajv is a dependency of @anjian/core, not of the CLI: resolve it from there.
    const requireFromCore = createRequire(join(REPO, 'packages', 'core', 'package.json'));
    const Ajv2020 = requireFromCore('ajv/dist/2020').default as new (o: object) => {
      compile(s: object): ((v: unknown) => boolean) & { errors?: unknown };
      validateSchema(s: object): boolean;
      errors?: unknown;
    };
    // The loader's own settings: strict, union types allowed (`edition: [string, number]` style).
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    const validate = ajv.compile(schema);
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const demo = parse(readFileSync(join(DEMO_PACK, 'pack.yaml'), 'utf8'));
    expect(validate(demo), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ format: 'anjian/pack@1', id: 'x' })).toBe(false);
  });
});
