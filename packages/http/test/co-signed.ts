import { coSignContentFields } from '@anjian/core/internal';

/**
 * Test helper: how a test that says "with officer X as second officer" (`coOfficerId` in the
 * body or the query, as requests once named him) is sent now. X generates a co-sign code in
 * his own session for the hazard (or, for a report, the enterprise) and the act; the request
 * goes without `coOfficerId` and with the code in `Co-Sign-Code`. An X who may not generate
 * one (no such officer, another district, no 执法证号, not an officer) gives none, so the act
 * goes without a second officer (no made-up code: that would count against the sender's attempts). A test that sets `Co-Sign-Code` itself sends the
 * request as written (an empty value: no code at all).
 */
export async function coSigned(
  path: string,
  body: unknown,
  headers: Headers,
  issue: (officer: string, path: string, body: { act: string; content?: Record<string, unknown> }) => Promise<{ status: number; body: unknown }>,
): Promise<{ path: string; body: unknown }> {
  const object = typeof body === 'object' && body !== null && !(body instanceof Uint8Array) ? (body as Record<string, unknown>) : null;
  const query = path.includes('?') ? new URLSearchParams(path.slice(path.indexOf('?') + 1)) : null;
  const named = typeof object?.coOfficerId === 'string' ? object.coOfficerId : (query?.get('coOfficerId') ?? null);
  // A test that sets Co-Sign-Code itself sends the request as written.
  if (named === null || headers.has('co-sign-code')) return { path, body };
  let sendBody: unknown = body;
  if (object && 'coOfficerId' in object) {
    const { coOfficerId: _named, ...rest } = object;
    sendBody = rest;
  }
  let sendPath = path;
  if (query?.has('coOfficerId')) {
    query.delete('coOfficerId');
    const rest = query.toString();
    sendPath = path.slice(0, path.indexOf('?')) + (rest === '' ? '' : `?${rest}`);
  }
  const command = sendPath.match(/^(.*)\/hazards\/([^/?]+)\/commands/);
  const inspection = sendPath.match(/^(.*)\/inspections\b/);
  let issuePath: string | null = null;
  let act = 'report';
  if (command) {
    act = String(object?.type);
    issuePath = act === 'report_observation' ? `${command[1]}/enterprises/${String(object?.enterpriseId)}/co-sign-codes` : `${command[1]}/hazards/${command[2]}/co-sign-codes`;
  } else if (inspection) {
    const subject = (object?.subject ?? {}) as { enterpriseId?: unknown; id?: unknown };
    issuePath = `${inspection[1]}/enterprises/${String(subject.enterpriseId ?? subject.id)}/co-sign-codes`;
  }
  if (issuePath === null) return { path: sendPath, body: sendBody };
  // X confirms what the act binds (decision 010, update): the body's bound fields, as he is shown them.
  const fields = coSignContentFields(act);
  const content = Object.fromEntries(fields.filter((f) => object?.[f] !== undefined).map((f) => [f, object?.[f]]));
  const issued = await issue(named, issuePath, fields.length === 0 ? { act } : { act, content });
  if (issued.status === 201) headers.set('co-sign-code', (issued.body as { code: string }).code);
  return { path: sendPath, body: sendBody };
}
