import { quoteInput } from '@anjian/core/internal';
import { EVIDENCE_MEDIA_TYPES } from './evidence-media-type.js';

/** The short name people know each accepted type by. */
const FORMAT_NAME: Readonly<Record<string, string>> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'application/pdf': 'PDF' };
/** Types whose files a phone makes and a converter turns into JPEG: named with how to get one. */
const HEIC = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);

/**
 * The 415 detail for an upload whose `Content-Type` (`declared`, lower-cased, without
 * parameters) is not one of {@link EVIDENCE_MEDIA_TYPES}, in words for whoever picked the file:
 * which formats are taken (from that list), what the chosen file is — a phone's HEIC photo, a
 * file the browser could not type, or its type — and what to do.
 */
export function unsupportedUploadMessage(declared: string): { 'zh-CN': string; en: string } {
  const photos = EVIDENCE_MEDIA_TYPES.filter((t) => t.startsWith('image/')).map((t) => FORMAT_NAME[t] ?? t);
  const documents = EVIDENCE_MEDIA_TYPES.filter((t) => !t.startsWith('image/')).map((t) => FORMAT_NAME[t] ?? t);
  const taken = {
    zh: `只能上传 ${photos.join('、')} 格式的照片或 ${documents.join('、')} 文件`,
    en: `Only ${photos.slice(0, -1).join(', ')}${photos.length > 1 ? ' or ' : ''}${photos[photos.length - 1]} photos and ${documents.join(', ')} files can be uploaded`,
  };
  const shown = quoteInput(declared).slice(1, -1);
  if (HEIC.has(declared)) {
    return {
      'zh-CN': `${taken.zh}，所选文件是 HEIC/HEIF 格式的手机照片。请导出为 JPEG（或在手机相机设置的“格式”中选择“兼容性最佳”后重拍）再上传`,
      en: `${taken.en}; the file chosen is a HEIC/HEIF phone photo. Export it as JPEG (or set the phone camera's format to "Most Compatible" and take it again), then upload it`,
    };
  }
  if (declared === '') {
    return {
      'zh-CN': `${taken.zh}，所选文件的类型浏览器无法识别。请改选照片或 PDF 文件后重新上传`,
      en: `${taken.en}; the file chosen is of a type the browser could not tell. Please choose a photo or a PDF file and upload again`,
    };
  }
  return {
    'zh-CN': `${taken.zh}，所选文件是 ${shown} 类型。请改选照片或 PDF 文件后重新上传`,
    en: `${taken.en}; the file chosen is of type ${shown}. Please choose a photo or a PDF file and upload again`,
  };
}
