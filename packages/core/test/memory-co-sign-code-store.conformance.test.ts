import { describe, expect, it } from 'vitest';
import { createMemoryCoSignCodeStore } from '@anjian/core';
import { runCoSignCodeStoreConformance } from '@anjian/core/testing';

// One process: the store is its own peer, and it has no tables to read (the suite reads through the port).
runCoSignCodeStoreConformance({ name: 'memory', createStore: () => createMemoryCoSignCodeStore(), describe, it, expect });
