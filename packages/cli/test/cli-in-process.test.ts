/**
 * Tests that ran the built bin in a child process although what they assert does not depend on
 * the process: the CLI's in-process entry (`main` with a memory io) gives the same exit code,
 * stdout and stderr without a Node start per call. What is about the process itself — the
 * real bin's exit codes and streams, the shim, the bundle resolving its dependencies, a crash or
 * a signal of the parser, the locale read from the environment — stays in bin.test.ts,
 * bin-pack-author.test.ts, fail-closed.test.ts and new-pack-bin.test.ts, each call a process.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir, writeFiles } from './fixtures.js';
import { runCli } from './run-cli.js';

describe('checklists/* as the shell expands it (from bin.test.ts)', () => {
  it('validate and test checklists/* as the shell expands it: the packs pass, the files beside them are notes on stderr (were 4 failing "packs")', async () => {
    const glob = readdirSync(join(REPO, 'checklists'))
      .map((name) => `checklists/${name}`)
      .sort();
    const files = glob.filter((path) => !statSync(join(REPO, path)).isDirectory());
    expect(files.length).toBeGreaterThan(0);
    for (const command of ['validate', 'test']) {
      const r = await runCli([command, ...glob, '--format', 'json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out) as { packs: { path: string }[] };
      expect(doc.packs.map((p) => p.path)).toEqual(glob.filter((path) => !files.includes(path)));
      expect(r.err.trimEnd().split('\n')).toEqual(files.map((path) => expect.stringMatching(new RegExp(`^anjian: skipped ${path}: not a pack`))));
    }
  });
});

// Issue 13, fail closed (from fail-closed.test.ts, which keeps the real bin's exit 1): the real
// gas pack and a real example inspection with its premises taken away, misspelt, or with extra keys.
describe('anjian classify fails closed on the envelope', () => {
  const LPG = readFileSync(join(REPO, 'examples', 'inspections', 'gas-basement-hotpot-lpg.yaml'), 'utf8');
  const GAS = join(REPO, 'checklists', 'gas');
  const classify = (args: string[], cwd: string) => runCli(['classify', '--pack', GAS, ...args], { cwd });

  it('without premises: exit 1, PREMISES_MISSING located, in both languages, no classification', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'lpg.yaml': LPG.replace(/^premises: .*\n/m, '') });
    const r = await classify(['lpg.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^lpg\.yaml:\d+:\d+ {2}error {2}PREMISES_MISSING {2}premises is missing/m);
    expect(r.out).toMatch(/restaurant/);
    expect(r.out).not.toMatch(/No hazard found/);
    const zh = await classify(['lpg.yaml', '--lang', 'zh-CN'], dir);
    expect(zh.out).toContain('未填写场所类型 premises');
    const json = JSON.parse((await classify(['lpg.yaml', '--format', 'json'], dir)).out);
    expect(json.classification).toBeNull();
    expect(json.issues.map((i: { code: string; pointer: string }) => [i.code, i.pointer])).toContainEqual(['PREMISES_MISSING', '/premises']);
  });

  it('a misspelt premises kind: exit 1 with a did-you-mean at the premises line', async () => {
    const dir = tempDir();
    const text = LPG.replace(/^premises: (.*)$/m, 'premises: restuarant');
    writeFiles(dir, { 'lpg.yaml': text });
    const line = text.split('\n').findIndex((l) => l.startsWith('premises:')) + 1;
    const r = await classify(['lpg.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`lpg.yaml:${line}:11  error  UNKNOWN_PREMISES  the pack has no premises kind "restuarant" (did you mean "restaurant"?)`);
  });

  it('unknown top-level keys and an invalid source: exit 1, each at its key', async () => {
    const dir = tempDir();
    const text = LPG.replace(/^source: .*\n/m, '') + 'source: patrol\nlevel: simple\n';
    writeFiles(dir, { 'lpg.yaml': text });
    const lines = text.split('\n');
    const r = await classify(['lpg.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`lpg.yaml:${lines.indexOf('level: simple') + 1}:1  error  UNKNOWN_KEY  an inspection cannot carry "level"`);
    expect(r.out).toContain(`lpg.yaml:${lines.indexOf('source: patrol') + 1}:9  error  UNKNOWN_SOURCE  invalid source "patrol"`);
  });
});

// Issue 22 (from bin-pack-author.test.ts, which keeps the real bin on a tab in the gas pack and
// the bundle's exceljs): a pack author on a Chinese Windows desktop, under a 中文 locale.
describe('a pack author on a Chinese Windows desktop', () => {
  const zh = (args: string[], cwd: string) => runCli(args, { cwd, env: { LANG: 'zh_CN.UTF-8' } });
  /** A copy of checklists/fire (without node_modules) in a fresh folder; returns the pack folder. */
  const copyFire = () => {
    const dir = join(tempDir(), 'fire');
    cpSync(join(REPO, 'checklists', 'fire'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
    return dir;
  };

  it('a pack file saved in GBK (Notepad\'s "ANSI") is one located error saying to save it as UTF-8, not a pack that loads with garbled texts', async () => {
    const dir = copyFire();
    const file = join(dir, 'pack.yaml');
    const text = readFileSync(file, 'utf8');
    // GBK bytes of the first Chinese text, the rest of the file as it was (UTF-8 reads both the same way)
    const at = text.search(/[\u4e00-\u9fff]/);
    const gbk: Record<string, string> = { 消: 'cffb', 防: 'b7c0' };
    const ch = text[at]!;
    expect(gbk[ch], `first Chinese character ${ch}`).toBeDefined();
    writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from(gbk[ch]!, 'hex'), Buffer.from(text.slice(at + 1), 'utf8')]));
    const before = text.slice(0, at).split('\n');
    const r = await zh(['validate', 'fire'], join(dir, '..'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(`^fire/pack\\.yaml:${before.length}:${before.at(-1)!.length + 1} {2}错误 {2}FILE_NOT_UTF8 {2}第 ${before.length} 行第 ${before.at(-1)!.length + 1} 列：这个文件不是 UTF-8 编码`, 'm'),
    );
    expect(r.out).toContain('提示：在编辑器中把文件另存为 UTF-8 编码');
    expect(r.out).toContain('共 1 个错误');
  });

  it('a clause in Chinese quotes “…” is an error at it with the ASCII-quoted clause to write', async () => {
    const dir = copyFire();
    const sections = join(dir, 'sections');
    const name = readdirSync(sections).find((f) => /clause: "[^"]+"/.test(readFileSync(join(sections, f), 'utf8')))!;
    const text = readFileSync(join(sections, name), 'utf8');
    const m = /clause: "([^"]+)"/.exec(text)!;
    writeFileSync(join(sections, name), text.replace(m[0], `clause: “${m[1]}”`));
    const line = text.slice(0, m.index).split('\n').length;
    const r = await zh(['validate', '--lang', 'en', 'fire'], join(dir, '..'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(`^fire/sections/${name}:${line}:\\d+ {2}error {2}FULLWIDTH_QUOTES {2}line ${line}, column \\d+: “${m[1]!.replace(/\./g, '\\.')}” is in Chinese \\(full-width\\) quotes`, 'm'),
    );
    expect(r.out).toContain(`hint: Use ASCII quotes: "${m[1]}"`);
  });

  it('a scenario date written 2026/11/20 fails with the date to write', async () => {
    const dir = copyFire();
    const tests = join(dir, 'tests');
    for (const f of readdirSync(tests)) rmSync(join(tests, f));
    writeFileSync(
      join(tests, 'dates.yaml'),
      'pack: fire\nscenarios:\n  - name: 日期写法 / a date written with slashes\n    premises: crowded_place\n    findings: { last_system_test_date: 2026/11/20 }\n    expect:\n      absent: []\n',
    );
    const r = await zh(['test', 'fire'], join(dir, '..'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /fire\/tests\/dates\.yaml:5:\d+ {2}BAD_DATE：.*（last_system_test_date）应为日期（YYYY-MM-DD），收到：文本 "2026\/11\/20" — 提示：日期写成 年-月-日，月和日补零：2026-11-20$/m,
    );
  });
});
