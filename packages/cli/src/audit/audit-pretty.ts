import type { Lang } from '@anjian/core';
import type { AuditPosition, AuditResult } from '@anjian/core/audit';
import { localize } from '../lang.js';
import { stripControl } from '../format/strip-control.js';

function position(p: AuditPosition, lang: Lang): string {
  const parts: string[] = [];
  if (p.seq !== undefined) parts.push(p.toSeq !== undefined && p.toSeq !== p.seq ? `seq ${p.seq}–${p.toSeq}` : `seq ${p.seq}`);
  if (p.hazardId !== undefined) parts.push(p.version === undefined ? p.hazardId : `${p.hazardId} v${p.version}`);
  if (p.checkpoint !== undefined) parts.push(lang === 'en' ? `checkpoint #${p.checkpoint}` : `检查点 #${p.checkpoint}`);
  return parts.length > 0 ? parts.join(', ') : '-';
}

/** The audit result for a terminal: one block per problem (first bad position of its kind), then the counts. */
export function auditPretty(result: AuditResult, label: string, lang: Lang): string {
  const c = result.checked;
  const lines: string[] = [];
  for (const p of result.problems) {
    lines.push(stripControl(`${p.kind} ${p.code}  ${position(p.position, lang)}`), `  ${stripControl(localize(p.message, lang))}`);
  }
  const counts =
    lang === 'en'
      ? `${c.events} events, ${c.hazards} hazards, ${c.projectionRows} list rows, ${c.outboxMessages} outbox messages, ${c.denials} denials, ${c.checkpoints} checkpoints (${c.signatures ? 'signatures checked' : 'signatures NOT checked: no --public-key'})`
      : `${c.events} 个事件，${c.hazards} 个隐患，${c.projectionRows} 行列表，${c.outboxMessages} 条发件箱消息，${c.denials} 条拒绝记录，${c.checkpoints} 个检查点（${c.signatures ? '已验签' : '未验签：没有给 --public-key'}）`;
  if (result.ok) lines.push(lang === 'en' ? `✓ ${label}: audit trail intact — ${counts}` : `✓ ${label}：审计记录完好 —— ${counts}`);
  else {
    lines.push('', lang === 'en' ? `✗ ${label}: ${result.problems.length} kind(s) of problem — ${counts}` : `✗ ${label}：发现 ${result.problems.length} 类问题 —— ${counts}`);
  }
  return lines.join('\n') + '\n';
}
