import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@anjian/core';
import { runStoreConformance } from '@anjian/core/testing';

runStoreConformance({ name: 'memory', createStore: () => createMemoryStore(), describe, it, expect });
