/**
 * `anjian new pack <id>` (issue 18): the scaffold validates without an issue and its scenarios
 * pass with full rule coverage at once; it never writes into a non-empty folder; a bad id or a
 * stray option is a usage error in both languages.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFromPath } from '@anjian/core/node';
import { VERSION } from '../src/main.js';
import { packScaffold } from '../src/pack-scaffold.js';
import { runCli } from './run-cli.js';
import { REPO, tempDir } from './fixtures.js';

describe('anjian new pack', () => {
  it('writes a pack that validates clean and tests green with 100 % coverage', async () => {
    const cwd = tempDir('anjian-new-pack-');
    const made = await runCli(['new', 'pack', 'demo-x'], { cwd });
    expect(made.code).toBe(0);
    expect(made.err).toContain('next: anjian validate demo-x && anjian test demo-x');
    for (const f of ['pack.yaml', 'sections/general.yaml', 'tests/basic.yaml', 'README.md', 'package.json']) expect(existsSync(join(cwd, 'demo-x', f)), f).toBe(true);
    expect(readFileSync(join(cwd, 'demo-x', 'pack.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/@anjian/core/schema/pack.schema.json');
    expect(readFileSync(join(cwd, 'demo-x', 'tests/basic.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/@anjian/core/schema/scenario.schema.json');

    const validated = await runCli(['validate', 'demo-x', '--format', 'json'], { cwd });
    expect(validated.code).toBe(0);
    const report = JSON.parse(validated.out) as { issues: unknown[]; packs: { id: string; ok: boolean }[] };
    expect(report.issues).toEqual([]);
    expect(report.packs).toEqual([expect.objectContaining({ id: 'demo-x', ok: true })]);

    const tested = await runCli(['test', 'demo-x', '--coverage-threshold', '100'], { cwd });
    expect(tested.err).toBe('');
    expect(tested.code).toBe(0);
    expect(tested.out).toMatch(/3 passed, 0 failed/);

    // The domain is named (reports show the name for the code): general, the default, as such.
    const loaded = await loadPackFromPath(join(cwd, 'demo-x'));
    expect(loaded.ok && loaded.pack.domainLabel).toEqual({ 'zh-CN': '综合安全管理', en: 'General safety management' });
  });

  it('names a well-known domain as the bundled packs do, and asks for the name of another', async () => {
    const cwd = tempDir('anjian-new-pack-');
    for (const [id, domain] of [
      ['gas-x', 'gas'],
      ['cs-x', 'confined_space'],
      ['boiler-x', 'boilers'],
    ])
      expect((await runCli(['new', 'pack', id!, '--domain', domain!], { cwd })).code).toBe(0);
    const label = async (id: string) => {
      const loaded = await loadPackFromPath(join(cwd, id));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      return loaded.pack.domainLabel;
    };
    expect(await label('gas-x')).toEqual({ 'zh-CN': '燃气', en: 'Gas' });
    expect(await label('cs-x')).toEqual({ 'zh-CN': '有限空间', en: 'Confined spaces' });
    expect(await label('boiler-x')).toEqual({ 'zh-CN': '请填写领域名称（boilers）', en: "Fill in the domain's name (boilers)" });
    expect((await runCli(['validate', 'boiler-x', '--format', 'json'], { cwd })).code).toBe(0);
    // Every bundled pack's domain gets the bundled pack's name.
    const bundledDirs = readdirSync(join(REPO, 'checklists'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(REPO, 'checklists', d.name, 'pack.yaml')));
    expect(bundledDirs.length).toBeGreaterThanOrEqual(6);
    for (const { name: dir } of bundledDirs) {
      const bundled = await loadPackFromPath(join(REPO, 'checklists', dir));
      if (!bundled.ok || bundled.pack.domainLabel === undefined) throw new Error(`checklists/${dir} has no domainLabel`);
      const { domain, domainLabel } = bundled.pack;
      expect(packScaffold({ id: 'x', domain, schemaDir: '.' })['pack.yaml'], dir).toContain(`\ndomainLabel:\n  zh-CN: ${domainLabel['zh-CN']}\n  en: ${domainLabel.en}\n`);
    }
  });

  it('takes --domain and --output; the modeline follows the folder depth', async () => {
    const cwd = tempDir('anjian-new-pack-');
    expect((await runCli(['new', 'pack', 'boiler-room', '--domain', 'boilers', '--output', 'packs/boiler-room'], { cwd })).code).toBe(0);
    const pack = readFileSync(join(cwd, 'packs/boiler-room/pack.yaml'), 'utf8');
    expect(pack).toContain('$schema=../../node_modules/@anjian/core/schema/pack.schema.json');
    expect(pack).toContain('domain: boilers');
    expect((await runCli(['test', 'packs/boiler-room', '--coverage-threshold', '100'], { cwd })).code).toBe(0);
  });

  it('names the items after the whole pack id, or its initials when that would not fit an id; each validates and tests green', async () => {
    const cwd = tempDir('anjian-new-pack-');
    const long = `${'warehouse-'.repeat(5)}fire-store`; // 60 characters: WAREHOUSE-…-001-H1 would pass 64
    for (const [id, item] of [
      ['warehouse-fire', 'WAREHOUSE-FIRE-001'],
      ['9-lives', '9-LIVES-001'],
      [long, 'WWWWWFS-001'],
    ] as const) {
      expect((await runCli(['new', 'pack', id], { cwd })).code, id).toBe(0);
      const section = readFileSync(join(cwd, id, 'sections/general.yaml'), 'utf8');
      expect(section, id).toContain(`      - id: ${item}\n`);
      expect(section, id).toContain(`          - id: ${item}-H1\n`);
      const validated = await runCli(['validate', id, '--format', 'json'], { cwd });
      expect((JSON.parse(validated.out) as { issues: unknown[] }).issues, id).toEqual([]);
      expect(validated.code, id).toBe(0);
      const tested = await runCli(['test', id, '--coverage-threshold', '100'], { cwd });
      expect(tested.out, id).toMatch(/3 passed, 0 failed/);
      expect(tested.code, id).toBe(0);
    }
  });

  it('writes a package.json whose scripts validate and test with no warning allowed', async () => {
    const cwd = tempDir('anjian-new-pack-');
    expect((await runCli(['new', 'pack', 'demo-x'], { cwd })).code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, 'demo-x', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: 'anjian-pack-demo-x',
      version: '0.1.0',
      private: true,
      files: ['pack.yaml', 'sections', 'tests', 'README.md'],
      exports: { './pack.yaml': './pack.yaml', './package.json': './package.json' },
      scripts: { validate: 'anjian validate .', test: 'anjian validate . && anjian test . --coverage-threshold 100 --max-warnings 0' },
      devDependencies: { '@anjian/cli': `^${VERSION}` },
    });
  });

  it('inside the anjian repository: the $schema lines point at packages/core/schema and package.json is a workspace pack like the others', async () => {
    // A copy of the repository's layout: packages/core with its schema, and checklists/.
    const repo = tempDir('anjian-new-pack-repo-');
    mkdirSync(join(repo, 'packages', 'core', 'schema'), { recursive: true });
    mkdirSync(join(repo, 'checklists'));
    cpSync(join(REPO, 'packages', 'core', 'package.json'), join(repo, 'packages', 'core', 'package.json'));
    writeFileSync(join(repo, 'packages', 'core', 'schema', 'pack.schema.json'), '{}');
    for (const [cwd, argv] of [
      [repo, ['new', 'pack', 'fire', '--domain', 'fire', '--output', 'checklists/fire']],
      [join(repo, 'checklists'), ['new', 'pack', 'gas', '--domain', 'gas']],
    ] as const) {
      const made = await runCli([...argv], { cwd });
      expect(made.code, argv.join(' ')).toBe(0);
      expect(made.err).toContain('pnpm install');
    }
    for (const id of ['fire', 'gas']) {
      const dir = join(repo, 'checklists', id);
      expect(readFileSync(join(dir, 'pack.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../packages/core/schema/pack.schema.json');
      expect(readFileSync(join(dir, 'sections/general.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../packages/core/schema/pack.schema.json');
      expect(readFileSync(join(dir, 'tests/basic.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../packages/core/schema/scenario.schema.json');
      // the same package.json as the repository's own pack of that id, but the description, and no warning allowed
      const made = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
      const bundled = JSON.parse(readFileSync(join(REPO, 'checklists', id, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
      expect(Object.keys(made)).toEqual(Object.keys(bundled));
      for (const key of Object.keys(bundled).filter((k) => k !== 'description' && k !== 'scripts')) expect(made[key], `${id} ${key}`).toEqual(bundled[key]);
      expect(made.scripts.validate).toBe(bundled.scripts.validate);
      expect(made.scripts.test).toBe('anjian validate . && anjian test . --coverage-threshold 100 --max-warnings 0');
    }
  });

  it('refuses a non-empty folder, a bad id, a bad domain and options of new inspection (exit 2, nothing written)', async () => {
    const cwd = tempDir('anjian-new-pack-');
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'pack.yaml'), 'mine\n');
    // No locale: usage errors in both languages.
    const taken = await runCli(['new', 'pack', 'taken'], { cwd, env: {} });
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('文件夹已存在且不为空，不覆盖：taken / the folder exists and is not empty; nothing is overwritten: taken');
    expect(readFileSync(join(cwd, 'taken', 'pack.yaml'), 'utf8')).toBe('mine\n');
    for (const argv of [
      ['new', 'pack'],
      ['new', 'pack', 'Bad_Id'],
      ['new', 'pack', '../up'],
      ['new', 'pack', 'x', '--domain', 'Gas'],
      ['new', 'pack', 'x', '--premises', 'a'],
      ['new', 'pack', 'x', 'y'],
    ]) {
      const r = await runCli(argv, { cwd, env: {} });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(/^anjian: .* \/ .*\n/);
    }
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });
});
