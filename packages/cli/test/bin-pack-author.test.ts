import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from './fixtures.js';

// Issue 22, items 4–6, through the built executable (two child processes: a real pack with
// a tab, and the bundle finding exceljs). Build first:
//   pnpm --filter @anjian/core --filter @anjian/cli build
const BIN = join(REPO, 'packages', 'cli', 'dist', 'bin.js');
const anjian = (args: string[], cwd = REPO) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } });

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm --filter @anjian/core --filter @anjian/cli build" first`);
});

describe('the built bin on the packs under checklists/', () => {
  it('a tab in the gas pack is one located 中文 issue with its hint', () => {
    const dir = join(tempDir(), 'gas');
    cpSync(join(REPO, 'checklists', 'gas'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const text = readFileSync(join(dir, 'pack.yaml'), 'utf8');
    const at = text.indexOf('\n  - id: ', text.indexOf('\npremises:')) + 1;
    writeFileSync(join(dir, 'pack.yaml'), `${text.slice(0, at)}\t${text.slice(at + 2)}`);
    const line = text.slice(0, at).split('\n').length;
    const r = anjian(['validate', 'gas'], join(dir, '..'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^gas/pack\\.yaml:${line}:1 {2}错误 {2}YAML_SYNTAX {2}第 ${line} 行第 1 列：这一行用制表符（Tab）缩进；YAML 只能用空格缩进。（其后另有 \\d+ 处语法报错，多由此引起，改正后重新检查）$`,
        'm',
      ),
    );
    expect(r.stdout).toContain(`提示：把第 ${line} 行开头的 Tab 换成空格`);
    expect(r.stdout).toContain('共 1 个错误');
  });

  it('export xlsx (exceljs loaded by the bundle) opens with one row per rule', async () => {
    const out = join(tempDir(), 'demo.xlsx');
    const r = anjian(['export', 'examples/packs/demo-kitchen', '--format', 'xlsx', '--output', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^已写入 \d+ 条规则：/);
    const ExcelJS = createRequire(join(REPO, 'packages', 'cli', 'package.json'))('exceljs') as {
      Workbook: new () => { xlsx: { readFile(f: string): Promise<unknown> }; worksheets: { rowCount: number }[] };
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]!.rowCount).toBe(Number(/已写入 (\d+) 条规则/.exec(r.stderr)![1]) + 1);
  });
});

describe('the built bin: a pack author on a Chinese Windows desktop', () => {
  /** A copy of checklists/fire (without node_modules) in a fresh folder; returns the folder's parent and the pack folder. */
  const copyFire = () => {
    const dir = join(tempDir(), 'fire');
    cpSync(join(REPO, 'checklists', 'fire'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
    return dir;
  };

  it('a pack file saved in GBK (Notepad\'s "ANSI") is one located error saying to save it as UTF-8, not a pack that loads with garbled texts', () => {
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
    const r = anjian(['validate', 'fire'], join(dir, '..'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`^fire/pack\\.yaml:${before.length}:${before.at(-1)!.length + 1} {2}错误 {2}FILE_NOT_UTF8 {2}第 ${before.length} 行第 ${before.at(-1)!.length + 1} 列：这个文件不是 UTF-8 编码`, 'm'),
    );
    expect(r.stdout).toContain('提示：在编辑器中把文件另存为 UTF-8 编码');
    expect(r.stdout).toContain('共 1 个错误');
  });

  it('a clause in Chinese quotes “…” is an error at it with the ASCII-quoted clause to write', () => {
    const dir = copyFire();
    const sections = join(dir, 'sections');
    const name = readdirSync(sections).find((f) => /clause: "[^"]+"/.test(readFileSync(join(sections, f), 'utf8')))!;
    const text = readFileSync(join(sections, name), 'utf8');
    const m = /clause: "([^"]+)"/.exec(text)!;
    writeFileSync(join(sections, name), text.replace(m[0], `clause: “${m[1]}”`));
    const line = text.slice(0, m.index).split('\n').length;
    const r = anjian(['validate', '--lang', 'en', 'fire'], join(dir, '..'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`^fire/sections/${name}:${line}:\\d+ {2}error {2}FULLWIDTH_QUOTES {2}line ${line}, column \\d+: “${m[1]!.replace(/\./g, '\\.')}” is in Chinese \\(full-width\\) quotes`, 'm'),
    );
    expect(r.stdout).toContain(`hint: Use ASCII quotes: "${m[1]}"`);
  });

  it('a scenario date written 2026/11/20 fails with the date to write', () => {
    const dir = copyFire();
    const tests = join(dir, 'tests');
    for (const f of readdirSync(tests)) rmSync(join(tests, f));
    writeFileSync(
      join(tests, 'dates.yaml'),
      'pack: fire\nscenarios:\n  - name: 日期写法 / a date written with slashes\n    premises: crowded_place\n    findings: { last_system_test_date: 2026/11/20 }\n    expect:\n      absent: []\n',
    );
    const r = anjian(['test', 'fire'], join(dir, '..'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /fire\/tests\/dates\.yaml:5:\d+ {2}BAD_DATE：.*（last_system_test_date）应为日期（YYYY-MM-DD），收到：文本 "2026\/11\/20" — 提示：日期写成 年-月-日，月和日补零：2026-11-20$/m,
    );
  });
});
