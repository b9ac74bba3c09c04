/**
 * Progress on long runs (issue 18): `validate` and `test` over several packs rewrite one line
 * on stderr — only when stderr is a terminal and the format is pretty; never in a machine
 * format, in a pipe, or for a single pack. stdout is the same either way.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { tempDir } from './fixtures.js';

async function twoPacks(): Promise<string> {
  const cwd = tempDir('anjian-progress-');
  for (const id of ['pack-a', 'pack-b']) expect((await runCli(['new', 'pack', id, '--output', `packs/${id}`], { cwd })).code).toBe(0);
  return cwd;
}

describe('progress line', () => {
  it('validate and test show it on a terminal in pretty format, cleared before the report', async () => {
    const cwd = await twoPacks();
    const validated = await runCli(['validate', 'packs'], { cwd, isTTY: true });
    expect(validated.code).toBe(0);
    expect(validated.err).toContain('checking 1/2 packs/pack-a');
    expect(validated.err).toContain('checking 2/2 packs/pack-b');
    expect(validated.err.endsWith('\r\u001b[K')).toBe(true);
    const tested = await runCli(['test', 'packs', '--lang', 'zh-CN'], { cwd, isTTY: true });
    expect(tested.code).toBe(0);
    expect(tested.err).toContain('正在测试 2/2 packs/pack-b');
    expect(tested.out).toBe((await runCli(['test', 'packs', '--lang', 'zh-CN'], { cwd })).out);
  });

  it('never in json, sarif, github or junit, nor when stderr is not a terminal, nor for one pack', async () => {
    const cwd = await twoPacks();
    for (const format of ['json', 'sarif', 'github']) expect((await runCli(['validate', 'packs', '--format', format], { cwd, isTTY: true })).err, format).toBe('');
    for (const format of ['json', 'junit']) expect((await runCli(['test', 'packs', '--format', format], { cwd, isTTY: true })).err, format).toBe('');
    expect((await runCli(['validate', 'packs'], { cwd })).err).toBe('');
    expect((await runCli(['test', 'packs'], { cwd })).err).toBe('');
    expect((await runCli(['validate', 'packs/pack-a'], { cwd, isTTY: true })).err).toBe('');
  });
});
