/**
 * The prefix of a permit's evidence binding. An upload's binding (`EvidenceRecord.hazardId`,
 * what `EvidenceStore.bind` writes) is either a hazard id or `permit:` and a permit id; no
 * hazard id may begin with it, in any case ({@link hazardIdRefusal}), so the two kinds never meet.
 */
export const PERMIT_BINDING_PREFIX = 'permit:';

/**
 * The evidence store's binding of a permit's uploads (`EvidenceStore.bind`): `permit:` and the
 * permit id. An upload bound to a permit cannot be attached to another permit or reported
 * with a hazard.
 */
export function permitEvidenceBinding(permitId: string): string {
  return `${PERMIT_BINDING_PREFIX}${permitId}`;
}

/** Whether an evidence binding names a permit (not a hazard): reading such an upload is the permit's business, never a hazard's. */
export function isPermitEvidenceBinding(binding: string): boolean {
  return binding.slice(0, PERMIT_BINDING_PREFIX.length).toLowerCase() === PERMIT_BINDING_PREFIX;
}

/**
 * Why a hazard id is refused, or `null` when it may name a hazard: an id in the permit
 * bindings' namespace (`permit:…`, any case) would share its uploads with that permit (attach a
 * hazard's upload to the permit, or read the permit's attachments as the hazard's evidence).
 */
export function hazardIdRefusal(hazardId: string): { 'zh-CN': string; en: string } | null {
  if (!isPermitEvidenceBinding(hazardId)) return null;
  return {
    'zh-CN': `隐患编号不能以 ${PERMIT_BINDING_PREFIX} 开头（该前缀保留给作业许可的附件绑定）`,
    en: `a hazard id cannot begin with ${PERMIT_BINDING_PREFIX} (the prefix is reserved for the bindings of permit attachments)`,
  };
}
