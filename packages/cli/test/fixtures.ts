import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, onTestFinished, TestRunner } from 'vitest';

/** The repository root (tests run from it, but do not rely on that). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The example pack every test can rely on. */
export const DEMO_PACK = join(REPO, 'examples', 'packs', 'demo-kitchen');

/**
 * A fresh temporary folder, removed when it is no longer needed: made in a test, when that test
 * has finished; made while a file's tests are collected (at the top of the file or of a
 * `describe`), in that file's or block's `afterAll`. (One `afterAll` here at the top would run
 * for the first test file only: the unit project shares this module between the files of a
 * worker.)
 */
export function tempDir(prefix = 'anjian-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (TestRunner.getCurrentTest() !== undefined) onTestFinished(remove);
  else afterAll(remove);
  return dir;
}

/** Write files (relative path → text) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, ...rel.split('/'));
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
}

/** A minimal valid pack.yaml. */
export const MINIMAL_PACK = `format: anjian/pack@1
id: tiny
version: 1.0.0
domain: gas
title: { zh-CN: 小检查表, en: Tiny pack }
issuer: { zh-CN: 测试, en: Tests }
premises:
  - id: shop
    label: { zh-CN: 商铺, en: Shop }
regulations:
  - id: reg
    title: { zh-CN: 规定, en: Rule }
    number: "X-1"
    edition: "2023"
    status: current
    confidence: verified
facts:
  - id: alarm_installed
    type: boolean
    label: { zh-CN: 安装报警器, en: Alarm installed }
sections:
  - id: s
    title: { zh-CN: 报警, en: Alarm }
    items:
      - id: T-001
        title: { zh-CN: 报警器, en: Alarm }
        asks: [alarm_installed]
        hazards:
          - id: T-001-H1
            level: general
            title: { zh-CN: 未装报警器, en: No alarm }
            when: { fact: alarm_installed, operator: equal, value: false }
            basis: [{ regulation: reg, clause: "1" }]
`;

/** The minimal pack with a misspelt fact on line 32, column 27. */
export const MISSPELT_PACK = MINIMAL_PACK.replace('when: { fact: alarm_installed', 'when: { fact: alarm_instaled');

/** YAML nested `depth` levels deep in flow style, on one line. */
export function deepFlow(depth: number): string {
  return `format: anjian/pack@1\nid: deep\nnested: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** YAML nested `depth` levels deep in block style: compact nested sequences, `- - - … x`. */
export function deepBlock(depth: number): string {
  return `format: anjian/pack@1\nid: deep\nnested:\n  ${'- '.repeat(depth)}x\n`;
}

/** The YAML "billion laughs": nine levels of aliases, each ten times the one before. */
export function billionLaughs(): string {
  const lines = ['format: anjian/pack@1', 'id: lol', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let k = 1; k < names.length; k++) {
    const prev = names[k - 1]!;
    lines.push(`${names[k]}: &${names[k]} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

/** A YAML file of about `bytes` bytes (a valid start, then comment lines). */
export function hugeYaml(bytes: number): string {
  const line = `# ${'x'.repeat(97)}\n`;
  return 'format: anjian/pack@1\n' + line.repeat(Math.ceil(bytes / line.length));
}
