// The attack harness leaves nothing behind: the server's bundle (packages/http/.tmp/anjian-harness-*)
// goes when the last server of the file stops. Vitest's forked workers end without running
// process 'exit' handlers, so a removal there never ran and every run left a folder.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAttackServer } from './attack-harness.js';

describe('attack harness cleanup', () => {
  it('keeps the bundle while a server runs and removes it when the last one stops', async () => {
    const first = await startAttackServer();
    const second = await startAttackServer();
    expect(second.bundle).toBe(first.bundle);
    expect(existsSync(first.bundle)).toBe(true);
    await first.stop();
    expect(existsSync(second.bundle)).toBe(true);
    await second.stop();
    expect(existsSync(first.dataDir)).toBe(false);
    expect(existsSync(dirname(first.bundle))).toBe(false);
  });

  it('bundles again for a server started after the last one stopped, and removes that bundle too', async () => {
    const server = await startAttackServer();
    expect(existsSync(server.bundle)).toBe(true);
    await server.stop();
    expect(existsSync(dirname(server.bundle))).toBe(false);
  });
});
