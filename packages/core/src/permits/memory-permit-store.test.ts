import { describe, expect, it } from 'vitest';
import { runPermitStoreConformance } from '../testing/permit-store-conformance.js';
import { createMemoryPermitStore } from './memory-permit-store.js';

runPermitStoreConformance({ name: 'memory', createStore: () => createMemoryPermitStore(), describe, it, expect });
