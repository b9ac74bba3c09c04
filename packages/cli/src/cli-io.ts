/**
 * What a command may touch of the outside world. `main()` takes it as an argument so tests
 * run the CLI in-process with string buffers instead of the real streams.
 */
export interface CliIo {
  /** Where documents and reports go (machine formats print only their document here). */
  stdout: { write(text: string): unknown };
  /** Where progress, usage errors and crash messages go. */
  stderr: { write(text: string): unknown };
  /** True when stderr is a terminal: progress lines are shown only then. */
  isTTY: boolean;
  /** Colour the pretty output (stdout is a terminal and `NO_COLOR` is unset). Default false. */
  colors?: boolean;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  /** Environment variables (`LANG`, `LC_ALL`, `NO_COLOR` …). */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * An in-memory {@link CliIo} for tests and embedding: collects what the CLI writes.
 *
 * @example
 * ```ts
 * const io = memoryIo({ cwd: process.cwd() });
 * const code = await main(['schema'], io);
 * JSON.parse(io.out());
 * ```
 */
export function memoryIo(options: Partial<Omit<CliIo, 'stdout' | 'stderr'>> = {}): CliIo & { out(): string; err(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    isTTY: options.isTTY ?? false,
    colors: options.colors ?? false,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
