import type { ActorProfile } from '../ports/directory.js';
import type { CoSignCodeRecord } from '../ports/co-sign-code-store.js';
import { bytesToHexLower, sha256Hex } from './hash-event.js';
import { ID_PATTERN } from './command-shape.js';
import type { ChainDeps } from './handle-command.js';
import { reject } from './rejection-messages.js';
import { ENFORCEMENT_DOCUMENT_COMMANDS, hasJurisdiction, TWO_OFFICER_COMMANDS } from './separation-of-duties.js';
import { areaCovers } from './authorize.js';
import { canonicalJson } from './canonical-json.js';
import { coSignContentDifference, coSignContentDigest, coSignContentIssues, coSignContentOf } from './co-sign-content.js';
import { evolveOwned } from './evolve.js';
import type { ChainCommand, HazardState, Rejection } from './types.js';

/**
 * How co-sign codes behave: `ttlMs` how long a code is accepted (5 minutes), `digits` its
 * length (8), at most `maxAttempts` attempts by one officer to use codes within `windowMs`
 * (5 in 15 minutes; successful uses are not counted), and at most `maxLiveCodes` codes one
 * officer holds unused and unexpired at once (10: generating one more is refused until one is
 * used or expires; generating again for the same hazard and act replaces that code).
 */
export const CO_SIGN_POLICY = Object.freeze({ ttlMs: 5 * 60_000, digits: 8, maxAttempts: 5, windowMs: 15 * 60_000, maxLiveCodes: 10 });

/**
 * The acts a co-sign code can confirm: the two-officer acts, and the acts that record a second
 * officer when an enforcement officer performs them (they issue documents that carry two).
 */
export const CO_SIGN_ACTS: readonly ChainCommand['type'][] = Object.freeze([...TWO_OFFICER_COMMANDS, 'accept', 'close', 'reclassify', 'confirm_level', ...ENFORCEMENT_DOCUMENT_COMMANDS]);

/** What a code is bound to: a hazard, or — for an inspection's or an observation's report, before the hazard exists — the enterprise inspected. */
export type CoSignSubject = { hazardId: string } | { enterpriseId: string };

/** A code just generated, to show its officer once: the code itself is kept only as a salted hash. */
export interface IssuedCoSignCode {
  code: string;
  act: ChainCommand['type'];
  subject: CoSignSubject;
  expiresAt: string;
  /** What he co-signs with it, as the server bound it (`coSignContentOf`): show it to him beside the code. */
  content: Record<string, unknown>;
}

const subjectKey = (s: CoSignSubject): string => ('hazardId' in s ? `hazard:${s.hazardId}` : `enterprise:${s.enterpriseId}`);
const attemptKey = (actorId: string): string => `co-sign\n${actorId}`;

function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return bytesToHexLower(b);
}

/** Uniform decimal digits from the platform's CSPRNG (rejection sampling: no modulo bias). */
function randomDigits(n: number): string {
  let out = '';
  const b = new Uint8Array(1);
  while (out.length < n) {
    globalThis.crypto.getRandomValues(b);
    if ((b[0] as number) < 250) out += String((b[0] as number) % 10);
  }
  return out;
}

const hashOf = (salt: string, code: string): string => sha256Hex(`${salt}:${code}`);

/** The code as typed: digits, spaces and hyphens allowed between them (`1234 5678`). */
function normalize(code: string): string | null {
  const digits = code.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CO_SIGN_POLICY.digits}}$`).test(digits) ? digits : null;
}

/**
 * Why an officer holding {@link CO_SIGN_POLICY}`.maxLiveCodes` live codes gets no other: when the
 * earliest lapses (China time, and in seconds from now), and what frees a place sooner.
 */
function heldCodesMessage(freesAt: string, now: Date): { 'zh-CN': string; en: string } {
  const max = CO_SIGN_POLICY.maxLiveCodes;
  const ms = Date.parse(freesAt);
  const clock = new Date(ms + 8 * 3_600_000).toISOString().slice(11, 19);
  const seconds = Math.max(1, Math.ceil((ms - now.getTime()) / 1000));
  return {
    'zh-CN': `确认码过多：你已有 ${max} 个未使用、未过期的确认码：最早的一个于北京时间 ${clock}（约 ${seconds} 秒后，${freesAt}）失效，届时或同事使用其中一个后即可再生成；为同一隐患和同一行为重新生成会替换原确认码，不受此限`,
    en: `too many co-sign codes: you hold ${max} unused co-sign codes that have not expired: the earliest lapses at ${clock} China time (in about ${seconds} s, ${freesAt}); you can generate another then, or as soon as a colleague uses one. Generating again for the same hazard and act replaces that code and is not limited`,
  };
}

function hasCertificate(p: ActorProfile): boolean {
  return typeof p.certificateNo === 'string' && p.certificateNo.trim() !== '';
}

/**
 * The second officer of a two-officer act generates a co-sign code **in his own session**:
 * bound to the hazard (or, for a report, the enterprise) and the act, single use, accepted
 * for {@link CO_SIGN_POLICY}`.ttlMs`. He tells it to the first officer, who submits the act
 * with it (`handleCommand`'s `coSignCode`); the server then knows who co-signed from the
 * code, and the request never names him. Generating again withdraws his earlier code for the
 * same hazard and act. An officer holds at most {@link CO_SIGN_POLICY}`.maxLiveCodes` live codes:
 * one more (for another hazard or act) is `CO_SIGN_CODE_LIMITED` (HTTP 429), nothing kept, saying
 * when the earliest lapses — never silently replacing a code he may already have read out.
 *
 * Refused (nothing kept) unless `actorId` is an enforcement officer with a certificate number
 * (执法证号) and jurisdiction over the hazard (or an area covering the enterprise's), `act` is
 * one of {@link CO_SIGN_ACTS}, the hazard or enterprise exists and `deps.coSignCodes` is set
 * (fail closed). The code is returned once; only its salted SHA-256 is stored.
 *
 * The code binds the act's content (decision 010, update): `request.content` holds the fields
 * the act binds (`CO_SIGN_CONTENT_FIELDS`: a penalty's article, kind and fine, a stop order's
 * scope, a level) as the second officer confirms them — required, and checked as the command
 * checks them — and for an act on a hazard the server adds the hazard's facts as it holds them.
 * The digest of that content is stored with the code; the content comes back in `issued` for
 * his page to show.
 */
export async function issueCoSignCode(
  deps: Pick<ChainDeps, 'store' | 'clock' | 'directory' | 'coSignCodes'>,
  actorId: string,
  request: { act: string; subject: CoSignSubject; content?: unknown },
): Promise<{ ok: true; issued: IssuedCoSignCode } | { ok: false; rejection: Rejection }> {
  const fail = (r: { rejection: Rejection }) => ({ ok: false as const, rejection: r.rejection });
  if (!deps.coSignCodes) {
    return fail(
      reject('CO_SIGN_CODE_INVALID', {
        'zh-CN': '本服务未配置确认码存储（ChainDeps.coSignCodes），不能生成确认码',
        en: 'this service keeps no co-sign codes (ChainDeps.coSignCodes): none can be generated',
      }),
    );
  }
  const act = request.act as ChainCommand['type'];
  if (!CO_SIGN_ACTS.includes(act)) {
    return fail({
      rejection: {
        ...reject('INVALID_COMMAND', {
          'zh-CN': `确认码不能用于 ${String(request.act).slice(0, 64)}：可选 ${CO_SIGN_ACTS.join('、')}`,
          en: `a co-sign code cannot confirm ${String(request.act).slice(0, 64)}: one of ${CO_SIGN_ACTS.join(', ')}`,
        }).rejection,
        pointer: '/act',
      },
    });
  }
  const { subject } = request;
  const id = 'hazardId' in subject ? subject.hazardId : subject.enterpriseId;
  if (typeof id !== 'string' || !ID_PATTERN.test(id))
    return fail({ rejection: { ...reject('INVALID_COMMAND', { 'zh-CN': '编号格式无效', en: 'invalid id' }).rejection, pointer: 'hazardId' in subject ? '/hazardId' : '/enterpriseId' } });
  const forReport = act === 'report' || act === 'report_observation';
  if (forReport !== 'enterpriseId' in subject) {
    return fail(
      reject('INVALID_COMMAND', {
        'zh-CN': '上报（report、report_observation）的确认码绑定被检查企业（enterpriseId），其他行为的确认码绑定隐患（hazardId）',
        en: 'a code for a report (report, report_observation) is bound to the inspected enterprise (enterpriseId), a code for any other act to the hazard (hazardId)',
      }),
    );
  }
  const contentIssue = coSignContentIssues(act, request.content)[0];
  if (contentIssue) return fail({ rejection: { ...reject('INVALID_COMMAND', contentIssue.message).rejection, pointer: contentIssue.pointer } });
  const officer = await deps.directory.resolve(actorId);
  if (!officer || officer.id !== actorId) return fail(reject('UNKNOWN_ACTOR'));
  let covered: boolean;
  let state: HazardState | null = null;
  if ('hazardId' in subject) {
    const events = await deps.store.load(subject.hazardId);
    if (!events || events.length === 0) return fail(reject('HAZARD_NOT_FOUND'));
    for (const event of events) state = evolveOwned(state, event);
    covered = state !== null && hasJurisdiction(officer, state);
  } else {
    const enterprise = await deps.directory.enterprise(subject.enterpriseId);
    if (!enterprise) return fail(reject('INVALID_COMMAND', { 'zh-CN': `未登记的企业 ${subject.enterpriseId}`, en: `enterprise ${subject.enterpriseId} is not registered` }));
    covered = officer.roles.includes('enforcement') && (officer.departments ?? []).some((d) => d.areas.some((a) => areaCovers(a, enterprise.area)));
  }
  if (!covered || !hasCertificate(officer)) {
    return fail(
      reject('FORBIDDEN', {
        'zh-CN': '只有对该隐患（企业）有管辖权、持执法证号的执法人员可以生成确认码',
        en: 'only an enforcement officer with a certificate number and jurisdiction over the hazard (enterprise) generates a co-sign code',
      }),
    );
  }
  const now = deps.clock.now();
  const content = coSignContentOf(act, (request.content ?? {}) as Record<string, unknown>, state);
  const contentJson = canonicalJson(content);
  const code = randomDigits(CO_SIGN_POLICY.digits);
  const salt = randomHex(16);
  const record: CoSignCodeRecord = {
    id: randomHex(12),
    officerId: officer.id,
    subject: subjectKey(subject),
    act,
    salt,
    hash: hashOf(salt, code),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CO_SIGN_POLICY.ttlMs).toISOString(),
    usedAt: null,
    content: contentJson,
    contentDigest: coSignContentDigest(content),
  };
  const stored = await deps.coSignCodes.issue(record, CO_SIGN_POLICY.maxLiveCodes);
  // Its own message: the default one of CO_SIGN_CODE_LIMITED speaks of attempts to use codes.
  if (stored.kind === 'limited') return { ok: false, rejection: { code: 'CO_SIGN_CODE_LIMITED', message: heldCodesMessage(stored.freesAt, now) } };
  return { ok: true, issued: { code, act, subject, expiresAt: record.expiresAt, content: JSON.parse(contentJson) as Record<string, unknown> } };
}

/** A code that matched: who gave it, and how to use it up (`consume`, once the act is accepted; false when used meanwhile). */
export interface RedeemedCoSignCode {
  officerId: string;
  /**
   * Null when `content` (the act's `coSignContentOf`, from the command submitted and the
   * hazard as it is now) is what the second officer co-signed; otherwise `CO_SIGN_CONTENT_MISMATCH`
   * naming the first field that differs. The code is kept and the attempt stays counted.
   */
  checkContent(content: Record<string, unknown>): Rejection | null;
  consume(): Promise<boolean>;
  /** Un-counts the attempt (after a successful act). */
  forget(): Promise<void>;
}

const INVALID_CODE = {
  'zh-CN': '确认码不正确、已使用、已过期，或不是为此隐患（企业）和此行为生成的：请第二名执法人员在本人账号中为此行为重新生成确认码',
  en: 'the co-sign code is wrong, used, expired, or was not given for this hazard (enterprise) and this act: ask the second officer to generate a new one for this act in his own session',
};

/**
 * Checks a co-sign code `actorId` (the first officer) submits with an act on `subject`: counts
 * the attempt first (more than {@link CO_SIGN_POLICY}`.maxAttempts` within its window:
 * `CO_SIGN_CODE_LIMITED`, the code is not even looked at), then looks for a live code of this
 * subject and act whose hash matches. The officer who generated it is the second officer; a
 * code the actor generated himself is refused. The code is not used up here: the caller
 * `consume`s it when the act is accepted, so an act refused for another reason keeps it.
 */
export async function redeemCoSignCode(
  deps: Pick<ChainDeps, 'clock' | 'coSignCodes'>,
  actorId: string,
  request: { act: string; subject: CoSignSubject; code: string },
): Promise<{ ok: true; redeemed: RedeemedCoSignCode } | { ok: false; rejection: Rejection }> {
  const store = deps.coSignCodes;
  if (!store) {
    return {
      ok: false,
      rejection: reject('CO_SIGN_CODE_INVALID', {
        'zh-CN': '本服务未配置确认码存储（ChainDeps.coSignCodes），不接受确认码',
        en: 'this service keeps no co-sign codes (ChainDeps.coSignCodes): a code is refused',
      }).rejection,
    };
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const key = attemptKey(actorId);
  const count = await store.countAttempt(key, at, CO_SIGN_POLICY.windowMs);
  if (count > CO_SIGN_POLICY.maxAttempts) {
    const minutes = Math.round(CO_SIGN_POLICY.windowMs / 60_000);
    return {
      ok: false,
      rejection: reject('CO_SIGN_CODE_LIMITED', {
        'zh-CN': `${minutes} 分钟内确认码尝试次数已超过 ${CO_SIGN_POLICY.maxAttempts} 次，请稍后再试，并核对第二名执法人员给出的确认码`,
        en: `more than ${CO_SIGN_POLICY.maxAttempts} co-sign code attempts within ${minutes} minutes: wait, then check the code with the second officer`,
      }).rejection,
    };
  }
  const code = typeof request.code === 'string' ? normalize(request.code) : null;
  const live = code === null ? [] : await store.live(subjectKey(request.subject), request.act, at);
  const match = code === null ? undefined : live.find((r) => r.hash === hashOf(r.salt, code));
  if (!match) return { ok: false, rejection: reject('CO_SIGN_CODE_INVALID', INVALID_CODE).rejection };
  if (match.officerId === actorId) {
    return {
      ok: false,
      rejection: reject('CO_SIGN_CODE_INVALID', {
        'zh-CN': '这是你本人生成的确认码：确认码由第二名执法人员在其本人账号中生成',
        en: 'this co-sign code is your own: the second officer generates it in his own session',
      }).rejection,
    };
  }
  return {
    ok: true,
    redeemed: {
      officerId: match.officerId,
      checkContent: (content) => contentMismatch(match, content),
      consume: () => store.consume(match.id, deps.clock.now().toISOString()),
      forget: () => store.forgetAttempt(key, at),
    },
  };
}

/** The subject a command's code is bound to: its hazard, or for a report (an inspection's, an observation's) the enterprise it names. */
export function coSignSubjectOf(command: ChainCommand): CoSignSubject {
  return command.type === 'report_observation' || command.type === 'report' ? { enterpriseId: String(command.enterpriseId) } : { hazardId: command.hazardId };
}

function contentMismatch(record: CoSignCodeRecord, content: Record<string, unknown>): Rejection | null {
  if (record.contentDigest !== '' && coSignContentDigest(content) === record.contentDigest) return null;
  let bound: unknown;
  try {
    bound = record.content === '' ? null : JSON.parse(record.content);
  } catch {
    bound = null;
  }
  const pointer = (bound === null ? null : coSignContentDifference(bound, content)) ?? '';
  const facts = pointer.startsWith('/facts');
  const where = pointer === '' ? { zh: '（该确认码未绑定内容）', en: '(the code binds no content)' } : { zh: pointer, en: pointer };
  const rejection = reject(
    'CO_SIGN_CONTENT_MISMATCH',
    facts
      ? {
          'zh-CN': `第二名执法人员生成确认码后，系统中的隐患事实已改变（${where.zh}）：请第二名执法人员核对后重新生成确认码`,
          en: `the hazard's facts changed after the second officer generated the code (${where.en}): ask him to check them and generate a new one`,
        }
      : {
          'zh-CN': `${where.zh} 与第二名执法人员确认的不同：请按其确认的内容提交，或请其确认新内容后重新生成确认码`,
          en: `${where.en} is not what the second officer co-signed: submit what he confirmed, or ask him to confirm the new content and generate a new code`,
        },
  ).rejection;
  return facts || pointer === '' ? rejection : { ...rejection, pointer };
}
