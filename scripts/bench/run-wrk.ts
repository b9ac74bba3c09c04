import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What {@link runWrk} reads from wrk's report. */
export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx/3xx responses plus socket errors (connect, read, write, timeout). */
  errors: number;
  /** wrk's `Latency Distribution` block as printed. */
  distribution: string;
  output: string;
}

// wrk sends one fixed request unless a Lua `request()` returns another: the bodies are
// formatted once per thread and rotated, like autocannon's `requests`.
function luaScript(path: string, bodies: string[]): string {
  const strings = bodies.map((b) => `  [==[${b}]==],`).join('\n');
  return `local bodies = {\n${strings}\n}
local reqs = {}
local i = 0
function init(args)
  for k, body in ipairs(bodies) do
    reqs[k] = wrk.format("POST", ${JSON.stringify(path)}, { ["Content-Type"] = "application/json" }, body)
  end
end
function request()
  i = i % #reqs + 1
  return reqs[i]
end
`;
}

const toMs = (value: string, unit: string) => Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);

/**
 * Runs `wrk -t1 -c<connections> -d<seconds>s --latency` with the bodies POSTed in turn to
 * `base + path`, and parses requests/s, p50, p99 and the failures. The Lua script lives in
 * a temporary directory, removed afterwards.
 */
export async function runWrk(options: { base: string; path: string; bodies: string[]; connections: number; seconds: number }): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-wrk-'));
  try {
    const script = join(dir, 'post.lua');
    writeFileSync(script, luaScript(options.path, options.bodies));
    const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, options.base + options.path];
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
    if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`);
    const latency = (p: string) => {
      const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(output);
      return m ? toMs(m[1]!, m[2]!) : NaN;
    };
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
    const socketErrors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
    const distribution = /Latency Distribution\n(?:\s+\d+%.*\n)+/.exec(output)?.[0].trimEnd() ?? '';
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN),
      p50: latency('50'),
      p99: latency('99'),
      errors: non2xx + socketErrors,
      distribution,
      output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
