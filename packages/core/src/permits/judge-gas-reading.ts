import type { GasLimit, GasMeasure, GasTestRule } from './permit-rules.js';

/** Measured values of one gas test or monitoring reading (absent = not measured). */
export interface GasValues {
  /** Flammable gas or vapour, % by volume. */
  flammablePctVol?: number;
  /** Flammable gas, % of its lower explosive limit. */
  flammablePctLel?: number;
  /** Oxygen, % by volume. */
  o2PctVol?: number;
}

/** One limit a reading breaks. */
export interface GasFailure {
  measure: GasMeasure;
  value: number;
  min?: number;
  max?: number;
}

/** The verdict on a reading: `missing` lists measures the rule requires but the reading lacks. */
export interface GasVerdict {
  pass: boolean;
  failures: GasFailure[];
  missing: GasMeasure[];
}

const FIELD: Record<GasMeasure, keyof GasValues> = { flammable_pct_vol: 'flammablePctVol', flammable_pct_lel: 'flammablePctLel', o2_pct_vol: 'o2PctVol' };

/** The limits that apply to a substance whose LEL is `lelPctVol` (`null`: not declared; LEL-selected limits then cannot apply). */
export function applicableLimits(rule: GasTestRule, lelPctVol: number | null): GasLimit[] {
  return rule.limits.filter((l) => {
    if (l.lelAtLeast === undefined && l.lelBelow === undefined) return true;
    if (lelPctVol === null) return false;
    return (l.lelAtLeast === undefined || lelPctVol >= l.lelAtLeast) && (l.lelBelow === undefined || lelPctVol < l.lelBelow);
  });
}

/** True when some limit of the rule is selected by the substance's LEL (the permit must declare it). */
export function needsLel(rule: GasTestRule): boolean {
  return rule.limits.some((l) => l.lelAtLeast !== undefined || l.lelBelow !== undefined);
}

/**
 * Judges a reading against a gas-test rule: every applicable limit must be measured (a
 * missing measure fails closed) and within `min`/`max` (inclusive). Pure; the only place
 * gas thresholds are compared.
 *
 * @example
 * ```ts
 * judgeGasReading(rule.gasTest, 3.0, { flammablePctVol: 0.3 }).pass; // false: LEL < 4 % allows ≤ 0.2 % vol
 * ```
 */
export function judgeGasReading(rule: GasTestRule, lelPctVol: number | null, values: GasValues): GasVerdict {
  const failures: GasFailure[] = [];
  const missing: GasMeasure[] = [];
  for (const limit of applicableLimits(rule, lelPctVol)) {
    const value = values[FIELD[limit.measure]];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      if (!missing.includes(limit.measure)) missing.push(limit.measure);
      continue;
    }
    if ((limit.min !== undefined && value < limit.min) || (limit.max !== undefined && value > limit.max)) {
      failures.push({ measure: limit.measure, value, ...(limit.min !== undefined ? { min: limit.min } : {}), ...(limit.max !== undefined ? { max: limit.max } : {}) });
    }
  }
  return { pass: failures.length === 0 && missing.length === 0, failures, missing };
}
