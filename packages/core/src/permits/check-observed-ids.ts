import { permitRejection as reject } from './permit-rejection.js';
import type { PermitText } from './permit-rules.js';
import type { PermitRejection } from './permit-types.js';

/**
 * One fact an applicant may observe at a graded job (a hot-work situation or shut-down
 * condition, a height fall factor or situation): its id in the apply command, its clause of
 * GB 30871-2022 and its words.
 */
export interface ObservedFact {
  id: string;
  clause: string;
  label: PermitText;
}

/**
 * A refused field of a permit command, located by its JSON pointer into the command
 * (`INVALID_COMMAND`, 中文 + English).
 */
export function invalidPermitField(pointer: string, zh: string, en: string): PermitRejection {
  return { ...reject('INVALID_COMMAND', `命令字段 ${pointer} 无效：${zh}`, `Invalid command field ${pointer}: ${en}`), pointer };
}

/**
 * The ids of what an applicant observed (the situations, factors or conditions of a hot-work or
 * height observation), checked against the facts the rules know: a list, each id known and
 * listed once, in the order given; or a refusal located at `at` (the list is not one) or at
 * `at/i` (the i-th id is unknown or repeated).
 *
 * @example
 * ```ts
 * checkObservedIds(['pipe_rack'], '/hotWork/situations', HOT_WORK_SITUATIONS); // ['pipe_rack']
 * ```
 */
export function checkObservedIds(value: unknown, at: string, known: readonly { id: string }[]): PermitRejection | string[] {
  if (!Array.isArray(value)) return invalidPermitField(at, '须为所观察到情形的编号列表（没有则为空列表）', 'must list the ids of what was observed (an empty list when none)');
  const seen = new Set<string>();
  for (const [i, id] of value.entries()) {
    if (typeof id !== 'string' || !known.some((k) => k.id === id)) {
      return invalidPermitField(`${at}/${i}`, `未知情形，可选：${known.map((k) => k.id).join('、')}`, `unknown, one of: ${known.map((k) => k.id).join(', ')}`);
    }
    if (seen.has(id)) return invalidPermitField(`${at}/${i}`, `重复的 ${id}`, `${id} is listed twice`);
    seen.add(id);
  }
  return [...seen];
}
