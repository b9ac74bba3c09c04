/**
 * A Node project with `lib: ["ES2023"]` (no DOM), `types: ["node"]` and `skipLibCheck: false`
 * compiles against the built declarations of the published packages, under `node16` and
 * `bundler` resolution, without installing `@types/pg` itself (issue 22, item 9). Needs
 * `pnpm build` first (as `pnpm test` does).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const tsc = require.resolve('typescript/bin/tsc');
const typesNode = realpathSync(dirname(require.resolve('@types/node/package.json')));

const CONSUMER = `
import { createServer } from 'node:http';
import { createAnjianApi, toNodeHandler, problemResponse } from '@anjian/http';
import { createMemoryStore, createOutboxRelay, systemClock, toOutboxEnvelope, type Store, type WebhookEnvelope, type Notifier } from '@anjian/core';
import { loadPackFromPackage } from '@anjian/core/node';
import { verifyAudit } from '@anjian/core/audit';
import { StoreError, type OutboxStore } from '@anjian/core/ports';
import { createPostgresStore } from '@anjian/store-postgres';
import { createSqliteStore } from '@anjian/store-sqlite';
import { createWebhookNotifier } from '@anjian/notify-webhook';
import { createSmsNotifier } from '@anjian/notify-sms';

const store: Store = process.env.PG ? createPostgresStore({ connectionString: process.env.PG }) : createSqliteStore({ path: ':memory:' });
const outbox: OutboxStore = createMemoryStore();
const webhook: Notifier<WebhookEnvelope> = createWebhookNotifier({ url: 'https://example.org/hook', secret: 'a-secret-of-16-chars' });
const sms = createSmsNotifier({ endpoint: 'https://sms.example/send', signature: '某市应急管理局', toRequest: (i) => ({ body: i.text }) });
createOutboxRelay({ store: outbox, owner: 'p1', clock: systemClock, deliver: (m) => webhook.deliver(toOutboxEnvelope(m)), onError: (e) => console.error(e) });
void sms;
void loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
void verifyAudit(store).then((r) => r.ok);
const response: Response = problemResponse({ type: 'about:blank', title: { 'zh-CN': '错误', en: 'error' }, status: 400 } as never, 'en', { 'x-test': '1' });
void response;
void StoreError;
const api = createAnjianApi({ store, directory: { actor: async () => null, enterprise: async () => null } as never, calendar: {} as never, packs: [], authenticate: async () => null });
createServer(toNodeHandler(api));
`;

const PACKAGES = ['http', 'core', 'store-postgres', 'store-sqlite', 'notify-webhook', 'notify-sms'];

describe('consumer type-check (Node, no DOM lib)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-consumer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules', '@anjian'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  for (const p of PACKAGES) symlinkSync(join(root, 'packages', p), join(dir, 'node_modules', '@anjian', p), 'dir');
  symlinkSync(typesNode, join(dir, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(dir, 'index.ts'), CONSUMER);

  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])(
    'compiles with lib ES2023, types node, skipLibCheck false (%s)',
    (name, resolution) => {
      const config = join(dir, `tsconfig.${name}.json`);
      writeFileSync(
        config,
        JSON.stringify({
          compilerOptions: { ...resolution, target: 'ES2022', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true },
          files: ['index.ts'],
        }),
      );
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', config], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      }
      expect(output).toBe('');
    },
    120_000,
  );
});
