import type { Lang } from '@anjian/core';
import type { AuditDocumentKey, AuditPosition, AuditProblemKind, AuditResult } from '@anjian/core/audit';
import { localize } from '../lang.js';
import { stripControl } from '../format/strip-control.js';

const documentName = (d: AuditDocumentKey): string => `${d.kind} ${d.jurisdiction} ${d.year} #${d.seq}`;

function position(p: AuditPosition, lang: Lang, kind?: AuditProblemKind): string {
  const parts: string[] = [];
  const inTrail = kind === 'document_trail' || kind === 'documents';
  if (p.document !== undefined) parts.push(documentName(p.document));
  if (p.hazardId !== undefined && inTrail) parts.push(p.hazardId);
  if (p.seq !== undefined && inTrail) {
    const range = p.toSeq !== undefined && p.toSeq !== p.seq ? `${p.seq}–${p.toSeq}` : `${p.seq}`;
    parts.push(lang === 'en' ? `trail ${p.toSeq !== undefined && p.toSeq !== p.seq ? 'entries' : 'entry'} ${range}` : `文书链第 ${range} 条`);
  } else if (p.seq !== undefined) parts.push(p.toSeq !== undefined && p.toSeq !== p.seq ? `seq ${p.seq}–${p.toSeq}` : `seq ${p.seq}`);
  if (p.hazardId !== undefined && !inTrail) parts.push(p.version === undefined ? p.hazardId : `${p.hazardId} v${p.version}`);
  if (p.checkpoint !== undefined) parts.push(lang === 'en' ? `checkpoint #${p.checkpoint}` : `检查点 #${p.checkpoint}`);
  return parts.length > 0 ? parts.join(', ') : '-';
}

const MAX_FINDINGS = 50;

/** The audit result for a terminal: one block per problem (first bad position of its kind), every finding about an issued document (at most 50), then the counts. */
export function auditPretty(result: AuditResult, label: string, lang: Lang): string {
  const c = result.checked;
  const lines: string[] = [];
  for (const p of result.problems) {
    lines.push(stripControl(`${p.kind} ${p.code}  ${position(p.position, lang, p.kind)}`), `  ${stripControl(localize(p.message, lang))}`);
  }
  // Every finding about an issued document (the problems above name only the first): problems, then notices.
  const findings = [...result.documents].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'problem' ? -1 : 1));
  if (findings.length > 0) {
    lines.push(lang === 'en' ? 'issued documents:' : '已出具的文书：');
    for (const f of findings.slice(0, MAX_FINDINGS)) {
      const at = [documentName(f.document), f.document.hazardId, ...(f.trailSeq === undefined ? [] : [lang === 'en' ? `trail entry ${f.trailSeq}` : `文书链第 ${f.trailSeq} 条`])].join(', ');
      lines.push(stripControl(`  ${f.severity === 'problem' ? '✗' : '!'} ${f.code}  ${at}`), `    ${stripControl(localize(f.message, lang))}`);
    }
    if (findings.length > MAX_FINDINGS) {
      const more = findings.length - MAX_FINDINGS;
      lines.push(lang === 'en' ? `  … ${more} more (--format json lists every one)` : `  …… 另有 ${more} 条（--format json 列出全部）`);
    }
  }
  const before = result.documents.filter((f) => f.code === 'ISSUED_BEFORE_CHAINING').length;
  const voidedBefore = result.documents.filter((f) => f.code === 'VOIDED_BEFORE_CHAINING').length;
  const docs =
    lang === 'en'
      ? `${c.documents} issued documents (${c.documentTrail} trail entries${before > 0 ? `, ${before} issued before documents were chained` : ''}${voidedBefore > 0 ? `, ${voidedBefore} voided before voids were chained` : ''})`
      : `${c.documents} 份已出具文书（文书链 ${c.documentTrail} 条${before > 0 ? `，${before} 份出具于文书入链之前` : ''}${voidedBefore > 0 ? `，${voidedBefore} 份作废于作废入链之前` : ''}）`;
  const counts =
    lang === 'en'
      ? `${c.events} events, ${c.hazards} hazards, ${c.projectionRows} list rows, ${c.outboxMessages} outbox messages, ${c.denials} denials, ${docs}, ${c.checkpoints} checkpoints (${c.signatures ? 'signatures checked' : 'signatures NOT checked: no --public-key'})`
      : `${c.events} 个事件，${c.hazards} 个隐患，${c.projectionRows} 行列表，${c.outboxMessages} 条发件箱消息，${c.denials} 条拒绝记录，${docs}，${c.checkpoints} 个检查点（${c.signatures ? '已验签' : '未验签：没有给 --public-key'}）`;
  if (result.ok) lines.push(lang === 'en' ? `✓ ${label}: audit trail intact — ${counts}` : `✓ ${label}：审计记录完好 —— ${counts}`);
  else {
    lines.push('', lang === 'en' ? `✗ ${label}: ${result.problems.length} kind(s) of problem — ${counts}` : `✗ ${label}：发现 ${result.problems.length} 类问题 —— ${counts}`);
  }
  return lines.join('\n') + '\n';
}
