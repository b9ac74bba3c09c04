import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli-io.js';
import { main } from '../src/main.js';
import { DEMO_PACK, MINIMAL_PACK, MISSPELT_PACK, REPO, tempDir, writeFiles } from './fixtures.js';
import { copyDemoPack } from './run-cli.js';
import { xmlProblem } from './xml-well-formed.js';

async function run(argv: string[], over: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo({ cwd: REPO, env: { LANG: 'en_US.UTF-8' }, ...over });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function packs(files: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}

describe('exit codes', () => {
  it('0 for a clean pack', async () => {
    const dir = packs({ 'pack.yaml': MINIMAL_PACK });
    const { code, out, err } = await run(['validate', dir]);
    expect(code).toBe(0);
    expect(out).toContain('1 pack checked: 1 passed');
    expect(err).toBe('');
  });
  it('1 for an invalid pack, with the located issue and a did-you-mean hint', async () => {
    const dir = packs({ 'pack.yaml': MISSPELT_PACK });
    const { code, out } = await run(['validate', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/^pack\.yaml:32:27 {2}error {2}UNKNOWN_FACT {2}/m);
    expect(out).toContain('alarm_installed');
    expect(out).toContain('> 32 |');
  });
  it('1 when warnings exceed --max-warnings, 0 when within', async () => {
    // The demo pack has warnings (unverified citations) and no error.
    expect((await run(['validate', DEMO_PACK])).code).toBe(0);
    expect((await run(['validate', DEMO_PACK, '--max-warnings', '0'])).code).toBe(1);
    expect((await run(['validate', DEMO_PACK, '--max-warnings', '1000'])).code).toBe(0);
  });
  it.each([
    [['validate', '--nope'], 'unknown option: --nope'],
    [['validate', '--format', 'xml'], 'invalid value "xml" for --format'],
    [['validate', '--lang', 'fr'], 'invalid value "fr" for --lang'],
    [['validate', '--max-warnings', 'many'], '--max-warnings needs a non-negative integer'],
    [['validate', '--lang'], 'the option --lang needs a value'],
    [['validate', '-f'], 'the option --format needs a value'],
    [['validate', 'no/such/folder'], 'no such file or folder: no/such/folder'],
    [['valdate'], 'unknown command: valdate (did you mean validate?)'],
    // a subcommand joined to its command
    [['new-pack', 'dust'], 'unknown command: new-pack (did you mean new pack?)'],
    [['schema', 'extra'], 'unexpected argument: extra'],
    [[], 'missing command'],
  ])('2 for usage error %j, bilingual where no language is known, English only with an English locale; no stack', async (argv, english) => {
    const { code, out, err } = await run(argv, { env: {} });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(english);
    expect(err).toMatch(/[\u4e00-\u9fff]/);
    expect(err).not.toMatch(/\n\s+at /);
    const en = await run(argv);
    expect(en.code).toBe(2);
    expect(en.err).toContain(english);
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('a usage error speaks the language of --lang, else of the locale; both only when neither names one', async () => {
    const argv = ['validate', '--nope'];
    const english = 'anjian: unknown option: --nope\nrun anjian validate --help for usage\n';
    const chinese = 'anjian: 未知选项：--nope\n运行 anjian validate --help 查看用法\n';
    const both = 'anjian: 未知选项：--nope / unknown option: --nope\n运行 anjian validate --help 查看用法 / run anjian validate --help for usage\n';
    expect((await run([...argv, '--lang', 'en'], { env: { LC_ALL: 'zh_CN.UTF-8' } })).err).toBe(english);
    expect((await run([...argv, '--lang=zh-CN'], { env: { LANG: 'en_US.UTF-8' } })).err).toBe(chinese);
    expect((await run(argv, { env: { LANG: 'zh_CN.UTF-8' } })).err).toBe(chinese);
    expect((await run(argv, { env: { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' } })).err).toBe(english);
    expect((await run(argv, { env: { LANG: 'de_DE.UTF-8' } })).err).toBe(english);
    for (const env of [{}, { LANG: 'C.UTF-8' }, { LC_ALL: 'POSIX' }]) expect((await run(argv, { env })).err, JSON.stringify(env)).toBe(both);
    // An unknown --lang is itself the usage error; the locale still decides its language.
    expect((await run(['validate', '--lang', 'fr'], { env: { LANG: 'zh_CN.UTF-8' } })).err).toContain('anjian: --lang 的取值“fr”无效');
    expect((await run(['valdate', '--lang', 'zh-CN'])).err).toBe('anjian: 未知命令：valdate（是不是 validate？）\n运行 anjian --help 查看用法\n');
    // the command typed after --lang is still the command (it was reported as an unexpected argument)
    expect((await run(['--lang', 'zh-CN', 'valdate', 'x'])).err).toBe('anjian: 未知命令：valdate（是不是 validate？）\n运行 anjian --help 查看用法\n');
  });
  it('2 when no pack is found under the paths', async () => {
    const dir = packs({ 'readme.txt': 'nothing here' });
    const { code, err } = await run(['validate', dir]);
    expect(code).toBe(2);
    expect(err).toContain('no pack (a folder with pack.yaml) found');
  });
  it('2 for a crash: one bilingual line, the stack only with --debug', async () => {
    const broken = () => {
      const io = memoryIo({ cwd: REPO, env: {} });
      io.stdout.write = () => {
        throw new Error('disk on fire');
      };
      return io;
    };
    const io = broken();
    expect(await main(['validate', DEMO_PACK], io)).toBe(2);
    expect(io.err()).toBe('anjian: 内部错误：disk on fire / internal error: disk on fire （加 --debug 查看调用栈） / (add --debug for the stack trace)\n');
    const debug = broken();
    expect(await main(['validate', DEMO_PACK, '--debug'], debug)).toBe(2);
    expect(debug.err()).toMatch(/disk on fire\n.*Error: disk on fire\n\s+at /s);
  });
});

describe('formats print only their document on stdout', () => {
  it.each(['json', 'sarif', 'junit', 'github'])('%s, for a pack with warnings and one with errors', async (format) => {
    const dir = packs({ 'good/pack.yaml': MINIMAL_PACK, 'bad/pack.yaml': MISSPELT_PACK });
    const { code, out, err } = await run(['validate', dir, DEMO_PACK, '--format', format], { isTTY: true });
    expect(code).toBe(1);
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(out)).not.toThrow();
    if (format === 'junit') expect(out.startsWith('<?xml')).toBe(true);
    if (format === 'github') for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=/);
    // No progress in a machine format, even with stderr on a terminal (progress.test.ts: pretty only).
    expect(out).not.toContain('checking');
    expect(err).toBe('');
  });
  it('json carries packs, issues with both languages, and the summary', async () => {
    const dir = packs({ 'bad/pack.yaml': MISSPELT_PACK });
    const { out } = await run(['validate', dir, '--format', 'json', '--lang', 'zh-CN']);
    const doc = JSON.parse(out);
    expect(doc.packs).toEqual([{ path: expect.stringMatching(/bad$/), id: null, version: null, ok: false }]);
    const unknown = doc.issues.find((i: { code: string }) => i.code === 'UNKNOWN_FACT');
    expect(unknown).toMatchObject({ severity: 'error', line: 32, column: 27, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    expect(unknown.file).toMatch(/bad\/pack\.yaml$/);
    expect(doc.summary.errors).toBeGreaterThan(0);
  });
  it('no progress line when stderr is not a terminal', async () => {
    const dir = packs({ 'a/pack.yaml': MINIMAL_PACK, 'b/pack.yaml': MINIMAL_PACK.replace('id: tiny', 'id: tiny-b') });
    const { err } = await run(['validate', dir, '--format', 'json']);
    expect(err).toBe('');
  });
});

describe('--max-warnings in a machine format says why the run failed, without touching the document', () => {
  // The demo pack has warnings (unverified citations) and no error.
  it.each(['json', 'sarif', 'junit'])('validate --format %s: stdout stays the document, the reason goes to stderr in the language asked', async (format) => {
    const { code, out, err } = await run(['validate', DEMO_PACK, '--format', format, '--max-warnings', '0']);
    expect(code).toBe(1);
    if (format === 'junit') expect(xmlProblem(out)).toBeNull();
    else expect(() => JSON.parse(out)).not.toThrow();
    expect(err).toMatch(/^anjian: \d+ warnings exceed --max-warnings 0\.\n$/);
    const zh = await run(['validate', DEMO_PACK, '--format', format, '--max-warnings', '0', '--lang', 'zh-CN']);
    expect(zh.err).toMatch(/^anjian: 警告数 \d+ 超过 --max-warnings 0。\n$/);
    // no locale that names a language (LANG=C, as on many CI runners): both
    const both = await run(['validate', DEMO_PACK, '--format', format, '--max-warnings', '0'], { env: { LANG: 'C.UTF-8' } });
    expect(both.err).toMatch(/^anjian: 警告数 \d+ 超过 --max-warnings 0。 \/ \d+ warnings exceed --max-warnings 0\.\n$/);
    expect(both.out).toBe(out);
    const within = await run(['validate', DEMO_PACK, '--format', format, '--max-warnings', '1000']);
    expect(within.code).toBe(0);
    expect(within.err).toBe('');
  });
  it('validate --format github: an ::error annotation of the run, nothing on stderr', async () => {
    const { code, out, err } = await run(['validate', DEMO_PACK, '--format', 'github', '--max-warnings', '0']);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toMatch(/^::error title=MAX_WARNINGS::\d+ warnings exceed --max-warnings 0\.$/m);
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) /);
    const zh = await run(['validate', DEMO_PACK, '--format', 'github', '--max-warnings', '0', '--lang', 'zh-CN']);
    expect(zh.out).toMatch(/^::error title=MAX_WARNINGS::警告数 \d+ 超过 --max-warnings 0。$/m);
    expect((await run(['validate', DEMO_PACK, '--format', 'github', '--max-warnings', '1000'])).out).not.toContain('MAX_WARNINGS');
  });
  it.each(['json', 'junit'])('test --format %s: the reason on stderr too (stdout stays the document)', async (format) => {
    // one scenario warning: LPG cylinders counted in a natural-gas scenario (NOT_APPLICABLE_ANSWER)
    const dir = copyDemoPack();
    writeFiles(dir, {
      'tests/warned.yaml': `pack: demo-kitchen
scenarios:
  - name: cylinders counted with piped gas
    premises: restaurant
    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 3 }
    expect: { hazards: [] }
`,
    });
    const { code, out, err } = await run(['test', dir, '--format', format, '--max-warnings', '0'], { cwd: dir });
    expect(code).toBe(1);
    if (format === 'junit') expect(xmlProblem(out)).toBeNull();
    else expect(JSON.parse(out)).toMatchObject({ maxWarnings: 0, summary: { warnings: 1 } });
    expect(err).toBe('anjian: 1 warning exceeds --max-warnings 0.\n');
    const both = await run(['test', dir, '--format', format, '--max-warnings', '0'], { cwd: dir, env: {} });
    expect(both.err).toBe('anjian: 警告数 1 超过 --max-warnings 0。 / 1 warning exceeds --max-warnings 0.\n');
    const within = await run(['test', dir, '--format', format, '--max-warnings', '1'], { cwd: dir });
    expect(within.code).toBe(0);
    expect(within.err).toBe('');
  });
});

describe('options', () => {
  it('--quiet leaves warnings out', async () => {
    const loud = await run(['validate', DEMO_PACK]);
    const quiet = await run(['validate', DEMO_PACK, '--quiet']);
    expect(loud.out).toContain('warning  CITATION_UNVERIFIED');
    expect(quiet.out).not.toContain('CITATION_UNVERIFIED');
  });
  it('language: --lang wins, else LC_ALL / LANG', async () => {
    const dir = packs({ 'pack.yaml': MISSPELT_PACK });
    expect((await run(['validate', dir], { env: { LANG: 'zh_CN.UTF-8' } })).out).toContain('错误  UNKNOWN_FACT');
    expect((await run(['validate', dir], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } })).out).toContain('error  UNKNOWN_FACT');
    expect((await run(['validate', dir, '--lang', 'zh-CN'], { env: { LANG: 'C' } })).out).toContain('错误  UNKNOWN_FACT');
  });
  it('a pack.yaml path and a folder of packs both work; paths are shown relative to cwd', async () => {
    const dir = packs({ 'x/one/pack.yaml': MINIMAL_PACK, 'x/two/pack.yaml': MINIMAL_PACK.replace('id: tiny', 'id: two') });
    const folder = JSON.parse((await run(['validate', 'x', '--format', 'json'], { cwd: dir })).out);
    expect(folder.packs.map((p: { path: string; id: string }) => [p.path, p.id])).toEqual([
      ['x/one', 'tiny'],
      ['x/two', 'two'],
    ]);
    const file = JSON.parse((await run(['validate', 'x/two/pack.yaml', '--format', 'json'], { cwd: dir })).out);
    expect(file.packs).toEqual([{ path: 'x/two', id: 'two', version: '1.0.0', ok: true }]);
  });
  it('--help, <command> --help and --version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('validate');
    expect(help.out).toContain('schema');
    const zh = await run(['validate', '--help', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('用法：anjian validate');
    expect(zh.out).toContain('--max-warnings <N>');
    expect(zh.out).toContain('pretty | json | junit | sarif | github');
    const version = await run(['--version']);
    expect(version).toEqual({ code: 0, out: '0.1.0\n', err: '' });
  });
});
