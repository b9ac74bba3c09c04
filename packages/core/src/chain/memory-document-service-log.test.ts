import { describe, expect, it } from 'vitest';
import { runDocumentServiceConformance } from '../testing/document-service-conformance.js';
import { createMemoryDocumentServiceLog } from './memory-document-service-log.js';

runDocumentServiceConformance({ name: 'memory', createLog: createMemoryDocumentServiceLog, describe, it, expect });
