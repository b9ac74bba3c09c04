#!/usr/bin/env node
// Committed shim so package managers can link the bin before the first build;
// `pnpm --filter @anjian/cli build` writes ../dist/bin.js.
import '../dist/bin.js';
