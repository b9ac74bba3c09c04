import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
import { copyDemoPack, runCli } from './run-cli.js';

// Issue 22, pack authors 6: a known, intended warning is acknowledged in a baseline file
// reviewed in diffs (like ESLint suppressions or a Semgrep baseline); CI fails on new ones only.
describe('anjian validate --baseline', () => {
  it('acknowledges the written warnings, survives edits elsewhere, fails on a new one, reports stale entries', async () => {
    const dir = copyDemoPack();
    const opts = { cwd: dir };
    const before = await runCli(['validate', '.', '--max-warnings', '0'], opts);
    expect(before.code).toBe(1);
    expect(before.out).toContain('0 errors, 5 warnings');

    const write = await runCli(['validate', '.', '--baseline', 'anjian-baseline.json', '--update-baseline'], opts);
    expect(write.code).toBe(0);
    expect(write.err).toBe('anjian: wrote 5 warnings to anjian-baseline.json; review the diff before committing it\n');
    const text = readFileSync(join(dir, 'anjian-baseline.json'), 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "format": "anjian/baseline@1",', '  "warnings": [']);
    expect(text).toContain('    {"pack":"demo-kitchen","file":"pack.yaml","code":"CITATION_UNVERIFIED","message":"\\"DEMO-C1\\" cites GB 50028-2006 10.8, which is unverified.');

    // a reason written by the author is kept by the next update
    writeFileSync(
      join(dir, 'anjian-baseline.json'),
      text.replace('"code":"CITATION_UNVERIFIED","message":"\\"DEMO-C1\\"', '"code":"CITATION_UNVERIFIED","reason":"legal review 2026-11","message":"\\"DEMO-C1\\"'),
    );
    // lines move (a comment on top): still acknowledged
    const equipment = join(dir, 'sections', 'equipment.yaml');
    writeFileSync(equipment, `# moved down\n${readFileSync(equipment, 'utf8')}`);
    const quiet = await runCli(['validate', '.', '--baseline', 'anjian-baseline.json', '--max-warnings', '0'], opts);
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain('0 errors, 0 warnings');
    expect(quiet.err).toBe('anjian: 5 warnings acknowledged in anjian-baseline.json\n');

    // a new warning fails, and is the only one shown
    writeFileSync(equipment, readFileSync(equipment, 'utf8').replace('clause: "10.8.3"\n            rectification:', 'clause: "10.8.4"\n            rectification:'));
    const fresh = await runCli(['validate', '.', '--baseline', 'anjian-baseline.json', '--max-warnings', '0', '--format', 'json'], opts);
    expect(fresh.code).toBe(1);
    const doc = JSON.parse(fresh.out) as { issues: { code: string; message: { en: string } }[] };
    expect(doc.issues.map((i) => i.message.en)).toEqual(['"DEMO-002-H1" cites GB 50028-2006 10.8.4, which is unverified.']);
    expect(fresh.err).toMatch(
      /^anjian: 4 warnings acknowledged in anjian-baseline.json; 1 entry matches no warning any more \(first: CITATION_UNVERIFIED in sections\/equipment.yaml\) — drop with --update-baseline\nanjian: 1 warning exceeds --max-warnings 0\.\n$/,
    );

    await runCli(['validate', '.', '--baseline', 'anjian-baseline.json', '--update-baseline'], opts);
    const updated = readFileSync(join(dir, 'anjian-baseline.json'), 'utf8');
    expect(updated).toContain('10.8.4');
    expect(updated).toContain('"reason":"legal review 2026-11"');
  });

  it('a missing or malformed baseline is a located usage error', async () => {
    const dir = copyDemoPack();
    const missing = await runCli(['validate', '.', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such baseline file: nope.json (write one with --update-baseline)');
    writeFileSync(join(dir, 'b.yaml'), 'format: anjian/baseline@1\nwarnings:\n  - { pack: demo-kitchen, code: X }\n');
    const bad = await runCli(['validate', '.', '--baseline', 'b.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('b.yaml:3:5: this entry lacks the text field "file"');
    expect((await runCli(['validate', '.', '--update-baseline'], { cwd: dir })).err).toContain('--update-baseline needs --baseline <file>');
  });
});

it('one acknowledged warning is "1 warning" on stderr, not "1 warnings"', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'tiny/pack.yaml': MINIMAL_PACK.replace('confidence: verified', 'confidence: unverified') });
  const write = await runCli(['validate', 'tiny', '--baseline', 'b.json', '--update-baseline'], { cwd: dir });
  expect(write.err).toBe('anjian: wrote 1 warning to b.json; review the diff before committing it\n');
  const quiet = await runCli(['validate', 'tiny', '--baseline', 'b.json', '--max-warnings', '0'], { cwd: dir });
  expect(quiet).toMatchObject({ code: 0, err: 'anjian: 1 warning acknowledged in b.json\n' });
});
