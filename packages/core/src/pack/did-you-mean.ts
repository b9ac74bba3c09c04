/**
 * Edit distance with adjacent transpositions (optimal string alignment), so `lgp`→`lpg`
 * is one edit. Three rows; inputs are ids (≤ 128 characters). @internal
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      curr[j] = d;
    }
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length] ?? 0;
}

/**
 * The closest known name to a misspelt one, or undefined when nothing is close enough
 * (distance at most a third of the length, at least 1, at most 3; case differences count 0).
 *
 * @example
 * ```ts
 * didYouMean('alarm_instaled', ['alarm_installed', 'gas_type']); // 'alarm_installed'
 * ```
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate.length > 128 || Math.abs(candidate.length - name.length) > limit) continue;
    const d = candidate.toLowerCase() === lower ? 0 : levenshtein(lower.slice(0, 128), candidate.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A hint maker with a budget: after `budget` candidate comparisons it stops suggesting, so
 * a hostile pack with thousands of unknown names cannot make loading quadratic.
 *
 * @internal
 */
export function createHinter(budget = 200_000): (name: string, candidates: Iterable<string>) => { 'zh-CN': string; en: string } | undefined {
  let left = budget;
  return (name, candidates) => {
    if (left <= 0) return undefined;
    const list = [...candidates];
    left -= list.length;
    return didYouMeanHint(name, list);
  };
}

/** Bilingual "did you mean" hint text, or undefined. @internal */
export function didYouMeanHint(name: string, candidates: Iterable<string>): { 'zh-CN': string; en: string } | undefined {
  const guess = didYouMean(name, candidates);
  if (guess === undefined) return undefined;
  return { 'zh-CN': `是不是“${guess}”？`, en: `did you mean "${guess}"?` };
}
