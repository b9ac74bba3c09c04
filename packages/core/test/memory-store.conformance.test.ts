import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@anjian/core';
import { runDocumentRegisterConformance, runStoreConformance } from '@anjian/core/testing';

runStoreConformance({ name: 'memory', createStore: () => createMemoryStore(), describe, it, expect });
runDocumentRegisterConformance({ name: 'memory', createStore: () => createMemoryStore(), describe, it, expect });
