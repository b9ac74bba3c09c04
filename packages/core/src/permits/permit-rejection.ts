import type { PermitRejection, PermitRejectionCode } from './permit-types.js';

/**
 * A refused permit command with its message in both languages. `detail` (already
 * bilingual) says which field or value.
 */
export function permitRejection(code: PermitRejectionCode, zh: string, en: string): PermitRejection {
  return { code, message: { 'zh-CN': zh, en } };
}
