import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
import { runCli } from './run-cli.js';

// A department's repository where one pack's entry file is named pack.yml (or Pack.yaml):
// the pack search reads only pack.yaml, so that pack used to be left out without a word
// and CI passed with it unchecked. It is now an error at the file, with the name to use.
function repo(): string {
  const dir = tempDir();
  writeFiles(dir, {
    'packs/good/pack.yaml': MINIMAL_PACK,
    'packs/fire/pack.yml': MINIMAL_PACK.replace('id: tiny', 'id: fire'),
    'packs/fire/tests/basic.yaml': 'pack: fire\nscenarios: []\n',
    'packs/docs/README.md': '# not a pack\n',
  });
  return dir;
}

describe('a pack folder whose entry file is not named pack.yaml', () => {
  it('anjian validate: an error at the file, in 中文 and English, exit 1 (was: the pack left out, exit 0)', async () => {
    const cwd = repo();
    const en = await runCli(['validate', 'packs'], { cwd });
    expect(en.code).toBe(1);
    expect(en.out).toContain(
      'packs/fire/pack.yml:1:1  error  FILE_NOT_FOUND  this folder has pack.yml but no pack.yaml: anjian reads only the entry file named pack.yaml, so this pack was not checked.',
    );
    expect(en.out).toContain('hint: Rename pack.yml to pack.yaml (all lower case, extension .yaml).');
    expect(en.out).toContain('2 packs checked: 1 passed, 1 with errors');
    const zh = await runCli(['validate', 'packs', '--lang', 'zh-CN'], { cwd });
    expect(zh.out).toContain('提示：把 pack.yml 改名为 pack.yaml（全部小写，扩展名 .yaml）。');
    const github = await runCli(['validate', 'packs', '--format', 'github'], { cwd });
    expect(github.out).toContain('::error file=packs/fire/pack.yml,line=1,col=1,title=FILE_NOT_FOUND::');
  });

  it('anjian validate on the folder itself: the same error, not "no pack found" (exit 2)', async () => {
    const cwd = repo();
    const r = await runCli(['validate', 'packs/fire'], { cwd });
    expect(r.code).toBe(1);
    expect(r.out).toContain('packs/fire/pack.yml:1:1  error  FILE_NOT_FOUND');
  });

  it('anjian test: the pack fails and counts as a file not loaded', async () => {
    const cwd = repo();
    const r = await runCli(['test', 'packs'], { cwd });
    expect(r.code).toBe(1);
    expect(r.out).toContain('packs/fire/pack.yml:1:1  error  FILE_NOT_FOUND');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed, 1 file not loaded');
  });

  it('a folder with pack.yaml is not reported for another pack.* beside it; a folder without any is still "no pack found"', async () => {
    const cwd = tempDir();
    writeFiles(cwd, { 'a/pack.yaml': MINIMAL_PACK, 'a/pack.json': '{}', 'b/notes.yaml': 'x: 1\n' });
    expect((await runCli(['validate', 'a'], { cwd })).code).toBe(0);
    const none = await runCli(['validate', 'b'], { cwd });
    expect(none.code).toBe(2);
    expect(none.err).toContain('no pack (a folder with pack.yaml) found under b');
  });
});

describe('one file of a pack given as the path', () => {
  function pack(): string {
    const cwd = tempDir();
    const [head, sections] = MINIMAL_PACK.split('sections:\n');
    writeFiles(cwd, {
      'packs/tiny/pack.yaml': `${head}include: [sections/alarm.yaml]\n`,
      'packs/tiny/sections/alarm.yaml': `sections:\n${sections}`,
      'packs/tiny/tests/basic.yaml': 'pack: tiny\nscenarios: []\n',
    });
    return cwd;
  }

  it('an included section file: a usage error naming the pack folder to give (was: "lacks format, id, title…")', async () => {
    const cwd = pack();
    expect((await runCli(['validate', 'packs/tiny'], { cwd })).code).toBe(0);
    // No locale: the usage error is in both languages.
    const r = await runCli(['validate', 'packs/tiny/sections/alarm.yaml'], { cwd, env: {} });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      "packs/tiny/sections/alarm.yaml is part of the pack packs/tiny (an included file, without a format line) and cannot be checked alone; give the pack's folder: anjian validate packs/tiny",
    );
    expect(r.err).toContain('packs/tiny/sections/alarm.yaml 是检查表 packs/tiny 的一部分');
  });

  it('a scenario file: the anjian test command to run', async () => {
    const r = await runCli(['test', 'packs/tiny/tests/basic.yaml'], { cwd: pack() });
    expect(r.code).toBe(2);
    expect(r.err).toContain('packs/tiny/tests/basic.yaml is a scenario file of the pack packs/tiny; run: anjian test packs/tiny');
  });

  it('pack.yaml itself, and a one-file pack under another name, are still packs', async () => {
    const cwd = pack();
    expect((await runCli(['validate', 'packs/tiny/pack.yaml'], { cwd })).code).toBe(0);
    writeFiles(cwd, { 'single/gas.yaml': MINIMAL_PACK });
    expect((await runCli(['validate', 'single/gas.yaml'], { cwd })).code).toBe(0);
  });
});
