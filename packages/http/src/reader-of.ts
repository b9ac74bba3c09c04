import type { ActorProfile } from '@anjian/core';
import { HttpProblem, type Bilingual } from './problem.js';
import type { RouteContext } from './types.js';

/**
 * What an actor the directory does not know is told, in both languages: who can fix it. The
 * session is valid (`authenticate` returned an id), so signing in again does not help.
 */
export const UNKNOWN_ACTOR_DETAIL: Bilingual = {
  'zh-CN': '未知或已停用的用户：目录中没有此用户，请联系管理员在用户目录中登记或恢复该账号',
  en: 'unknown or disabled actor: the directory does not know this user; ask an administrator to register or restore the account in the directory',
};

/** The problem codes every route that reads through {@link readerOf} answers besides its own (the document lists them per route). */
const READER_PROBLEM_CODES: Readonly<Record<number, readonly string[]>> = Object.freeze({ 403: Object.freeze(['UNKNOWN_ACTOR']) });

/**
 * The request's actor as the directory knows it, before a route reads anything: an actor the
 * directory does not know (or resolves to another id) is refused 403 `UNKNOWN_ACTOR` — fail
 * closed. Without this, a read computed the scopes of "no actor" as empty and answered 200 with
 * nothing, which looks like "nothing there" to an actor whose account the host lost. Every
 * authenticated read route calls it first, before any look-up, so the answer says nothing of
 * what exists.
 */
export async function readerOf(ctx: Pick<RouteContext, 'deps' | 'actorId'>): Promise<ActorProfile> {
  const actor = ctx.actorId === null ? null : await ctx.deps.directory.resolve(ctx.actorId);
  if (!actor || actor.id !== ctx.actorId) throw new HttpProblem(403, 'UNKNOWN_ACTOR', { 'zh-CN': '拒绝访问', en: 'Forbidden' }, UNKNOWN_ACTOR_DETAIL);
  return actor;
}

/**
 * {@link readerOf} for a route that acts (a command, `POST /inspections?report=true`): the same
 * 403 `UNKNOWN_ACTOR` and {@link UNKNOWN_ACTOR_DETAIL}, under the route's refusal title
 * (`title`) and with the command refusal's `reason` `UNKNOWN_ACTOR`.
 */
export async function actorOf(ctx: Pick<RouteContext, 'deps' | 'actorId'>, title: Bilingual): Promise<ActorProfile> {
  try {
    return await readerOf(ctx);
  } catch (error) {
    if (error instanceof HttpProblem && error.code === 'UNKNOWN_ACTOR') throw new HttpProblem(403, 'UNKNOWN_ACTOR', title, UNKNOWN_ACTOR_DETAIL, undefined, 'UNKNOWN_ACTOR');
    throw error;
  }
}

/** A route's problem codes with {@link READER_PROBLEM_CODES} merged in (each code once). */
export function withReaderCodes(codes: Readonly<Record<number, readonly string[]>> = {}): Readonly<Record<number, readonly string[]>> {
  const out: Record<number, readonly string[]> = { ...codes };
  for (const [status, extra] of Object.entries(READER_PROBLEM_CODES)) out[Number(status)] = [...new Set([...(codes[Number(status)] ?? []), ...extra])];
  return out;
}
