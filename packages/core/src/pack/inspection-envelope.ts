/**
 * The envelope of an inspection file (everything but the answers): which keys it may carry,
 * which `source` values exist, and the fail-closed check of `premises`.
 *
 * @module
 */
import { didYouMean } from './did-you-mean.js';
import { cutInput, quoteInput } from './quote-input.js';
import type { Issue, LocalizedText, Pack } from './types.js';

type Bilingual = LocalizedText & { en: string };

/** Where an inspection's findings come from (`source`), in a stable order. */
export const FINDING_SOURCES = Object.freeze(['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'] as const);

/** The keys an inspection may carry at its top level; anything else is refused (`UNKNOWN_KEY`). */
export const INSPECTION_KEYS = Object.freeze(['pack', 'premises', 'inspectedAt', 'source', 'subject', 'findings', 'evidence', 'fixedOnSpot'] as const);

/** The keys `subject` may carry (identification only; never used by classification). */
export const SUBJECT_KEYS = Object.freeze(['id', 'enterpriseId', 'unitId', 'premisesId', 'name', 'address', 'area'] as const);

/** Labels of {@link FINDING_SOURCES} in both languages (docs, forms, the template command). */
export const FINDING_SOURCE_LABELS: Readonly<Record<(typeof FINDING_SOURCES)[number], Bilingual>> = Object.freeze({
  self_check: { 'zh-CN': '企业自查', en: 'enterprise self-inspection' },
  grid_patrol: { 'zh-CN': '网格员巡查', en: 'grid inspector patrol' },
  enforcement: { 'zh-CN': '执法检查', en: 'enforcement inspection' },
  sensor: { 'zh-CN': '监测设备', en: 'sensor or monitoring system' },
  permit: { 'zh-CN': '作业许可', en: 'work permit' },
});

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function issue(code: string, pointer: string, zh: string, en: string, hint?: Bilingual): Issue {
  return { code, severity: 'error', message: { 'zh-CN': zh, en }, pointer, ...(hint ? { hint } : {}) };
}

/**
 * Check the envelope of an inspection against a pack, failing closed: a missing or unknown
 * `premises` (with "did you mean"), keys that are not part of the format (top level and
 * `subject`, with "did you mean"), and a `source` that is not one of {@link FINDING_SOURCES}
 * are errors. A missing premises kind never quietly makes premises-limited items "not
 * applicable". Pointers are JSON Pointers into the inspection. `pack` and `inspectedAt` are
 * left to the findings check. Pure and isomorphic.
 *
 * @example
 * ```ts
 * checkInspectionEnvelope(pack, { pack: 'gas', findings: {} })[0]?.code; // 'PREMISES_MISSING'
 * ```
 */
export function checkInspectionEnvelope(pack: Pick<Pack, 'premises'>, inspection: Readonly<Record<string, unknown>>): Issue[] {
  const issues: Issue[] = [];
  for (const key of Object.keys(inspection)) {
    if ((INSPECTION_KEYS as readonly string[]).includes(key)) continue;
    const near = didYouMean(key, INSPECTION_KEYS);
    issues.push(
      issue(
        'UNKNOWN_KEY',
        `/${escape(key)}`,
        `检查记录不能包含 ${quoteInput(key)}${near ? `（是不是 "${near}"？）` : ''}`,
        `an inspection cannot carry ${quoteInput(key)}${near ? ` (did you mean "${near}"?)` : ''}`,
        { 'zh-CN': `允许的字段：${INSPECTION_KEYS.join('、')}；等级、期限等由检查表判定`, en: `allowed keys: ${INSPECTION_KEYS.join(', ')}; levels and deadlines come from the pack` },
      ),
    );
  }
  const subject = inspection.subject;
  if (subject !== undefined) {
    if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) {
      issues.push(issue('WRONG_TYPE', '/subject', 'subject 应为对象（name、address、area…）', 'subject must be a mapping (name, address, area…)'));
    } else {
      for (const key of Object.keys(subject)) {
        if ((SUBJECT_KEYS as readonly string[]).includes(key)) continue;
        const near = didYouMean(key, SUBJECT_KEYS);
        issues.push(
          issue(
            'UNKNOWN_KEY',
            `/subject/${escape(key)}`,
            `subject 不能包含 ${quoteInput(key)}${near ? `（是不是 "${near}"？）` : ''}`,
            `subject cannot carry ${quoteInput(key)}${near ? ` (did you mean "${near}"?)` : ''}`,
            { 'zh-CN': `允许的字段：${SUBJECT_KEYS.join('、')}`, en: `allowed keys: ${SUBJECT_KEYS.join(', ')}` },
          ),
        );
      }
    }
  }
  const source = inspection.source;
  if (source !== undefined && !(typeof source === 'string' && (FINDING_SOURCES as readonly string[]).includes(source))) {
    const near = typeof source === 'string' ? didYouMean(source, FINDING_SOURCES) : undefined;
    issues.push(
      issue(
        'UNKNOWN_SOURCE',
        '/source',
        `来源 ${typeof source === 'string' ? quoteInput(source) : cutInput(JSON.stringify(source) ?? String(source))} 无效${near ? `（是不是 "${near}"？）` : ''}`,
        `invalid source ${typeof source === 'string' ? quoteInput(source) : cutInput(JSON.stringify(source) ?? String(source))}${near ? ` (did you mean "${near}"?)` : ''}`,
        {
          'zh-CN': `可选：${FINDING_SOURCES.map((s) => `${s}（${FINDING_SOURCE_LABELS[s]['zh-CN']}）`).join('、')}`,
          en: `one of: ${FINDING_SOURCES.map((s) => `${s} (${FINDING_SOURCE_LABELS[s].en})`).join(', ')}`,
        },
      ),
    );
  }
  issues.push(...checkPremises(pack, inspection.premises));
  return issues;
}

/**
 * The premises check alone: `premises` must name a premises kind the pack declares.
 * Missing → `PREMISES_MISSING`, anything else → `UNKNOWN_PREMISES` (with "did you mean"),
 * both errors pointing at `/premises`.
 */
export function checkPremises(pack: Pick<Pack, 'premises'>, premises: unknown): Issue[] {
  const known = pack.premises.map((p) => p.id);
  const list = { zh: known.map((id) => `${id}（${pack.premises.find((p) => p.id === id)!.label['zh-CN']}）`).join('、'), en: known.join(', ') };
  const hint: Bilingual = { 'zh-CN': `填写 premises: 其中之一：${list.zh}`, en: `add premises: one of ${list.en}` };
  if (premises === undefined || premises === null || premises === '') {
    return [
      issue(
        'PREMISES_MISSING',
        '/premises',
        '未填写场所类型 premises：不能判定哪些检查项适用，检查记录不予判定',
        'premises is missing: which items apply cannot be decided, so the inspection is not classified',
        hint,
      ),
    ];
  }
  if (typeof premises === 'string' && known.includes(premises)) return [];
  const near = typeof premises === 'string' ? didYouMean(premises, known) : undefined;
  return [
    issue(
      'UNKNOWN_PREMISES',
      '/premises',
      `检查表没有场所类型 ${typeof premises === 'string' ? quoteInput(premises) : cutInput(JSON.stringify(premises) ?? String(premises))}${near ? `（是不是 "${near}"？）` : ''}`,
      `the pack has no premises kind ${typeof premises === 'string' ? quoteInput(premises) : cutInput(JSON.stringify(premises) ?? String(premises))}${near ? ` (did you mean "${near}"?)` : ''}`,
      hint,
    ),
  ];
}
