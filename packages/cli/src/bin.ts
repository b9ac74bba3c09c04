/**
 * The `anjian` executable: runs {@link main} with the real process streams and sets the
 * exit code (never `process.exit`, so long output is flushed first).
 *
 * @module
 */
import { main } from './main.js';

// `anjian schema | head` closes stdout early: that is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  colors: process.stdout.isTTY === true && !process.env.NO_COLOR,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = exitCode;
