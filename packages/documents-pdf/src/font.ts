import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font a PDF embeds (a subset: only the glyphs the document uses). anjian ships no
 * font: the host supplies one it may redistribute inside documents (docs/decisions, the
 * documents ADR). OpenType/TrueType, or a collection (`.ttc`) with `family` naming the face.
 */
export interface PdfFont {
  /** Path of the font file. */
  path?: string;
  /** The font file's bytes (instead of `path`). */
  bytes?: Uint8Array;
  /** PostScript name of the face in a collection, e.g. `NotoSansCJKsc-Regular`. */
  family?: string;
}

/** Where Debian and Ubuntu install Noto Sans CJK (package fonts-noto-cjk). */
export const DEBIAN_NOTO_SANS_CJK: Readonly<Required<Pick<PdfFont, 'path' | 'family'>>> = Object.freeze({
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  family: 'NotoSansCJKsc-Regular',
});

const BRAND = Symbol.for('anjian.PdfFontError');

/** The font is missing or unreadable: nothing is rendered. */
export class PdfFontError extends Error {
  readonly code = 'PDF_FONT_MISSING' as const;
  readonly messages: { 'zh-CN': string; en: string };
  readonly [BRAND] = true;
  constructor(messages: { 'zh-CN': string; en: string }, options?: { cause?: unknown }) {
    super(`${messages.en} / ${messages['zh-CN']}`, options);
    this.name = 'PdfFontError';
    this.messages = messages;
  }
  /** True for any `PdfFontError`, even from another copy of the package. */
  static is(value: unknown): value is PdfFontError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** The Debian Noto Sans CJK font if this machine has it (`apt-get install fonts-noto-cjk`), else null. */
export function findSystemCjkFont(): PdfFont | null {
  return existsSync(DEBIAN_NOTO_SANS_CJK.path) ? { ...DEBIAN_NOTO_SANS_CJK } : null;
}

const cache = new Map<string, Buffer>();

/** The font's bytes, read once per path. @internal */
export function fontBytes(font: PdfFont | undefined): Buffer {
  if (font?.bytes) return Buffer.from(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength);
  if (!font?.path) {
    throw new PdfFontError({
      'zh-CN': '未提供中文字体：请传入 font.path 或 font.bytes（例如 Debian 的 fonts-noto-cjk：/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc）',
      en: 'no CJK font given: pass font.path or font.bytes (e.g. Debian fonts-noto-cjk: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)',
    });
  }
  const hit = cache.get(font.path);
  if (hit) return hit;
  try {
    const bytes = readFileSync(font.path);
    cache.set(font.path, bytes);
    return bytes;
  } catch (error) {
    throw new PdfFontError(
      {
        'zh-CN': `无法读取字体文件 ${font.path}：请确认已安装（Debian：apt-get install fonts-noto-cjk）或改用 font.bytes`,
        en: `cannot read the font file ${font.path}: install it (Debian: apt-get install fonts-noto-cjk) or pass font.bytes`,
      },
      { cause: error },
    );
  }
}
