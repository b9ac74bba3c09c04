/**
 * The sample outputs printed in the docs are real: they are compared with what the CLI
 * prints for the same input.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli-io.js';
import { main } from '../src/main.js';
import { REPO, tempDir, writeFiles } from './fixtures.js';

const read = (doc: string) => readFileSync(join(REPO, doc), 'utf8');

/** Fenced blocks of a language, in order. */
function fenced(markdown: string, lang: string): string[] {
  const out: string[] = [];
  const re = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm');
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) out.push(m[1]!);
  return out;
}

async function run(argv: string[], cwd: string) {
  const io = memoryIo({ cwd, env: {} });
  const code = await main(argv, io);
  return { code, out: io.out() };
}

describe('docs/cli.md', () => {
  const doc = read('docs/cli.md');
  it('the pretty sample is the first issue and the summary of the demo pack', async () => {
    const sample = fenced(doc, 'text').find((b) => b.startsWith('examples/packs/demo-kitchen/pack.yaml'))!;
    const { out } = await run(['validate', 'examples/packs/demo-kitchen', '--lang', 'en'], REPO);
    const blocks = out.trimEnd().split('\n\n');
    expect(sample.trimEnd()).toBe(`${blocks[0]}\n\n${blocks.at(-1)}`);
  });
  it('the github sample is a line the CLI prints', async () => {
    const sample = fenced(doc, 'text')
      .find((b) => b.startsWith('::warning'))!
      .trimEnd();
    const { out } = await run(['validate', 'examples/packs/demo-kitchen', '--format', 'github', '--lang', 'en'], REPO);
    expect(out.split('\n')).toContain(sample);
  });
  it('the test --format github sample is what example 03 prints with one expected level changed', async () => {
    const sample = fenced(doc, 'text').find((b) => b.startsWith('::error file=packs/boiler-room/'))!;
    const dir = join(tempDir(), 'repo');
    cpSync(join(REPO, 'examples', '03-department-pack-repo', 'packs'), join(dir, 'packs'), { recursive: true });
    const scenarios = join(dir, 'packs', 'boiler-room', 'tests', 'basic.yaml');
    writeFileSync(scenarios, readFileSync(scenarios, 'utf8').replace('BOILER-ROOM-001-H1, level: general', 'BOILER-ROOM-001-H1, level: major'));
    const { code, out } = await run(['test', 'packs', '--format', 'github', '--lang', 'en'], dir);
    expect(code).toBe(1);
    expect(out).toBe(sample);
  });
  it('the json sample has the document shape and the demo pack first issue', async () => {
    const sample = JSON.parse(fenced(doc, 'json')[0]!);
    const actual = JSON.parse((await run(['validate', 'examples/packs/demo-kitchen', '--format', 'json'], REPO)).out);
    expect(Object.keys(sample)).toEqual(Object.keys(actual));
    expect(sample.packs).toEqual(actual.packs);
    expect(sample.issues[0]).toEqual(actual.issues[0]);
    expect(sample.summary).toEqual(actual.summary);
  });
});

describe('the sample message of the authoring guides', () => {
  for (const [docPath, lang] of [
    ['docs/authoring-packs.en.md', 'en'],
    ['docs/authoring-packs.zh-CN.md', 'zh-CN'],
  ] as const) {
    it(`${docPath}: the misspelt fact of the tutorial pack gives exactly the message shown`, async () => {
      const doc = read(docPath);
      const yaml = fenced(doc, 'yaml');
      const files: Record<string, string> = {};
      const entry = yaml.find((b) => b.startsWith('# example: pack (expect CITATION_UNVERIFIED)'))!;
      // The `# example:` marker line is for the docs test, not part of the file.
      const body = (b: string) => b.slice(b.indexOf('\n') + 1);
      files['gas-restaurants/pack.yaml'] = body(entry);
      for (const b of yaml) {
        const m = /^# example: file (\S+)\n/.exec(b);
        if (m) files[`gas-restaurants/${m[1]}`] = body(b);
      }
      const alarm = 'gas-restaurants/sections/alarm.yaml';
      files[alarm] = files[alarm]!.replace('fact: alarm_installed, operator: equal, value: false', 'fact: alarm_instaled, operator: equal, value: false');
      const dir = tempDir();
      writeFiles(dir, files);
      const { code, out } = await run(['validate', 'gas-restaurants', '--quiet', '--lang', lang], dir);
      expect(code).toBe(1);
      const sample = fenced(doc, 'text')
        .find((b) => b.startsWith(alarm))!
        .trimEnd();
      expect(out.trimEnd().split('\n\n')[0]).toBe(sample);
    });
  }
});
