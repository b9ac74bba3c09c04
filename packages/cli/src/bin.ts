/**
 * The `anjian` executable: runs {@link main} with the real process streams and sets the
 * exit code (never `process.exit` on the normal path, so long output is flushed first).
 *
 * @module
 */

export {};

const debug = process.argv.includes('--debug');

/** Last resort: one bilingual line and exit 2, the stack only with `--debug`. */
function die(error: unknown): void {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);
  process.stderr.write(`anjian: 内部错误：${message} / internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

process.on('uncaughtException', (error) => {
  die(error);
  process.exit(2);
});
process.on('unhandledRejection', (error) => {
  die(error);
  process.exit(2);
});

// `anjian schema | head` closes stdout early: that is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  die(error);
  process.exit(2);
});

try {
  // Imported here so that a broken installation (e.g. @anjian/core not built) is reported
  // like any other crash instead of as a raw module-loading stack.
  const { main } = await import('./main.js');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    colors: process.stdout.isTTY === true && !process.env.NO_COLOR,
    cwd: process.cwd(),
    env: process.env,
  });
} catch (error) {
  die(error);
}
