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

/** Operators whose fact is a list (a multi-choice answer): their observations of one answer form one record. */
const LIST_OPERATORS: ReadonlySet<string> = new Set(['contains', 'doesNotContain']);

/** An observation of a list operator (`contains` / `doesNotContain`). */
function isListObservation(o: Observation): boolean {
  return LIST_OPERATORS.has(o.operator);
}

/** A title as the first sentence of an explanation: with its own final punctuation, else 「。」 / ".". @internal */
export function titleSentence(title: { 'zh-CN': string; en?: string }): Pair {
  const zh = title['zh-CN'];
  const en = title.en ?? title['zh-CN'];
  return { 'zh-CN': FINAL.test(zh) ? zh : `${zh}。`, en: FINAL.test(en) ? en : `${en}.` };
}

/**
 * A hazard's explanation from its title and the records of its observations (`clauses`,
 * one per observation): the title as a sentence, then the records joined by 「；」 / "; ",
 * 「标题。甲：是；乙：3 m，超过 2 m。」. The title ends with a full stop, not a colon, because
 * the records carry their own. Observations of one fact with one recorded value share a
 * record (「电压：24 V，超过 12 V，不高于 36 V」); `bare` renders the record without a
 * comparison (「电压：24 V」), to find where the comparisons start. The observations of one
 * multi-choice answer (`contains` / `doesNotContain`) form one record that `group` renders
 * (「防爆措施：隔爆，不包括泄爆、惰化、抑爆」). @internal
 */
export function explanationSentence(
  title: { 'zh-CN': string; en?: string },
  observations: readonly Observation[],
  clauses: readonly Pair[],
  bare: (o: Observation) => Pair,
  group: (members: readonly Observation[]) => Pair,
): Pair {
  return recordsSentence(titleSentence(title), observations, clauses, bare, group);
}

/** {@link explanationSentence} with the title already a sentence ({@link titleSentence}). @internal */
export function recordsSentence(head: Pair, observations: readonly Observation[], clauses: readonly Pair[], bare: (o: Observation) => Pair, group: (members: readonly Observation[]) => Pair): Pair {
  if (clauses.length === 0) return head;
  const records = mergeRecords(observations, clauses, bare, group);
  let zh = head['zh-CN'] + records[0]!['zh-CN'];
  let en = `${head.en} ${records[0]!.en}`;
  for (let i = 1; i < records.length; i++) {
    zh += `；${records[i]!['zh-CN']}`;
    en += `; ${records[i]!.en}`;
  }
  return { 'zh-CN': `${zh}。`, en: `${en}.` };
}

/** Whether some fact is observed more than once (else every observation is its own record). */
function repeatsFact(observations: readonly Observation[]): boolean {
  for (let j = 1; j < observations.length; j++) {
    const fact = observations[j]!.fact;
    for (let k = 0; k < j; k++) if (observations[k]!.fact === fact) return true;
  }
  return false;
}

/**
 * Fold the comparisons of a repeated fact (same path, same primitive value) into its first
 * record, and the observations of one multi-choice answer (same fact, path and recorded
 * list) into one record rendered by `group`.
 */
function mergeRecords(observations: readonly Observation[], clauses: readonly Pair[], bare: (o: Observation) => Pair, group: (members: readonly Observation[]) => Pair): readonly Pair[] {
  if (observations.length < 2 || !repeatsFact(observations)) return clauses;
  const out: Pair[] = [];
  const recordOf: number[] = []; // observation index → index in `out` of its record
  let groups: Map<number, Observation[]> | undefined; // index in `out` → the list observations it renders
  for (let j = 0; j < observations.length; j++) {
    const o = observations[j]!;
    if (isListObservation(o)) {
      let i = -1;
      for (let k = 0; k < j; k++) {
        const p = observations[k]!;
        if (isListObservation(p) && p.fact === o.fact && p.path === o.path && Object.is(p.actual, o.actual)) {
          i = k;
          break;
        }
      }
      if (i >= 0) {
        const at = recordOf[i]!;
        groups ??= new Map();
        const members = groups.get(at);
        if (members) members.push(o);
        else groups.set(at, [observations[i]!, o]);
        recordOf.push(at);
      } else {
        recordOf.push(out.length);
        out.push(clauses[j]!);
      }
      continue;
    }
    const primitive = o.actual !== undefined && o.actual !== null && typeof o.actual !== 'object';
    let i = -1;
    if (primitive) {
      for (let k = 0; k < j; k++) {
        const p = observations[k]!;
        if (p.fact === o.fact && p.path === o.path && Object.is(p.actual, o.actual) && !isListObservation(p)) {
          i = k;
          break;
        }
      }
    }
    const merged = i >= 0 ? mergeInto(out[recordOf[i]!]!, clauses[j]!, bare(o)) : undefined;
    if (merged !== undefined) {
      out[recordOf[i]!] = merged;
      recordOf.push(recordOf[i]!);
    } else {
      recordOf.push(out.length);
      out.push(clauses[j]!);
    }
  }
  if (groups) for (const [at, members] of groups) out[at] = group(members);
  return out;
}

/** `first` with the comparison of `next` appended, when both are records of the same value (`head`); else undefined. */
function mergeInto(first: Pair, next: Pair, head: Pair): Pair | undefined {
  const restZh = rest(first['zh-CN'], next['zh-CN'], head['zh-CN'], '，');
  if (restZh === undefined) return undefined;
  const restEn = rest(first.en, next.en, head.en, ', ');
  if (restEn === undefined) return undefined;
  if (said(first['zh-CN'], restZh, '，') && said(first.en, restEn, ', ')) return first; // said already
  return { 'zh-CN': first['zh-CN'] + restZh, en: first.en + restEn };
}

/** What `next` adds after the bare record `head` (`''`, or from its separator on); undefined when either is not a record of `head`. */
function rest(first: string, next: string, head: string, separator: string): string | undefined {
  if (!first.startsWith(head)) return undefined;
  if (next.length === head.length) return next === head ? '' : undefined;
  return next.startsWith(head) && next.startsWith(separator, head.length) ? next.slice(head.length) : undefined;
}

/** Whether `record` already says `comparison` (a separator and what follows): as a whole part, not a prefix of one. */
function said(record: string, comparison: string, separator: string): boolean {
  return comparison === '' || record.endsWith(comparison) || record.includes(comparison + separator);
}
