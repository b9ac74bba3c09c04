import { describe, expect, it } from 'vitest';
import { runDeviceRegistryConformance } from '../testing/device-registry-conformance.js';
import { createMemoryDeviceRegistry } from './memory-device-registry.js';

runDeviceRegistryConformance({ name: 'memory', createRegistry: () => createMemoryDeviceRegistry(), describe, it, expect });
