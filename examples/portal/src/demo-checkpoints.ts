import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Store } from '@anjian/core';
import type { Verifier } from '@anjian/core/ports';
import { createCheckpointScheduler } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair, startCheckpointTimer } from '@anjian/core/node';

/** Options of {@link createDemoCheckpoints}. */
export interface DemoCheckpointOptions {
  store: Store;
  clock: Clock;
  /** The key pair lives here: `checkpoint.key` (private, mode 0600) and `checkpoint.pub`. */
  dataDir: string;
  /** Sign a checkpoint at most this often (ms). Default 5 minutes. */
  everyMs?: number;
}

/** The demo's checkpoint signing. */
export interface DemoCheckpoints {
  /** Checks the signatures (the audit routes' `verifier`). */
  verifier: Verifier;
  /** Signs a checkpoint when one is due (the first call signs). */
  tick(): Promise<void>;
  /** Ticks every `tickMs` (an unref'd timer) until `stop`. */
  start(tickMs: number): void;
  stop(): void;
}

/**
 * Signs Ed25519 checkpoints of the audit trail on a schedule, with a key pair made at the
 * first start and kept in the data folder. A demo's compromise: a real host keeps the
 * private key away from the database host (whoever holds both can rewrite the log
 * undetectably) and hands witnesses copies of the checkpoints.
 */
export function createDemoCheckpoints(options: DemoCheckpointOptions): DemoCheckpoints {
  const keyFile = join(options.dataDir, 'checkpoint.key');
  const pubFile = join(options.dataDir, 'checkpoint.pub');
  if (!existsSync(keyFile) || !existsSync(pubFile)) {
    const pair = generateEd25519KeyPair();
    writeFileSync(keyFile, pair.privateKeyPem, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    writeFileSync(pubFile, pair.publicKeyPem);
  }
  const signer = createEd25519Signer(readFileSync(keyFile, 'utf8'));
  const verifier = createEd25519Verifier(readFileSync(pubFile, 'utf8'));
  const scheduler = createCheckpointScheduler({ store: options.store, signer, clock: options.clock, everyMs: options.everyMs ?? 5 * 60_000 });
  const report = (result: Awaited<ReturnType<typeof scheduler.tick>>) => {
    // A refusal means the log no longer extends the last signed checkpoint: someone edited it.
    if (result?.kind === 'refused') console.error(`✗ 审计检查点拒绝签名 / checkpoint refused: ${result.message['zh-CN']} / ${result.message.en}`);
  };
  let stop = () => {};
  return {
    verifier,
    tick: async () => report(await scheduler.tick()),
    start(tickMs) {
      stop();
      stop = startCheckpointTimer(scheduler, { intervalMs: tickMs, onResult: report });
    },
    stop: () => stop(),
  };
}
