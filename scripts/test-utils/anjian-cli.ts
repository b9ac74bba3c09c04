// The anjian CLI from source, for tests that run it as a child process without a build:
//   node scripts/run-ts.mjs scripts/test-utils/anjian-cli.ts audit verify --sqlite x.db
import { main } from '../../packages/cli/src/main.js';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: false,
  colors: false,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
