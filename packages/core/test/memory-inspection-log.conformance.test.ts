import { describe, expect, it } from 'vitest';
import { createMemoryInspectionLog } from '@anjian/core/internal';
import { runInspectionLogConformance } from '@anjian/core/testing';

runInspectionLogConformance({ name: 'memory', createLog: () => createMemoryInspectionLog(), describe, it, expect });
