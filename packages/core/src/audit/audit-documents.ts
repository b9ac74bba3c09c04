import { documentContentDigest } from '../ports/document-trail.js';
import type { DocumentKey, DocumentRecord } from '../ports/document-register.js';
import type { Store } from '../ports/store.js';
import type { ProblemSink } from './audit-problem.js';
import type { CheckpointToCheck } from './audit-checkpoints.js';
import { documentKey, type DocumentEntries, type DocumentTrailAudit } from './audit-document-trail.js';
import { readDocumentsExtension } from './document-trail-head.js';
import type { DocumentIssuedEntry } from '../ports/document-trail.js';
import type { AuditDocumentFinding } from './types.js';

type Code = AuditDocumentFinding['code'];

/** Hazards whose register rows (and their documents' contents) are read at once. */
const READ_BATCH = 16;
/** Register rows per page when the store reads the register by pages. */
const REGISTER_PAGE = 2_000;

/**
 * Compares every issued document of the register with its entry in the document trail:
 * the register's hash, code, hazard and event, and the digest of the stored content. A
 * document without an entry is a problem when its issuing event comes after the trail began
 * (the first entry's `logSize`, or the size of the first checkpoint that signed the trail),
 * otherwise a notice: issued before documents were chained. Every entry must still find its
 * document. The register is read by pages when the store can (`readDocumentRegister`), else per
 * hazard (the log's hazards and the trail's). The register's void of every number is compared with its void entry: undone,
 * rewritten, or without entry although voids were chained then (a notice before). `onlyHazard` checks one
 * hazard's numbers and the trail's entries about it. @internal
 */
export async function auditDocuments(
  store: Store,
  trail: DocumentEntries,
  hazardIds: Iterable<string>,
  checkpoints: readonly CheckpointToCheck[],
  sink: ProblemSink,
  options: { onlyHazard?: string } = {},
): Promise<{ documents: number; findings: AuditDocumentFinding[] }> {
  const findings: AuditDocumentFinding[] = [];
  // The trail began no later than its first entry, and no later than a checkpoint that signed it.
  const signedSizes = checkpoints.filter((c) => readDocumentsExtension(c.checkpoint.extensions) !== null).map((c) => c.checkpoint.size);
  const bounds = [...signedSizes, ...(trail.firstLogSize === undefined ? [] : [trail.firstLogSize])];
  const chainedFrom = bounds.length === 0 ? Infinity : Math.min(...bounds);

  const add = (severity: AuditDocumentFinding['severity'], code: Code, r: DocumentRecord, zh: string, en: string, trailSeq?: number) => {
    const name = `${r.kind} ${r.jurisdiction} ${r.year} #${r.seq}`;
    const message = { 'zh-CN': `文书 ${name}（隐患 ${r.hazardId}，事件 ${r.eventId}）${zh}`, en: `document ${name} (hazard ${r.hazardId}, event ${r.eventId}) ${en}` };
    const document = { jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, seq: r.seq, hazardId: r.hazardId, eventId: r.eventId, verificationCode: r.verificationCode };
    findings.push({ severity, code, document, ...(trailSeq === undefined ? {} : { trailSeq }), message });
    if (severity === 'problem') {
      sink.add(
        'documents',
        code,
        { hazardId: r.hazardId, document: { jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, seq: r.seq }, ...(trailSeq === undefined ? {} : { seq: trailSeq }) },
        message['zh-CN'],
        message.en,
      );
    }
  };

  // The register's void against the trail's void entry (decision 009, voids).
  const auditVoid = (r: DocumentRecord, issuedWhileVoidsChained: boolean): void => {
    const v = trail.voidByKey.get(documentKey(r, r.seq));
    if (v && r.voided) {
      const differs: string[] = [];
      if (r.voided.at !== v.voidedAt) differs.push(`at ${r.voided.at} ≠ ${v.voidedAt}`);
      if (r.voided.reason !== v.reason) differs.push(`reason ${JSON.stringify(r.voided.reason)} ≠ ${JSON.stringify(v.reason)}`);
      if (r.voided.actorId !== v.actorId) differs.push(`actorId ${r.voided.actorId} ≠ ${v.actorId}`);
      if (r.hazardId !== v.hazardId) differs.push(`hazardId ${r.hazardId} ≠ ${v.hazardId}`);
      if (r.eventId !== v.eventId) differs.push(`eventId ${r.eventId} ≠ ${v.eventId}`);
      if (differs.length > 0) {
        add(
          'problem',
          'VOID_REWRITTEN',
          r,
          `的作废记录与文书链第 ${v.seq} 条不同（作废被改写或重新作废）：${differs.join('，')}`,
          `has a void other than trail entry ${v.seq} (the void was rewritten, or voided again): ${differs.join(', ')}`,
          v.seq,
        );
      }
    } else if (v) {
      add(
        'problem',
        'VOID_UNDONE',
        r,
        `已于 ${v.voidedAt} 作废并记入文书链（第 ${v.seq} 条），登记簿却显示未作废（作废被撤销）`,
        `was voided at ${v.voidedAt} and chained (trail entry ${v.seq}), yet the register shows it in force (the void was undone)`,
        v.seq,
      );
    } else if (r.voided) {
      const from = trail.voidsChainedFrom;
      if (issuedWhileVoidsChained || (from !== undefined && Date.parse(r.voided.at) >= Date.parse(from))) {
        add(
          'problem',
          'VOID_UNCHAINED',
          r,
          `在登记簿中于 ${r.voided.at} 作废，文书链中却没有作废记录（作废自 ${from ?? '本文书出具时'} 起入链；作废被绕过存储写入，或其记录被删除）`,
          `is voided in the register at ${r.voided.at} but the trail has no void entry (voids are chained since ${from ?? 'its issue'}: the void was written outside the store, or its entry deleted)`,
        );
      } else {
        add(
          'notice',
          'VOIDED_BEFORE_CHAINING',
          r,
          `作废于作废入链之前（${r.voided.at}，存储升级前）：没有作废记录，作废只能以登记簿为准；再次作废即可入链`,
          `was voided before voids were chained (${r.voided.at}, before the store upgrade): it has no void entry, so only the register tells of its void; voiding it again chains it`,
        );
      }
    }
  };

  // A number is allocated in its issuing event's append, so within a series the numbers follow
  // the log's order. A document that claims an event before the trail began cannot be numbered
  // after a chained number whose event is later: it was written outside the store (backdated).
  let bySeries: Map<string, DocumentIssuedEntry[]> | null = null;
  const chainedNumberAfter = async (r: DocumentRecord, eventSeq: number): Promise<{ documentSeq: number; eventSeq: number } | null> => {
    if (!bySeries && !trail.issueBefore) {
      bySeries = new Map();
      for (const e of trail.byKey.values()) {
        const series = documentKey(e, 0);
        bySeries.set(series, [...(bySeries.get(series) ?? []), e]);
      }
      for (const list of bySeries.values()) list.sort((a, b) => b.documentSeq - a.documentSeq);
    }
    // The chained number just below r's: by the log's order, its event is the latest of the lower chained ones.
    const below = trail.issueBefore ? await trail.issueBefore(r, r.seq) : (bySeries?.get(documentKey(r, 0)) ?? []).find((e) => e.documentSeq < r.seq);
    if (!below) return null;
    const event = ((await store.load(below.hazardId)) ?? []).find((e) => e.id === below.eventId);
    return event && event.seq > eventSeq ? { documentSeq: below.documentSeq, eventSeq: event.seq } : null;
  };

  const seen = new Set<string>();
  const seenVoids = new Set<string>();
  // One hazard (GET /hazards/{id}/audit): its register rows and the trail's entries about it.
  const mine = (hazardId: string) => options.onlyHazard === undefined || hazardId === options.onlyHazard;
  const hazards = new Set(options.onlyHazard === undefined ? hazardIds : [options.onlyHazard]);
  for (const e of [...trail.byKey.values(), ...trail.voidByKey.values()]) if (mine(e.hazardId)) hazards.add(e.hazardId);
  let documents = 0;
  // The register, a page at a time when the store reads it so (the whole audit), else per
  // hazard: a batch of hazards at a time (a pooled database answers them side by side), then
  // their documents' contents side by side.
  async function* registerPages(): AsyncGenerator<Array<{ r: DocumentRecord; content: string | null }>> {
    if (options.onlyHazard === undefined && store.readDocumentRegister) {
      for (let after: DocumentKey | null = null; ;) {
        const page = await store.readDocumentRegister(after, REGISTER_PAGE);
        yield page.map(({ content, ...r }) => ({ r, content }));
        const last = page[page.length - 1];
        if (page.length < REGISTER_PAGE || !last) return;
        after = { jurisdiction: last.jurisdiction, kind: last.kind, year: last.year, seq: last.seq };
      }
    }
    const list = [...hazards];
    for (let i = 0; i < list.length; i += READ_BATCH) {
      const records = (await Promise.all(list.slice(i, i + READ_BATCH).map((h) => store.readDocuments(h)))).flat();
      const contents = await Promise.all(records.map((r) => (r.contentHash !== null && trail.byKey.has(documentKey(r, r.seq)) ? store.readDocumentContent(r) : null)));
      yield records.map((r, k) => ({ r, content: contents[k] ?? null }));
    }
  }
  for await (const page of registerPages()) {
    for (const { r, content } of page) {
      const key = documentKey(r, r.seq);
      const entry = trail.byKey.get(key);
      if (entry) seen.add(key);
      if (trail.voidByKey.has(key)) seenVoids.add(key);
      auditVoid(r, entry?.chainedAt !== undefined);
      if (r.contentHash === null) {
        if (entry)
          add(
            'problem',
            'DOCUMENT_MISSING',
            r,
            `已于 ${entry.issuedAt} 出具并记入文书链（第 ${entry.seq} 条），登记簿中的哈希却被清除`,
            `was issued at ${entry.issuedAt} and chained (trail entry ${entry.seq}), yet the register lost its hash`,
            entry.seq,
          );
        continue;
      }
      documents += 1;
      if (!entry) {
        const events = (await store.load(r.hazardId)) ?? [];
        const issuing = events.find((e) => e.id === r.eventId);
        const after = issuing && issuing.seq <= chainedFrom ? await chainedNumberAfter(r, issuing.seq) : null;
        if (after) {
          add(
            'problem',
            'DOCUMENT_UNCHAINED',
            r,
            `没有文书链记录，其出具事件（seq ${issuing?.seq}）早于文书入链，文号却排在已入链的第 ${after.documentSeq} 号之后（该号的事件 seq ${after.eventSeq}）：文号按日志顺序分配，此文书不可能出具于入链之前（登记簿被绕过存储写入，或其记录被删除）`,
            `has no trail entry and names an event from before documents were chained (seq ${issuing?.seq}), yet its number comes after chained #${after.documentSeq} (event seq ${after.eventSeq}): numbers are allocated in the log's order, so it cannot predate the trail (the register was written outside the store, or its entry deleted)`,
          );
        } else if (issuing && issuing.seq <= chainedFrom) {
          add(
            'notice',
            'ISSUED_BEFORE_CHAINING',
            r,
            `出具于文书入链之前（存储升级前）：没有文书链记录，登记簿中的哈希与内容只能相互核对，二者被一并改写时无法发现；重新出具（内容不变）即可入链`,
            `was issued before documents were chained (before the store upgrade): it has no trail entry, so its register hash and content can only be checked against each other, and a rewrite of both is not detectable; issuing it again (same content) chains it`,
          );
        } else {
          add(
            'problem',
            'DOCUMENT_UNCHAINED',
            r,
            issuing ? `出具于文书入链之后（事件 seq ${issuing.seq}），文书链中却没有它的记录（记录被删除，或登记簿被绕过存储写入）` : `没有文书链记录，其出具事件也不在日志中（登记簿被绕过存储写入）`,
            issuing
              ? `was issued after documents were chained (its event is seq ${issuing.seq}) but has no trail entry (the entry was deleted, or the register written outside the store)`
              : `has no trail entry and its issuing event is not in the log (the register was written outside the store)`,
          );
        }
        continue;
      }
      const differs: string[] = [];
      if (r.contentHash !== entry.contentHash) differs.push(`contentHash ${r.contentHash.slice(0, 12)}… ≠ ${entry.contentHash.slice(0, 12)}…`);
      if (r.verificationCode !== entry.verificationCode) differs.push(`verificationCode ${r.verificationCode} ≠ ${entry.verificationCode}`);
      if (r.hazardId !== entry.hazardId) differs.push(`hazardId ${r.hazardId} ≠ ${entry.hazardId}`);
      if (r.eventId !== entry.eventId) differs.push(`eventId ${r.eventId} ≠ ${entry.eventId}`);
      if (differs.length > 0) {
        add(
          'problem',
          'DOCUMENT_REWRITTEN',
          r,
          `的登记与文书链第 ${entry.seq} 条不同（登记簿被改写）：${differs.join('，')}`,
          `differs from trail entry ${entry.seq} (the register was rewritten): ${differs.join(', ')}`,
          entry.seq,
        );
        continue;
      }
      if (content === null) {
        add('problem', 'CONTENT_MISSING', r, `的内容已从登记簿删除（文书链第 ${entry.seq} 条记有其摘要）`, `has lost its stored content (trail entry ${entry.seq} holds its digest)`, entry.seq);
      } else if (documentContentDigest(content) !== entry.contentDigest) {
        add(
          'problem',
          'CONTENT_REWRITTEN',
          r,
          `的内容与出具时记入文书链（第 ${entry.seq} 条）的不同：内容被改写`,
          `has a stored content other than the one chained at issue (trail entry ${entry.seq}): the content was rewritten`,
          entry.seq,
        );
      }
    }
  }
  for (const [key, entry] of trail.byKey) {
    if (seen.has(key) || !mine(entry.hazardId)) continue;
    const r: DocumentRecord = {
      jurisdiction: entry.jurisdiction,
      kind: entry.kind,
      year: entry.year,
      seq: entry.documentSeq,
      hazardId: entry.hazardId,
      eventId: entry.eventId,
      issuedAt: entry.issuedAt,
      contentHash: entry.contentHash,
      verificationCode: entry.verificationCode,
      hashedAt: entry.issuedAt,
      voided: null,
    };
    add(
      'problem',
      'DOCUMENT_MISSING',
      r,
      `已于 ${entry.issuedAt} 出具并记入文书链（第 ${entry.seq} 条），登记簿中却没有它（被删除）`,
      `was issued at ${entry.issuedAt} and chained (trail entry ${entry.seq}), yet the register has no such number (deleted)`,
      entry.seq,
    );
  }
  for (const [key, v] of trail.voidByKey) {
    // A number whose issue entry found no document is reported above, once.
    if (seenVoids.has(key) || !mine(v.hazardId) || (trail.byKey.has(key) && !seen.has(key))) continue;
    const r: DocumentRecord = {
      jurisdiction: v.jurisdiction,
      kind: v.kind,
      year: v.year,
      seq: v.documentSeq,
      hazardId: v.hazardId,
      eventId: v.eventId,
      issuedAt: v.voidedAt,
      contentHash: null,
      verificationCode: null,
      hashedAt: null,
      voided: { at: v.voidedAt, reason: v.reason, actorId: v.actorId },
    };
    add(
      'problem',
      'DOCUMENT_MISSING',
      r,
      `已于 ${v.voidedAt} 作废并记入文书链（第 ${v.seq} 条），登记簿中却没有这个文号（被删除）`,
      `was voided at ${v.voidedAt} and chained (trail entry ${v.seq}), yet the register has no such number (deleted)`,
      v.seq,
    );
  }
  return { documents, findings };
}

/**
 * Compares the `anjian-documents` line of each checkpoint with the trail: a count beyond the
 * trail means entries were removed; another head, that an entry it covered changed. @internal
 */
export function compareDocumentCheckpoints(checkpoints: readonly CheckpointToCheck[], trail: DocumentTrailAudit, sink: ProblemSink): void {
  for (const { checkpoint: cp, stored } of [...checkpoints].sort((a, b) => a.checkpoint.size - b.checkpoint.size)) {
    const signed = readDocumentsExtension(cp.extensions);
    if (!signed) continue;
    const base = stored === undefined ? {} : { checkpoint: stored };
    const name = stored === undefined ? '外部检查点 / external checkpoint' : `#${stored}`;
    if (signed.count > trail.count) {
      sink.add(
        'document_trail',
        'DOCUMENTS_TRUNCATED',
        { ...base, seq: trail.count + 1, toSeq: signed.count },
        `检查点 ${name} 签了 ${signed.count} 条文书记录，文书链只有 ${trail.count} 条（第 ${trail.count + 1}–${signed.count} 条被删除）`,
        `checkpoint ${name} signed ${signed.count} document trail entries, the trail holds ${trail.count} (entries ${trail.count + 1}–${signed.count} deleted)`,
      );
    } else if (trail.headAt(signed.count) !== signed.head) {
      sink.add(
        'document_trail',
        'DOCUMENTS_CHANGED',
        { ...base, seq: 1, toSeq: signed.count },
        `文书链前 ${signed.count} 条与检查点 ${name} 签的不同（被改动、替换或删除）`,
        `the first ${signed.count} document trail entries differ from what checkpoint ${name} signed (edited, replaced or deleted)`,
      );
    }
  }
}
