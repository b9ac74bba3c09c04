/**
 * Assembling a hazard's explanation from the records of its observations. Internal to the
 * classify area.
 *
 * @module
 */
import type { Observation } from './types.js';

/** Bilingual text with both languages. @internal */
export type Pair = { 'zh-CN': string; en: string };

/** Sentence-final punctuation a title may already end with. */
const FINAL = /[。！？.!?]$/;

/**
 * A hazard's explanation from its title and the records of its observations (`clauses`,
 * one per observation): the title as a sentence, then the records joined by 「；」 / "; ",
 * 「标题。甲：是；乙：3 m，超过 2 m。」. The title ends with a full stop, not a colon, because
 * the records carry their own. Observations of one fact with one recorded value share a
 * record (「电压：24 V，超过 12 V，不高于 36 V」); `bare` renders the record without a
 * comparison (「电压：24 V」), to find where the comparisons start. @internal
 */
export function explanationSentence(
  title: { 'zh-CN': string; en?: string },
  observations: readonly Observation[],
  clauses: readonly Pair[],
  bare: (o: Observation) => Pair,
): Pair {
  const titleZh = title['zh-CN'];
  const titleEn = title.en ?? title['zh-CN'];
  let zh = FINAL.test(titleZh) ? titleZh : `${titleZh}。`;
  let en = FINAL.test(titleEn) ? titleEn : `${titleEn}.`;
  if (clauses.length === 0) return { 'zh-CN': zh, en };
  const records = mergeRecords(observations, clauses, bare);
  zh += records[0]!['zh-CN'];
  en += ` ${records[0]!.en}`;
  for (let i = 1; i < records.length; i++) {
    zh += `；${records[i]!['zh-CN']}`;
    en += `; ${records[i]!.en}`;
  }
  return { 'zh-CN': `${zh}。`, en: `${en}.` };
}

/** Fold the comparisons of a repeated fact (same path, same primitive value) into its first record. */
function mergeRecords(observations: readonly Observation[], clauses: readonly Pair[], bare: (o: Observation) => Pair): readonly Pair[] {
  if (observations.length < 2) return clauses;
  const out: Pair[] = [];
  const recordOf: number[] = []; // observation index → index in `out` of its record
  for (let j = 0; j < observations.length; j++) {
    const o = observations[j]!;
    const primitive = o.actual !== undefined && o.actual !== null && typeof o.actual !== 'object';
    const i = primitive ? observations.findIndex((p, k) => k < j && p.fact === o.fact && p.path === o.path && Object.is(p.actual, o.actual)) : -1;
    const merged = i >= 0 ? mergeInto(out[recordOf[i]!]!, clauses[j]!, bare(o)) : undefined;
    if (merged !== undefined) {
      out[recordOf[i]!] = merged;
      recordOf.push(recordOf[i]!);
    } else {
      recordOf.push(out.length);
      out.push(clauses[j]!);
    }
  }
  return out;
}

/** `first` with the comparison of `next` appended, when both are records of the same value (`head`); else undefined. */
function mergeInto(first: Pair, next: Pair, head: Pair): Pair | undefined {
  const zh = head['zh-CN'];
  const en = head.en;
  if (!first['zh-CN'].startsWith(zh) || !first.en.startsWith(en)) return undefined;
  const restZh = next['zh-CN'] === zh ? '' : next['zh-CN'].startsWith(`${zh}，`) ? next['zh-CN'].slice(zh.length) : undefined;
  const restEn = next.en === en ? '' : next.en.startsWith(`${en}, `) ? next.en.slice(en.length) : undefined;
  if (restZh === undefined || restEn === undefined) return undefined;
  if (`${first['zh-CN']}，`.includes(`${restZh}，`) && `${first.en}, `.includes(`${restEn}, `)) return first; // said already
  return { 'zh-CN': first['zh-CN'] + restZh, en: first.en + restEn };
}
