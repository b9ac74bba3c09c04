/**
 * What the attack tests share: a figures table (requests per category, statuses, 5xx,
 * slowest answer), inspection bodies of the demo-kitchen pack, and the legitimate steps
 * that bring a hazard to the state an attack needs (reported, rectifying, case filed …).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AttackReply, AttackServer } from './attack-harness.js';

/** Requests sent per category, by status, with the slowest answer. */
export class Figures {
  private readonly rows = new Map<string, { tried: number; statuses: Map<number, number>; fiveXX: number; maxMs: number }>();

  /** Counts a reply under `category` and returns it. */
  record<T extends { status: number; ms?: number }>(category: string, reply: T): T {
    let row = this.rows.get(category);
    if (!row) this.rows.set(category, (row = { tried: 0, statuses: new Map(), fiveXX: 0, maxMs: 0 }));
    row.tried++;
    row.statuses.set(reply.status, (row.statuses.get(reply.status) ?? 0) + 1);
    if (reply.status >= 500) row.fiveXX++;
    row.maxMs = Math.max(row.maxMs, reply.ms ?? 0);
    return reply;
  }

  /** Total 5xx over every category. */
  get fiveXX(): number {
    return [...this.rows.values()].reduce((n, r) => n + r.fiveXX, 0);
  }

  get tried(): number {
    return [...this.rows.values()].reduce((n, r) => n + r.tried, 0);
  }

  /** The table as text, one row per category. */
  table(title: string): string {
    const lines = [`${title}`, 'category                                   tried  5xx  max ms  statuses'];
    for (const [name, r] of this.rows) {
      const statuses = [...r.statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      lines.push(`${name.padEnd(42)} ${String(r.tried).padStart(5)} ${String(r.fiveXX).padStart(4)} ${r.maxMs.toFixed(1).padStart(7)}  ${statuses}`);
    }
    lines.push(`${'total'.padEnd(42)} ${String(this.tried).padStart(5)} ${String(this.fiveXX).padStart(4)}`);
    return lines.join('\n');
  }
}

/** A fresh idempotency key. */
export const key = (prefix = 'k') => `${prefix}-${randomUUID()}`;

/** A reason in both languages. */
export const reason = (zh = '现场核实', en = 'checked on site') => ({ 'zh-CN': zh, en });

/** Findings of a natural-gas kitchen without an alarm: one general hazard (DEMO-002-H1). */
export function noAlarm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pack: 'demo-kitchen',
    premises: 'restaurant',
    inspectedAt: new Date().toISOString(),
    subject: { enterpriseId: 'E1' },
    findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: false, hose_length_m: 1.5 },
    ...overrides,
  };
}

/** LPG used below ground: one major hazard (DEMO-001-H1). */
export function basementLpg(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return noAlarm({ findings: { gas_type: 'lpg', below_ground: true, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 1 }, ...overrides });
}

/** A hose of 3 m: one simple hazard (DEMO-003-H1). */
export function longHose(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return noAlarm({ findings: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }, ...overrides });
}

/** A treatment plan with its six elements (16号令 Art. 15). */
export function plan(deadline = new Date(Date.now() + 30 * 86_400_000).toISOString()): Record<string, unknown> {
  const t = (zh: string) => ({ 'zh-CN': zh });
  return { objectives: t('消除隐患'), measures: t('撤出钢瓶'), fundsAndMaterials: t('自筹'), responsible: t('店长'), deadline, milestones: t('一周内完成'), safetyAndEmergency: t('停用并配备灭火器') };
}

/** Sends and records the steps of one attack server. */
export class Attacker {
  constructor(
    readonly server: AttackServer,
    readonly figures: Figures,
  ) {}

  /** POST /api/hazards/{id}/commands as `actor`, recorded under `category`. */
  async command(category: string, actor: string, hazardId: string, body: unknown, headers: Record<string, string> = {}): Promise<AttackReply> {
    const reply = await this.server.call(actor, 'POST', `/api/hazards/${encodeURIComponent(hazardId)}/commands`, { body, headers: { 'idempotency-key': key(), ...headers } });
    return this.figures.record(category, reply);
  }

  /** POST /api/inspections?report=true as `actor`. */
  async report(category: string, actor: string, inspection: unknown, idempotencyKey = key('insp')): Promise<AttackReply> {
    const reply = await this.server.call(actor, 'POST', '/api/inspections?report=true', { body: inspection, headers: { 'idempotency-key': idempotencyKey } });
    return this.figures.record(category, reply);
  }

  /** A step that must succeed. */
  async must(actor: string, hazardId: string, body: Record<string, unknown>): Promise<AttackReply> {
    const reply = await this.command('setup', actor, hazardId, body);
    expect(reply.status, `${actor} ${String(body.type)} on ${hazardId}: ${reply.text}`).toBe(200);
    return reply;
  }

  /** Reports one hazard by inspection and returns its id. */
  async reported(actor: string, inspection: Record<string, unknown>): Promise<string> {
    const reply = await this.report('setup', actor, inspection);
    expect(reply.status, reply.text).toBe(200);
    const first = reply.body.reports[0];
    expect(first?.ok, reply.text).toBe(true);
    return first.hazardId as string;
  }

  /** Uploads a photo (or a PDF) as `actor` and returns its evidence id. */
  async uploaded(actor: string, options: { hazardId?: string; pdf?: boolean } = {}): Promise<string> {
    const reply = await this.server.upload(actor, {
      ...(options.hazardId ? { hazardId: options.hazardId } : {}),
      ...(options.pdf ? { bytes: Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`), mime: 'application/pdf' } : {}),
    });
    this.figures.record('setup', reply);
    expect(reply.status, reply.text).toBe(201);
    return reply.body.id as string;
  }

  /** A general hazard of E1 with a running notice (status rectifying). */
  async rectifyingGeneral(): Promise<string> {
    const id = await this.reported('owner-e1', noAlarm());
    const state = await this.server.call('officer-gas-d1', 'GET', `/api/hazards/${id}`);
    if (state.body?.state?.provisional) await this.must('officer-gas-d1', id, { type: 'confirm_level', level: 'general', reason: reason() });
    await this.must('grid-g1', id, { type: 'issue_notice' });
    return id;
  }

  /** Evidence a general hazard's rectification needs (1 before, 2 after), uploaded by its owner now. */
  async generalEvidence(hazardId: string): Promise<{ id: string; kind: string }[]> {
    return [
      { id: await this.uploaded('owner-e1', { hazardId }), kind: 'photo_before' },
      { id: await this.uploaded('owner-e1', { hazardId }), kind: 'photo_after' },
      { id: await this.uploaded('owner-e1', { hazardId }), kind: 'photo_after' },
    ];
  }

  /** Evidence a major hazard's rectification needs (1 before, 3 after, 1 document). */
  async majorEvidence(hazardId: string): Promise<{ id: string; kind: string }[]> {
    return [
      ...(await this.generalEvidence(hazardId)),
      { id: await this.uploaded('owner-e1', { hazardId }), kind: 'photo_after' },
      { id: await this.uploaded('owner-e1', { hazardId, pdf: true }), kind: 'document' },
    ];
  }

  /** Runs `attack` and checks that the store (events, hazards, outbox, commands) did not change. */
  async unchanged<T>(attack: () => Promise<T>): Promise<T> {
    const before = this.server.digest();
    const result = await attack();
    expect(this.server.digest(), 'a refused request changed the store').toBe(before);
    return result;
  }
}
