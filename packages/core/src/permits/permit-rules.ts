import type { ErrorObject } from 'ajv';
import { validatePermitRules } from './permit-rules-validator.generated.js';
import defaultRulesData from './default-permit-rules.json';

/** Bilingual text (both languages required in permit rules). */
export interface PermitText {
  'zh-CN': string;
  en: string;
}

/** Kinds of hazardous work the rules know. */
export type PermitKind = 'hot_work' | 'confined_space' | 'work_at_height' | 'lifting';
/** Which enterprises a rule covers: hazchem (GB 30871), general (e.g. GB 46768), or any. */
export type PermitPremises = 'hazchem' | 'general' | 'any';
/** What a gas reading measures. */
export type GasMeasure = 'flammable_pct_vol' | 'flammable_pct_lel' | 'o2_pct_vol';

/** Where a value comes from. `verified: false` = clause not checked against the official text. */
export interface PermitBasis {
  standard: string;
  clause: string;
  verified: boolean;
}

/** One pass limit of a gas test; `lelAtLeast`/`lelBelow` select it by the declared substance's LEL (% vol). */
export interface GasLimit {
  measure: GasMeasure;
  min?: number;
  max?: number;
  lelAtLeast?: number;
  lelBelow?: number;
  basis: PermitBasis;
}

/** The gas-test part of a rule. */
export interface GasTestRule {
  /** A test counts for a start or resume only if sampled at most this many minutes before. */
  windowMinutes: number;
  /** Re-test after an interruption longer than this (kept as data; resume always needs a new test). */
  retestAfterInterruptionMinutes: number | null;
  limits: readonly GasLimit[];
}

/** The rule for one kind, grade and premises, in force from `effectiveFrom`. */
export interface PermitRule {
  id: string;
  kind: PermitKind;
  grade: string;
  premises: PermitPremises;
  title: PermitText;
  standard: string;
  effectiveFrom: string;
  effectiveUntil?: string;
  approverRole: string;
  validityHours: number;
  gasTest: GasTestRule | null;
  monitoringIntervalMinutes: number | null;
  requiredAttachments: readonly string[];
  basis: readonly PermitBasis[];
}

/** A whole rule set (schema: `@anjian/core/schema/permit-rules.schema.json`). */
export interface PermitRules {
  version: string;
  standards: readonly { id: string; number: string; title: PermitText; effectiveFrom: string; verified: boolean }[];
  roles: Readonly<Record<string, PermitText>>;
  kinds: readonly PermitRule[];
}

/** One problem found by {@link loadPermitRules}, located by JSON pointer. */
export interface PermitRulesIssue {
  path: string;
  message: PermitText;
}

/** Result of {@link loadPermitRules}. */
export type LoadedPermitRules = { ok: true; rules: PermitRules } | { ok: false; issues: PermitRulesIssue[] };

/**
 * The ajv options `schema/permit-rules.schema.json` is compiled with. The validator is
 * precompiled: Ajv's standalone code, committed as `permit-rules-validator.generated.js`
 * (`pnpm generate:pack-validators`; a test fails when it is not current), so importing the
 * default rules compiles nothing (no `new Function`).
 *
 * @internal
 */
export const PERMIT_RULES_AJV_OPTIONS = Object.freeze({ allErrors: true, strict: false });

function schemaIssue(error: ErrorObject): PermitRulesIssue {
  const path = error.instancePath || '/';
  return { path, message: { 'zh-CN': `许可规则不符合模式：${path} ${error.message ?? ''}`.trim(), en: `Permit rules do not match the schema: ${path} ${error.message ?? ''}`.trim() } };
}

/**
 * Validates a permit rule set (parsed YAML or JSON): the JSON Schema first, then what a
 * schema cannot say — known standards and roles, LEL selectors that do not overlap, `min ≤
 * max`, one rule per kind, grade, premises and effective date. Never throws.
 *
 * @example
 * ```ts
 * const loaded = loadPermitRules(JSON.parse(text));
 * if (!loaded.ok) for (const i of loaded.issues) console.error(i.path, i.message.en);
 * ```
 */
export function loadPermitRules(data: unknown): LoadedPermitRules {
  if (!validatePermitRules(data)) return { ok: false, issues: (validatePermitRules.errors ?? []).slice(0, 20).map(schemaIssue) };
  const rules = data as PermitRules;
  const issues: PermitRulesIssue[] = [];
  const add = (path: string, zh: string, en: string): void => void issues.push({ path, message: { 'zh-CN': zh, en } });
  const standards = new Set(rules.standards.map((s) => s.id));
  const seen = new Set<string>();
  rules.kinds.forEach((rule, i) => {
    const at = `/kinds/${i}`;
    if (!standards.has(rule.standard)) add(`${at}/standard`, `未知标准 ${rule.standard}`, `Unknown standard ${rule.standard}`);
    if (!(rule.approverRole in rules.roles)) add(`${at}/approverRole`, `未知审批角色 ${rule.approverRole}`, `Unknown approver role ${rule.approverRole}`);
    const key = `${rule.kind}/${rule.grade}/${rule.premises}/${rule.effectiveFrom}`;
    if (seen.has(key)) add(at, `重复的规则 ${key}`, `Duplicate rule ${key}`);
    seen.add(key);
    if (rule.effectiveUntil !== undefined && rule.effectiveUntil <= rule.effectiveFrom) add(`${at}/effectiveUntil`, '失效日期须晚于施行日期', 'effectiveUntil must be after effectiveFrom');
    for (const b of rule.basis) if (!standards.has(b.standard)) add(`${at}/basis`, `未知标准 ${b.standard}`, `Unknown standard ${b.standard}`);
    rule.gasTest?.limits.forEach((limit, j) => {
      const lat = `${at}/gasTest/limits/${j}`;
      if (limit.min !== undefined && limit.max !== undefined && limit.min > limit.max) add(lat, '下限大于上限', 'min is greater than max');
      if (limit.lelAtLeast !== undefined && limit.lelBelow !== undefined && limit.lelAtLeast >= limit.lelBelow) add(lat, '爆炸下限选择范围为空', 'The LEL selector matches nothing');
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules };
}

function loadDefault(): PermitRules {
  const loaded = loadPermitRules(defaultRulesData);
  if (!loaded.ok) throw new Error(`default permit rules are invalid: ${loaded.issues.map((i) => `${i.path} ${i.message.en}`).join('; ')}`);
  return loaded.rules;
}

/**
 * The rules shipped with core: GB 30871-2022 hot work (特级/一级/二级), confined space and work at
 * height for hazchem enterprises, and GB 46768-2025 confined space for other premises from
 * 2026-05-01. Every clause reference is marked `verified: false` until checked against the
 * official text (docs/permits.md). Lifting is not encoded yet.
 */
export const DEFAULT_PERMIT_RULES: PermitRules = /* @__PURE__ */ loadDefault();

/** Does a rule cover `premises`? */
function covers(rule: PermitRule, premises: 'hazchem' | 'general'): boolean {
  return rule.premises === 'any' || rule.premises === premises;
}

/**
 * The rule in force for a kind, grade and premises on the date of `at` (UTC date), or
 * `null` when none is (fail closed: the caller refuses the permit). The newest
 * `effectiveFrom` wins.
 */
export function selectPermitRule(rules: PermitRules, kind: string, grade: string, premises: 'hazchem' | 'general', at: Date): PermitRule | null {
  const day = at.toISOString().slice(0, 10);
  let best: PermitRule | null = null;
  for (const rule of rules.kinds) {
    if (rule.kind !== kind || rule.grade !== grade || !covers(rule, premises)) continue;
    if (rule.effectiveFrom > day || (rule.effectiveUntil !== undefined && rule.effectiveUntil <= day)) continue;
    if (best === null || rule.effectiveFrom > best.effectiveFrom) best = rule;
  }
  return best;
}
