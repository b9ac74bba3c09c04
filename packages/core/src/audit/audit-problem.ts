import type { AuditPosition, AuditProblem, AuditProblemKind } from './types.js';

/** Keeps the first problem of each kind. @internal */
export interface ProblemSink {
  add(kind: AuditProblemKind, code: string, position: AuditPosition, zh: string, en: string): void;
  has(kind: AuditProblemKind): boolean;
  list(): AuditProblem[];
}

const ORDER: readonly AuditProblemKind[] = ['log_order', 'event_hash', 'chain_link', 'checkpoint', 'projection', 'outbox', 'denials', 'document_trail', 'documents'];

/** A {@link ProblemSink}: a later problem of a kind already seen is dropped. @internal */
export function problemSink(): ProblemSink {
  const first = new Map<AuditProblemKind, AuditProblem>();
  return {
    add(kind, code, position, zh, en) {
      if (!first.has(kind)) first.set(kind, { kind, code, position, message: { 'zh-CN': zh, en } });
    },
    has: (kind) => first.has(kind),
    list: () => ORDER.flatMap((k) => (first.has(k) ? [first.get(k) as AuditProblem] : [])),
  };
}

/** `H-1 v3 (seq 17)` for messages. @internal */
export function where(p: AuditPosition): string {
  const parts: string[] = [];
  if (p.hazardId !== undefined) parts.push(p.version === undefined ? p.hazardId : `${p.hazardId} v${p.version}`);
  if (p.seq !== undefined) parts.push(p.toSeq === undefined ? `seq ${p.seq}` : `seq ${p.seq}–${p.toSeq}`);
  return parts.join(' ');
}
