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

// `anjian validate checklists/*`: the shell hands over every entry of the folder — the packs'
// folders, and the files beside them (a cross-pack table, a policy test in TypeScript, a
// README). Those files used to be loaded as packs and failed (YAML_SYNTAX on a .ts file),
// so the command authors and CI type could never pass. A file that is not a pack is now
// left out with one note per argument on stderr, in the --lang language; the packs are
// checked as with `anjian validate checklists`, by validate and test alike.
describe('a shell glob over a folder of packs (checklists/*)', () => {
  function packs(): { cwd: string; args: string[] } {
    const cwd = tempDir();
    writeFiles(cwd, {
      'packs/tiny/pack.yaml': MINIMAL_PACK,
      'packs/consistency.yaml': '# a table the packs share\ncases:\n  - id: same-level\n',
      'packs/policy.test.ts': '// policy: checks over every pack\nimport { it } from "vitest";\n',
      'packs/README.md': '# Packs\n',
    });
    return { cwd, args: ['packs/README.md', 'packs/consistency.yaml', 'packs/policy.test.ts', 'packs/tiny'] };
  }

  it('anjian validate: the pack is checked, each other file is one note on stderr in English, exit 0 (was: 3 "packs" with errors)', async () => {
    const { cwd, args } = packs();
    const r = await runCli(['validate', ...args], { cwd });
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 pack checked');
    expect(r.out).not.toContain('consistency.yaml');
    expect(r.err.trimEnd().split('\n')).toEqual([
      'anjian: skipped packs/README.md: not a pack (a pack is a folder with pack.yaml, or a YAML file with the line format: anjian/pack@1)',
      'anjian: skipped packs/consistency.yaml: not a pack (a pack is a folder with pack.yaml, or a YAML file with the line format: anjian/pack@1)',
      'anjian: skipped packs/policy.test.ts: not a pack (a pack is a folder with pack.yaml, or a YAML file with the line format: anjian/pack@1)',
    ]);
  });

  it('in Chinese with --lang zh-CN, no English word; machine formats keep stdout to their document', async () => {
    const { cwd, args } = packs();
    const zh = await runCli(['validate', ...args, '--lang', 'zh-CN'], { cwd });
    expect(zh.code).toBe(0);
    expect(zh.err.trimEnd().split('\n')[1]).toBe('anjian：已跳过 packs/consistency.yaml：不是检查表（检查表是含 pack.yaml 的文件夹，或带有 format: anjian/pack@1 一行的 YAML 文件）');
    expect(zh.err).not.toMatch(/skipped|not a pack/);
    const json = await runCli(['validate', ...args, '--format', 'json'], { cwd });
    expect(JSON.parse(json.out).packs.map((p: { path: string }) => p.path)).toEqual(['packs/tiny']);
    expect(json.err.trimEnd().split('\n')).toHaveLength(3);
  });

  it('anjian test agrees: the same pack tested, the same notes, exit 0', async () => {
    const { cwd, args } = packs();
    const validate = await runCli(['validate', ...args], { cwd });
    const r = await runCli(['test', ...args, '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).packs.map((p: { path: string }) => p.path)).toEqual(['packs/tiny']);
    expect(r.err).toBe(validate.err);
  });

  it('only files that are not packs: the notes, then "no pack found" (exit 2)', async () => {
    const { cwd } = packs();
    for (const command of ['validate', 'test']) {
      const r = await runCli([command, 'packs/README.md', 'packs/policy.test.ts'], { cwd });
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('anjian: skipped packs/policy.test.ts: not a pack');
      expect(r.err).toContain('no pack (a folder with pack.yaml) found under packs/README.md packs/policy.test.ts');
    }
  });
});

// A one-file pack that lacks its `format:` line used to be "skipped: not a pack" — with other
// paths beside it, the run passed with that pack unchecked. The command cannot tell a file a
// glob swept up from one typed by name, so a YAML file with a key only a pack has (sections:,
// include:, composites:, domain:) is read as a pack: the loader's located error says to add
// the line. Other files (a shared table, a README) are still notes.
describe('a one-file pack without its format: line', () => {
  const NO_FORMAT = MINIMAL_PACK.replace('format: anjian/pack@1\n', '');

  it('is an error at the file, saying to add format: anjian/pack@1 — alone or beside other packs, validate and test alike (was: skipped, exit 0)', async () => {
    const cwd = tempDir();
    writeFiles(cwd, { 'packs/tiny/pack.yaml': MINIMAL_PACK, 'packs/extra.yaml': NO_FORMAT.replace('id: tiny', 'id: extra'), 'packs/consistency.yaml': 'cases: []\n' });
    const r = await runCli(['validate', 'packs/tiny', 'packs/extra.yaml', 'packs/consistency.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.out).toContain('packs/extra.yaml:1:1  error  SCHEMA_REQUIRED  top level: the pack file lacks the required property "format".');
    expect(r.out).toContain('hint: Add format: Always anjian/pack@1.');
    expect(r.err.trimEnd().split('\n')).toEqual(['anjian: skipped packs/consistency.yaml: not a pack (a pack is a folder with pack.yaml, or a YAML file with the line format: anjian/pack@1)']);
    const alone = await runCli(['validate', 'packs/extra.yaml', '--lang', 'zh-CN'], { cwd });
    expect(alone.code).toBe(1);
    expect(alone.out).toMatch(/packs\/extra\.yaml:1:1 {2}错误 {2}SCHEMA_REQUIRED/);
    const tested = await runCli(['test', 'packs/tiny', 'packs/extra.yaml'], { cwd });
    expect(tested.code).toBe(1);
    expect(tested.out).toContain('packs/extra.yaml:1:1  error  SCHEMA_REQUIRED');
  });
});

// `anjian test city/overlay.yaml` (the overlay where the pack goes) read the overlay as a pack:
// five schema errors (no domain, no property extends…) and no word of --overlay.
describe('an overlay given as the path', () => {
  const OVERLAY = `# a city's rules
format: anjian/overlay@1
id: city
version: 1.0.0
extends: tiny
title: { zh-CN: 某市, en: City }
`;
  function repo(): string {
    const cwd = tempDir();
    writeFiles(cwd, { 'packs/tiny/pack.yaml': MINIMAL_PACK, 'city/overlay.yaml': OVERLAY });
    return cwd;
  }

  it('is a usage error at its format line that says what to pass: the pack and --overlay (the other paths given, else the folder of the pack it extends), in the language asked', async () => {
    const cwd = repo();
    for (const command of ['validate', 'test']) {
      const r = await runCli([command, 'city/overlay.yaml'], { cwd });
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(
        `anjian: city/overlay.yaml:2:9: city/overlay.yaml is a local overlay (format: anjian/overlay@1), not a pack; give the pack it extends (tiny) as the path and the overlay with --overlay: anjian ${command} <folder of the pack tiny> --overlay city/overlay.yaml`,
      );
    }
    const beside = await runCli(['test', 'packs', 'city/overlay.yaml'], { cwd });
    expect(beside.code).toBe(2);
    expect(beside.err).toContain('anjian test packs --overlay city/overlay.yaml');
    const zh = await runCli(['test', 'city/overlay.yaml', '--lang', 'zh-CN'], { cwd });
    expect(zh.err).toContain(
      'anjian: city/overlay.yaml:2:9：city/overlay.yaml 是地方覆盖文件（format: anjian/overlay@1），不是检查表；请把它所覆盖的检查表（tiny）作为路径，覆盖文件用 --overlay 给出：anjian test <检查表 tiny 的文件夹> --overlay city/overlay.yaml',
    );
    // what it says to run works
    expect((await runCli(['test', 'packs', '--overlay', 'city/overlay.yaml'], { cwd })).err).not.toContain('is a local overlay');
  });

  it('a folder that holds only an overlay: "no pack found", and what to pass', async () => {
    const r = await runCli(['validate', 'city'], { cwd: repo() });
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'no pack (a folder with pack.yaml) found under city: city/overlay.yaml is a local overlay (format: anjian/overlay@1), not a pack; give the pack it extends (tiny) as the path and the overlay with --overlay: anjian validate <folder of the pack tiny> --overlay city/overlay.yaml',
    );
  });
});
