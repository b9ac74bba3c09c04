import { CONDITION_LIMITS, FORBIDDEN_KEYS, SAFE_PATH } from './operator-catalogue.js';

/** A compiled `path`: own-property names to follow from the fact's value. */
export type PathSteps = readonly string[];

/**
 * Compile a `path` in the safe grammar (`$`, `.name`, `[index]`) into property steps.
 * Returns a reason (bilingual) instead of steps when the path is not acceptable: not a
 * string, too long, outside {@link SAFE_PATH} (JSONPath filters, scripts, wildcards,
 * recursion) or naming a {@link FORBIDDEN_KEYS} property.
 *
 * @example
 * ```ts
 * compileSafePath('$.a.b[0]'); // { steps: ['a', 'b', '0'] }
 * ```
 */
export function compileSafePath(path: unknown): { steps: PathSteps } | { reason: { 'zh-CN': string; en: string } } {
  if (typeof path !== 'string') return { reason: { 'zh-CN': 'path 必须是字符串', en: 'path must be a string' } };
  if (path.length > CONDITION_LIMITS.maxPathLength) {
    return {
      reason: {
        'zh-CN': `path 过长（${path.length} 个字符，上限 ${CONDITION_LIMITS.maxPathLength}）`,
        en: `path is too long (${path.length} characters, at most ${CONDITION_LIMITS.maxPathLength})`,
      },
    };
  }
  if (!SAFE_PATH.test(path)) {
    return {
      reason: {
        'zh-CN': `path "${path}" 不是安全的属性访问（只允许 $.a.b[0] 这种写法，不支持 JSONPath 过滤、通配或脚本）`,
        en: `path "${path}" is not a safe property access (only $.a.b[0] style; no JSONPath filters, wildcards or scripts)`,
      },
    };
  }
  const steps: string[] = [];
  const token = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,6})\]/g;
  for (let m = token.exec(path); m !== null; m = token.exec(path)) {
    const key = m[1] ?? String(Number(m[2]));
    if (FORBIDDEN_KEYS.has(key)) {
      return {
        reason: { 'zh-CN': `path 不得访问属性 "${key}"`, en: `path may not touch the property "${key}"` },
      };
    }
    steps.push(key);
  }
  return { steps: Object.freeze(steps) };
}

/**
 * Follow compiled path steps through own properties only. Anything that is not an own
 * property of an object (or array) on the way gives `undefined`; nothing is called except
 * plain property reads.
 */
export function readPath(value: unknown, steps: PathSteps): unknown {
  let current = value;
  for (const key of steps) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
