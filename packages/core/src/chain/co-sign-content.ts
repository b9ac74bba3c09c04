import { quoteInput } from '../pack/quote-input.js';
import { canonicalJson } from './canonical-json.js';
import type { CommandIssue } from './command-issue.js';
import { sha256Hex } from './hash-event.js';
import { parseCommand } from './parse-command.js';
import type { ChainCommand, HazardState } from './types.js';

/**
 * The fields of an act's command that its co-sign code binds (decision 010, update): what the
 * second officer confirms he decides together with the first — the legal basis, the measure
 * and the fine of a penalty (`penalty`: `article`, `kind`, `fineAmount`), the scope of a stop
 * order, the level of a (re)classification, the domain and level of an observation. He gives
 * them when he generates the code, and a command with other values is refused. Free prose
 * (reasons, notes) and evidence are not bound: the law asks the second officer to decide the
 * act with the first, not to retype his wording. Acts not listed bind no field of their own.
 */
export const CO_SIGN_CONTENT_FIELDS: Readonly<Partial<Record<ChainCommand['type'], readonly string[]>>> = Object.freeze({
  notify_penalty: Object.freeze(['penalty']),
  decide_penalty: Object.freeze(['penalty']),
  order_stop_work: Object.freeze(['scope']),
  reclassify: Object.freeze(['level']),
  confirm_level: Object.freeze(['level']),
  report_observation: Object.freeze(['domain', 'level']),
});

/** The fields the co-sign code of `act` binds (see {@link CO_SIGN_CONTENT_FIELDS}); empty when none. */
export function coSignContentFields(act: string): readonly string[] {
  return CO_SIGN_CONTENT_FIELDS[act as ChainCommand['type']] ?? [];
}

/**
 * What the system holds about a hazard when an act on it is co-signed — the case's facts: its
 * enterprise, title, level (and whether it is a suggestion), domain, the pack (and version)
 * that classified it (the basis its rule cites) and the evidence it was reported with. A code
 * for any act on a hazard binds them, so a code given for one set of facts does not confirm
 * an act after they changed (a reclassification in between).
 */
export function coSignFacts(state: HazardState): Record<string, unknown> {
  return {
    enterpriseId: state.enterpriseId,
    title: state.title,
    level: state.level,
    provisional: state.provisional,
    domain: state.domain,
    pack: { id: state.pack.id, version: state.pack.version },
    evidence: state.reportEvidence.map((e) => e.id),
  };
}

/**
 * The content a co-sign code binds: the act's {@link CO_SIGN_CONTENT_FIELDS} taken from
 * `fields` (a command, or what the second officer confirms), and for an act on a hazard its
 * {@link coSignFacts}. Plain JSON; `undefined` fields are left out.
 */
export function coSignContentOf(act: string, fields: Readonly<Record<string, unknown>>, state: HazardState | null): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const f of coSignContentFields(act)) if (fields[f] !== undefined) content[f] = fields[f];
  if (state !== null) content.facts = coSignFacts(state);
  return content;
}

/** Lower-case hex SHA-256 of the content's canonical JSON (`canonicalJson`, the chain's one writer). */
export function coSignContentDigest(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The JSON pointer of the first place (keys sorted) where `bound` and `submitted` differ, or null when they are the same. */
export function coSignContentDifference(bound: unknown, submitted: unknown, at = ''): string | null {
  if (canonicalJson(bound ?? null) === canonicalJson(submitted ?? null)) return null;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(bound) && isObject(submitted)) {
    for (const key of [...new Set([...Object.keys(bound), ...Object.keys(submitted)])].sort()) {
      const found = coSignContentDifference(bound[key], submitted[key], `${at}/${escapePointer(key)}`);
      if (found !== null) return found;
    }
  }
  if (Array.isArray(bound) && Array.isArray(submitted) && bound.length === submitted.length) {
    for (let i = 0; i < bound.length; i++) {
      const found = coSignContentDifference(bound[i], submitted[i], `${at}/${i}`);
      if (found !== null) return found;
    }
  }
  return at;
}

/**
 * Checks the content a second officer confirms for `act`: exactly the act's bound fields
 * (every one required, no other key), each in the shape the command itself must have
 * (`parseCommand`'s checks). Issues point into the request (`/content/...`).
 */
export function coSignContentIssues(act: string, content: unknown): CommandIssue[] {
  const fields = coSignContentFields(act);
  const issue = (code: CommandIssue['code'], pointer: string, zh: string, en: string): CommandIssue => ({ code, pointer, message: { 'zh-CN': zh, en } });
  if (content === undefined && fields.length === 0) return [];
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return [issue('NOT_AN_OBJECT', '/content', `确认内容应为对象，含 ${fields.join('、') || '（无字段）'}`, `the content is an object holding ${fields.join(', ') || 'no field'}`)];
  }
  const given = content as Record<string, unknown>;
  const issues: CommandIssue[] = [];
  for (const key of Object.keys(given)) {
    if (!fields.includes(key)) {
      issues.push(
        issue(
          'UNKNOWN_KEY',
          `/content/${escapePointer(key)}`,
          `${act} 的确认码不绑定 ${quoteInput(key)}：只含 ${fields.join('、') || '（无字段）'}`,
          `a code for ${act} binds no ${quoteInput(key)}: only ${fields.join(', ') || 'no field'}`,
        ),
      );
    }
  }
  for (const f of fields) {
    if (given[f] === undefined) issues.push(issue('REQUIRED', `/content/${f}`, `请确认 ${f}：第二名执法人员确认的内容`, `confirm ${f}: what the second officer co-signs`));
  }
  if (issues.length > 0 || fields.length === 0) return issues;
  const parsed = parseCommand({ type: act, ...given }, { hazardId: 'co-sign', commandId: 'co-sign' });
  if (parsed.ok) return [];
  return parsed.issues.filter((i) => fields.some((f) => i.pointer === `/${f}` || i.pointer.startsWith(`/${f}/`))).map((i) => ({ ...i, pointer: `/content${i.pointer}` }));
}
