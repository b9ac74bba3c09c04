import { CONDITION_LIMITS } from '../rules/operator-catalogue.js';
import { pointerJoin } from './create-issue.js';
import type { Reporter, SemanticContext } from './semantic-context.js';

type Node = Record<string, unknown>;

/** A condition tree somewhere in the pack. */
interface Root {
  node: unknown;
  file: string;
  pointer: string;
  /** Set for named conditions. */
  name?: string;
  /** Whose condition it is, for messages ("hazard rule GAS-003-H1"). */
  owner: { zh: string; en: string };
}

interface Reference {
  target: string;
  file: string;
  pointer: string;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Children of a composite condition with their pointer segments. */
function children(node: Node): { child: unknown; segments: (string | number)[] }[] {
  const out: { child: unknown; segments: (string | number)[] }[] = [];
  for (const key of ['all', 'any', 'of'] as const) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((child, i) => out.push({ child, segments: [key, i] }));
  }
  if (node.not !== undefined) out.push({ child: node.not, segments: ['not'] });
  return out;
}

const isComposite = (node: Node) => 'all' in node || 'any' in node || 'not' in node || 'of' in node || 'atLeast' in node;

/**
 * Check the structure of every condition of the pack: references to named conditions
 * (exist, no cycles — iterative DFS), `atLeast ≤ |of|`, and depth and leaf caps after
 * resolving references (docs/security.md T3), reported where an author looks for them.
 * Iterative throughout. Leaves are checked by the compiler (`check-compiles.ts`).
 *
 * @internal
 */
export function checkConditions(ctx: SemanticContext): void {
  const { index } = ctx;
  const roots: Root[] = [];
  for (const c of index.conditions) {
    roots.push({ node: c.value, file: c.file, pointer: c.pointer, name: c.name, owner: { zh: `命名条件“${c.name}”`, en: `named condition "${c.name}"` } });
  }
  for (const f of index.facts) {
    if (f.value.when === undefined) continue;
    roots.push({ node: f.value.when, file: f.file, pointer: f.pointer + '/when', owner: { zh: `事实“${f.value.id}”的适用条件`, en: `the applicability of fact "${f.value.id}"` } });
  }
  for (const it of index.items) {
    if (it.value.when === undefined) continue;
    roots.push({ node: it.value.when, file: it.file, pointer: it.pointer + '/when', owner: { zh: `检查项“${it.value.id}”的适用条件`, en: `the applicability of item "${it.value.id}"` } });
  }
  for (const r of index.rules) {
    roots.push({ node: r.value.when, file: r.file, pointer: r.pointer + '/when', owner: { zh: `隐患规则“${r.value.id}”`, en: `hazard rule "${r.value.id}"` } });
  }

  const named = new Map<string, Root>();
  for (const r of roots) if (r.name !== undefined && !named.has(r.name)) named.set(r.name, r);
  const refsOf = new Map<Root, Reference[]>();

  // 1. Walk every tree once: leaves, atLeast, references.
  for (const root of roots) {
    const report: Reporter = (code, at, message, extra) => ctx.report(code, at, { 'zh-CN': `${root.owner.zh}：${message['zh-CN']}`, en: `in ${root.owner.en}: ${message.en}` }, extra);
    const refs: Reference[] = [];
    const stack: { node: unknown; pointer: string }[] = [{ node: root.node, pointer: root.pointer }];
    while (stack.length > 0) {
      const { node, pointer } = stack.pop()!;
      if (!isNode(node)) continue;
      if (isComposite(node)) {
        if (typeof node.atLeast === 'number' && Array.isArray(node.of) && node.atLeast > node.of.length) {
          report(
            'AT_LEAST_TOO_LARGE',
            { file: root.file, pointer: pointer + '/atLeast' },
            {
              'zh-CN': `atLeast 为 ${node.atLeast}，但 of 只列出 ${node.of.length} 项，条件永远不会成立。`,
              en: `atLeast is ${node.atLeast} but of lists only ${node.of.length} entries, so the condition can never hold.`,
            },
          );
        }
        const kids = children(node);
        for (let i = kids.length - 1; i >= 0; i--) {
          const k = kids[i]!;
          stack.push({ node: k.child, pointer: pointerJoin(pointer, ...k.segments) });
        }
      } else if (typeof node.condition === 'string') {
        const target = node.condition;
        if (!named.has(target)) {
          report(
            'UNKNOWN_CONDITION',
            { file: root.file, pointer: pointer + '/condition' },
            {
              'zh-CN': `引用了未定义的命名条件“${target}”。`,
              en: `refers to the named condition "${target}", which is not defined under conditions.`,
            },
            { hint: ctx.hint(target, named.keys()) },
          );
        } else refs.push({ target, file: root.file, pointer: pointer + '/condition' });
      }
      // leaves (facts, operators, values, paths, params) are the compiler's: see check-compiles.ts
    }
    refsOf.set(root, refs);
  }

  // 2. Cycles among named conditions: iterative DFS, colours white/grey/black.
  const colour = new Map<string, 'grey' | 'black'>();
  const order: string[] = []; // post-order: every name after the names it refers to
  const inCycle = new Set<string>();
  for (const start of named.keys()) {
    if (colour.has(start)) continue;
    const path: string[] = [start];
    const frames: { name: string; next: number }[] = [{ name: start, next: 0 }];
    colour.set(start, 'grey');
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const refs = refsOf.get(named.get(frame.name)!) ?? [];
      if (frame.next < refs.length) {
        const ref = refs[frame.next++]!;
        const state = colour.get(ref.target);
        if (state === 'grey') {
          const cycle = [...path.slice(path.indexOf(ref.target)), ref.target];
          cycle.forEach((n) => inCycle.add(n));
          ctx.report(
            'CONDITION_CYCLE',
            { file: ref.file, pointer: ref.pointer },
            {
              'zh-CN': `命名条件循环引用：${cycle.join(' → ')}。`,
              en: `named conditions refer to each other in a cycle: ${cycle.join(' → ')}.`,
            },
          );
        } else if (state === undefined) {
          colour.set(ref.target, 'grey');
          frames.push({ name: ref.target, next: 0 });
          path.push(ref.target);
        }
      } else {
        colour.set(frame.name, 'black');
        order.push(frame.name);
        frames.pop();
        path.pop();
      }
    }
  }

  // 3. Depth and leaves after resolving references (named first, in post-order).
  const measured = new Map<string, { depth: number; leaves: number }>();
  const measure = (root: Root) => {
    let depth = 0;
    let leaves = 0;
    const stack: { node: unknown; level: number }[] = [{ node: root.node, level: 1 }];
    while (stack.length > 0) {
      const { node, level } = stack.pop()!;
      if (!isNode(node)) continue;
      if (isComposite(node)) {
        depth = Math.max(depth, level);
        for (const k of children(node)) stack.push({ node: k.child, level: level + 1 });
      } else if (typeof node.condition === 'string') {
        const m = inCycle.has(node.condition) ? undefined : measured.get(node.condition);
        depth = Math.max(depth, level - 1 + (m?.depth ?? 1));
        leaves = Math.min(1e9, leaves + (m?.leaves ?? 0));
      } else {
        depth = Math.max(depth, level);
        leaves += 1;
      }
    }
    return { depth, leaves };
  };
  const check = (root: Root, m: { depth: number; leaves: number }) => {
    const report: Reporter = (code, at, message, extra) => ctx.report(code, at, { 'zh-CN': `${root.owner.zh}：${message['zh-CN']}`, en: `in ${root.owner.en}: ${message.en}` }, extra);
    if (m.depth > CONDITION_LIMITS.maxDepth) {
      report(
        'CONDITION_TOO_DEEP',
        { file: root.file, pointer: root.pointer, key: root.name !== undefined },
        {
          'zh-CN': `条件展开命名条件后嵌套 ${m.depth} 层，超过上限 ${CONDITION_LIMITS.maxDepth} 层。`,
          en: `the condition is nested ${m.depth} levels deep once named conditions are expanded; the limit is ${CONDITION_LIMITS.maxDepth}.`,
        },
      );
    }
    if (m.leaves > CONDITION_LIMITS.maxLeaves) {
      report(
        'CONDITION_TOO_LARGE',
        { file: root.file, pointer: root.pointer, key: root.name !== undefined },
        {
          'zh-CN': `条件展开命名条件后有 ${m.leaves >= 1e9 ? '超过十亿' : m.leaves} 个比较项，超过上限 ${CONDITION_LIMITS.maxLeaves}。`,
          en: `the condition has ${m.leaves >= 1e9 ? 'over a billion' : m.leaves} comparisons once named conditions are expanded; the limit is ${CONDITION_LIMITS.maxLeaves}.`,
        },
      );
    }
  };
  const tooBig = new Set<string>();
  for (const name of order) {
    const root = named.get(name)!;
    const m = measure(root);
    measured.set(name, m);
    if (m.depth > CONDITION_LIMITS.maxDepth || m.leaves > CONDITION_LIMITS.maxLeaves) {
      const refsTooBig = (refsOf.get(root) ?? []).some((r) => tooBig.has(r.target));
      tooBig.add(name);
      // Report where the limit is first crossed, not again at every user.
      if (!refsTooBig) check(root, m);
    }
  }
  for (const root of roots) {
    if (root.name !== undefined) continue;
    if ((refsOf.get(root) ?? []).some((r) => tooBig.has(r.target))) continue;
    check(root, measure(root));
  }
}
