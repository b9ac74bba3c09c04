import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** The running child of {@link spawnBenchServer}. */
export interface BenchServer {
  port: number;
  /** The server's own pid (the direct child is `run-ts.mjs`, which runs the bundle). */
  pid: number;
  packs: string[];
  /** Ends the server (closes its stdin, then SIGTERM after 5 s) and waits for the child. */
  stop(): Promise<void>;
}

/**
 * Starts scripts/bench/http-classify-server.ts in a child process and resolves once it
 * prints its port. The server exits when its stdin closes, so it does not outlive this
 * process even when this one is killed; run-ts.mjs then removes its bundle.
 */
export async function spawnBenchServer(args: string[] = []): Promise<BenchServer> {
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/bench/http-classify-server.ts', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const first = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    void exited.then(([code]) => reject(new Error(`bench server exited (code ${code}) before listening`)));
    setTimeout(() => reject(new Error('bench server did not listen within 60 s')), 60_000).unref();
  });
  let info: { port: number; pid: number; packs: string[] };
  try {
    info = JSON.parse(await first) as typeof info;
  } catch (error) {
    child.stdin.end();
    child.kill();
    throw error;
  }
  lines.on('line', (line) => console.log(`[server] ${line}`));
  return {
    ...info,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      // run-ts.mjs passes SIGTERM on to the server and then removes its bundle.
      const timer = setTimeout(() => child.kill('SIGTERM'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
