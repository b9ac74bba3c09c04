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
