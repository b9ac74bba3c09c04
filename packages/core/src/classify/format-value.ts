import type { Lang } from '../pack/types.js';
import { pick, type FactLabel } from './fact-labels.js';
import { formatDateTime } from './format-date-time.js';

/**
 * A recorded or expected value as a person reads it: option labels for enum/multi facts,
 * 是/否 (yes/no) for booleans, numbers with the fact's unit, dates and times of date/datetime
 * facts in China time (`2026-09-14`, `2026-09-14 08:00`), 未填写 (not recorded) for a
 * missing value. Never throws.
 */
export function formatValue(value: unknown, fact: FactLabel | undefined, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (value === undefined || value === null) return zh ? '未填写' : 'not recorded';
  if (typeof value === 'boolean') return zh ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return fact?.unit ? `${String(value)} ${fact.unit}` : String(value);
  if (typeof value === 'string') {
    if (fact?.type === 'date' || fact?.type === 'datetime') return formatDateTime(value, fact.type) ?? value;
    const option = fact?.options?.get(value);
    return option ? pick(option, lang) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return zh ? '无' : 'none';
    // value.map(…).join(…) without the intermediate array (a recorded multi-choice answer, per hazard)
    const separator = zh ? '、' : ', ';
    // (a hole in a sparse array reads as nothing, as `map` then `join` read it)
    let text = 0 in value ? formatValue(value[0], fact, lang) : '';
    for (let i = 1; i < value.length; i++) text += separator + (i in value ? formatValue(value[i], fact, lang) : '');
    return text;
  }
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(typeof value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return typeof value;
  }
}
