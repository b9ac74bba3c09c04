/**
 * The prefix of a permit's evidence binding. An upload's binding (`EvidenceRecord.hazardId`,
 * what `EvidenceStore.bind` writes) is a hazard id, `permit:` and a permit id, or
 * `inspection:` and an inspection record id ({@link INSPECTION_BINDING_PREFIX}); no
 * hazard id may begin with it, in any case ({@link hazardIdRefusal}), so the kinds never meet.
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
 * The prefix of an inspection record's evidence binding: the photos of its answers that no
 * hazard holds (items that passed, hazards refused) are bound to `inspection:` and the record's
 * id, so they never expire as unbound uploads (T38). No hazard id may begin with it, in any case
 * ({@link hazardIdRefusal}); permit ids never do (theirs begin with `permit:`).
 */
export const INSPECTION_BINDING_PREFIX = 'inspection:';

/** The evidence store's binding of an inspection record's answer uploads (`EvidenceStore.bind`): `inspection:` and the record id. */
export function inspectionEvidenceBinding(inspectionId: string): string {
  return `${INSPECTION_BINDING_PREFIX}${inspectionId}`;
}

/**
 * The inspection record id an evidence binding names, or `null` when it names none (a hazard or
 * a permit): reading such an upload is the inspection record's business, never a hazard's.
 */
export function inspectionOfEvidenceBinding(binding: string): string | null {
  return binding.slice(0, INSPECTION_BINDING_PREFIX.length).toLowerCase() === INSPECTION_BINDING_PREFIX ? binding.slice(INSPECTION_BINDING_PREFIX.length) : null;
}

/**
 * Why a hazard id is refused, or `null` when it may name a hazard: an id in the permit or
 * inspection bindings' namespace (`permit:…`, `inspection:…`, any case) would share its uploads
 * with that permit or inspection record (attach a hazard's upload to it, or read its uploads as
 * the hazard's evidence).
 */
export function hazardIdRefusal(hazardId: string): { 'zh-CN': string; en: string } | null {
  if (isPermitEvidenceBinding(hazardId)) {
    return {
      'zh-CN': `隐患编号不能以 ${PERMIT_BINDING_PREFIX} 开头（该前缀保留给作业许可的附件绑定）`,
      en: `a hazard id cannot begin with ${PERMIT_BINDING_PREFIX} (the prefix is reserved for the bindings of permit attachments)`,
    };
  }
  if (inspectionOfEvidenceBinding(hazardId) !== null) {
    return {
      'zh-CN': `隐患编号不能以 ${INSPECTION_BINDING_PREFIX} 开头（该前缀保留给检查记录的照片绑定）`,
      en: `a hazard id cannot begin with ${INSPECTION_BINDING_PREFIX} (the prefix is reserved for the bindings of inspection record photos)`,
    };
  }
  return null;
}
