import { isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { pointerJoin } from './create-issue.js';
import { describeLocation } from './describe-pointer.js';
import type { SemanticContext } from './semantic-context.js';

/**
 * Every bilingual text should have `en` too (a warning when missing; a missing `zh-CN`
 * is already a schema error). Walks each file iteratively.
 *
 * @internal
 */
export function checkTexts(ctx: SemanticContext): void {
  for (const parsed of ctx.index.files.values()) {
    const stack: { value: unknown; pointer: string }[] = [{ value: parsed.value, pointer: '' }];
    let reported = 0;
    while (stack.length > 0 && reported < 200) {
      const { value, pointer } = stack.pop()!;
      if (typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], pointer: pointerJoin(pointer, i) });
        continue;
      }
      const record = value as Record<string, unknown>;
      if (typeof record['zh-CN'] === 'string') {
        if (record.en === undefined) {
          reported += 1;
          const where = describeLocation(parsed.value, pointer);
          ctx.report(
            'TEXT_MISSING_EN',
            { file: parsed.file, pointer },
            {
              'zh-CN': `${where.zh}：缺少英文文本（en）；中文为“${String(record['zh-CN']).slice(0, 40)}”。`,
              en: `${where.en}: the English text (en) is missing; the Chinese reads "${String(record['zh-CN']).slice(0, 40)}".`,
            },
          );
        }
        continue;
      }
      const keys = Object.keys(record);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: record[key], pointer: pointerJoin(pointer, key) });
      }
    }
  }
}

/** A CJK ideograph or CJK / full-width punctuation. */
const CJK = '[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
/** A space with Chinese on both sides: what folding a line break of Chinese text leaves. */
const FOLDED_SPACE = new RegExp(`(?:${CJK}){1,2} +(?:${CJK}){1,2}`, 'u');

/**
 * Chinese text written over several lines as a folded (`>`, `>-`), plain or quoted scalar:
 * YAML turns each line break into a space, so the text reads “企业 进行” in forms and notices.
 * A note (`info`, not counted by `--max-warnings`) at the scalar, with the fix. Checked on the
 * parsed documents (the scalar's style and the lines it spans), iteratively. @internal
 */
export function checkFoldedChinese(ctx: SemanticContext): void {
  for (const parsed of ctx.index.files.values()) {
    const stack: { node: unknown; pointer: string }[] = [{ node: parsed.doc.contents, pointer: '' }];
    let reported = 0;
    while (stack.length > 0 && reported < 50) {
      const { node, pointer } = stack.pop()!;
      if (isMap(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const pair = node.items[i]!;
          if (isPair(pair) && isScalar(pair.key)) stack.push({ node: pair.value, pointer: pointerJoin(pointer, String(pair.key.value)) });
        }
      } else if (isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], pointer: pointerJoin(pointer, i) });
      } else if (isScalar(node) && typeof node.value === 'string' && node.type !== Scalar.BLOCK_LITERAL && (node as Node).range) {
        const [start, end] = (node as Node).range!;
        if (parsed.lineCounter.linePos(start).line === parsed.lineCounter.linePos(end).line) continue;
        const found = FOLDED_SPACE.exec(node.value);
        if (!found) continue;
        reported += 1;
        const where = describeLocation(parsed.value, pointer);
        const folded = node.type === Scalar.BLOCK_FOLDED;
        ctx.report(
          'TEXT_FOLDED_CHINESE',
          { file: parsed.file, pointer },
          {
            'zh-CN': `${where.zh}：中文分多行书写，${folded ? '用 > 或 >- 折叠' : '跨行'}时 YAML 把每个换行折叠成空格，表单和通知中会显示为“${found[0]}”。`,
            en: `${where.en}: Chinese text written over several lines; YAML folds each line break${folded ? ' of > or >-' : ''} into a space, so forms and notices show "${found[0]}".`,
          },
          {
            hint: {
              'zh-CN': '把中文写在一行内（需要时加引号），或在确需换行时改用 |-（保留换行）。',
              en: 'Keep the Chinese on one line (quoted if needed), or use |- where a line break is meant (it keeps the breaks).',
            },
          },
        );
      }
    }
  }
}
