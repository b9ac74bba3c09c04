/**
 * What the people who report are told about an upload they named that cannot be used: the
 * evidence store does not have it (never uploaded, or — the usual case — uploaded and not
 * reported in time, so the host's scheduler deleted it as an expired unbound upload), or it
 * was deleted or bound elsewhere between the command's look-up and its binding. Each message
 * says what happened and what to do, in both languages.
 */

/** A bilingual message. */
type Localized = { 'zh-CN': string; en: string };

/** An upload the store does not have when a command or an inspection names it (`label`: the id as shown). */
export function uploadMissing(label: string): Localized {
  return {
    'zh-CN': `证据 ${label} 不存在：可能尚未上传，或上传后未及时随上报提交、已过期删除（未提交的上传只保留一段时间）。请重新上传该照片或文件后再提交`,
    en: `evidence ${label} does not exist: it was not uploaded, or it was not reported in time after its upload and has expired and was deleted (uploads not yet reported are kept for a limited time). Please upload it again, then submit`,
  };
}

/** An upload the store deleted between the command's look-up and its binding: it expired meanwhile. */
export function uploadExpiredMeanwhile(id: string): Localized {
  return {
    'zh-CN': `证据 ${id} 已过期删除：上传后未及时随上报提交，系统在提交过程中将其删除。请重新上传该照片或文件后再提交`,
    en: `evidence ${id} has expired and was deleted: it was not reported in time after its upload and the system deleted it while this was being submitted. Please upload it again, then submit`,
  };
}

/** An upload another report bound to its hazard between the command's look-up and its binding. */
export function uploadBoundMeanwhile(id: string): Localized {
  return {
    'zh-CN': `证据 ${id} 已被用于另一隐患（同时提交的另一次上报使用了它）。请为本次上报另行上传照片或文件后再提交`,
    en: `evidence ${id} was attached to another hazard meanwhile (another report submitted at the same time used it). Please upload a photo or file for this report, then submit`,
  };
}
