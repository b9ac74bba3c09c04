/**
 * The release rehearsal's verdict (scripts/release-rehearsal.mjs): a file the consumer test
 * installed but the release would not publish fails, by name. The rehearsal itself (changeset
 * version and the dry-run pack in a temporary copy) runs inside the consumer test, on the
 * consumer's own tarballs (scripts/consumer/consumer.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { missingFromRelease, tarballName } from './release-rehearsal.mjs';

describe('release rehearsal', () => {
  it('names each file the consumer used that the release would not publish', () => {
    const used = ['package.json', 'README.md', 'dist/index.js', 'dist/testing/index.js', 'schema/pack.schema.json'];
    const published = ['package.json', 'README.md', 'dist/index.js', 'schema/pack.schema.json', 'CHANGELOG.md'];
    const problems = missingFromRelease('@anjian/core', 'anjian-core-0.1.0.tgz', used, published);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('@anjian/core: the release would not publish dist/testing/index.js');
    expect(problems[0]).toContain('anjian-core-0.1.0.tgz');
    expect(problems[0]).toContain('发布的包中缺少 dist/testing/index.js');
  });

  it('passes when the release publishes every file used (and more)', () => {
    expect(missingFromRelease('@anjian/pack-gas', 'anjian-pack-gas-0.1.0.tgz', ['pack.yaml', 'sections/a.yaml'], ['pack.yaml', 'sections/a.yaml', 'CHANGELOG.md'])).toEqual([]);
  });

  it('finds the tarball pnpm pack writes for a scoped package', () => {
    expect(tarballName('@anjian/pack-confined-space', '0.1.0')).toBe('anjian-pack-confined-space-0.1.0.tgz');
  });
});
