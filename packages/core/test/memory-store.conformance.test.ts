import { describe, expect, it } from 'vitest';
// Relative imports: with the current vitest config the `source` export condition is not
// applied to sub-path exports, so `@anjian/core/testing` resolved to a stale dist build.
import { createMemoryStore } from '../src/chain/index.js';
import { runStoreConformance } from '../src/testing/index.js';

runStoreConformance({ name: 'memory', createStore: () => createMemoryStore(), describe, it, expect });
