import type { Citation, Pack } from '../pack/types.js';
import type { ResolvedCitation } from './types.js';

/**
 * Resolve citations against the pack's regulations. Returns the index of the first
 * citation whose regulation is not declared instead, so the caller can point at it.
 */
export function resolveBasis(pack: Pick<Pack, 'regulations'>, basis: readonly Citation[]): ResolvedCitation[] | { unknown: number } {
  const resolved: ResolvedCitation[] = [];
  for (let i = 0; i < basis.length; i++) {
    const citation = basis[i]!;
    const regulation = pack.regulations.find((r) => r.id === citation.regulation);
    if (!regulation) return { unknown: i };
    const entry: ResolvedCitation = {
      ...citation,
      number: regulation.number,
      edition: regulation.edition,
      title: regulation.title,
      status: regulation.status,
      confidence: citation.confidence ?? regulation.confidence,
    };
    resolved.push(Object.freeze(entry));
  }
  return resolved;
}

/**
 * A level is provisional (疑似) when its rule says only people decide it (`confirmation:
 * collective`: a major fire hazard is determined by the fire authority's collective
 * discussion, never by a form), or when every citation it rests on is superseded or
 * unverified — including when it rests on no citation at all: the classifier then only
 * suggests the level and an enforcement officer confirms it. The one definition the
 * classifier, the as-of view (`classificationAsOf`, with the citations as of the inspection
 * day) and the pack READMEs read.
 *
 * @example
 * ```ts
 * const basis = resolveBasis(pack, [{ regulation: 'jcg-2023-4', clause: '第六条' }]) as ResolvedCitation[]; // current, verified
 * isProvisional(basis); // false
 * isProvisional(basis, { confirmation: 'collective' }); // true: people decide the level
 * ```
 */
export function isProvisional(basis: readonly ResolvedCitation[], rule: { readonly confirmation?: string | undefined } = {}): boolean {
  // any value fails closed: a level someone must confirm is never reported as decided
  if (rule.confirmation !== undefined) return true;
  return basis.every((c) => c.inForce === false || c.status === 'superseded' || c.confidence === 'unverified');
}
