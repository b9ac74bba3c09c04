import { parseCommand } from '@anjian/core';
import { COMMAND_TYPES } from '@anjian/core/internal';
import { describe, expect, it } from 'vitest';
import { documentValidator } from '../test/openapi-validator.js';
import { buildOpenApi } from './build-openapi.js';
import { BODY_COMMAND_TYPES, commandComponentName, commandComponents } from './command-schemas.js';
import { ROUTES } from './route-table.js';

const doc = buildOpenApi(ROUTES, '/api');
const body = documentValidator(doc).at('/paths/~1api~1hazards~1{id}~1commands/post/requestBody/content/application~1json/schema');
const ids = { hazardId: 'H-1', commandId: 'k-1' };
const text = (zh: string) => ({ 'zh-CN': zh, en: zh });
const refs = [{ id: 'ev-1', kind: 'photo_after' }];
/** A reviewer's evidence (verify, reject, spot_check, reopen take photo_review or document). */
const reviewRefs = [{ id: 'ev-2', kind: 'photo_review' }];
const at = '2026-11-02T09:00:00+08:00';

/** One full body per type: every optional field given. */
const FULL: Record<string, Record<string, unknown>> = {
  report_observation: { title: text('t'), description: text('d'), enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: refs },
  reclassify: { level: 'major', reason: text('r') },
  confirm_level: { level: 'major', reason: text('r') },
  issue_notice: { note: text('n') },
  submit_rectification: { evidence: refs, note: text('n') },
  verify: { note: text('n'), evidence: reviewRefs },
  reject: { reason: text('r'), evidence: reviewRefs },
  request_extension: { extension: { workingDays: 5 }, reason: text('r') },
  grant_extension: { note: text('n') },
  deny_extension: { reason: text('r') },
  escalate: { reason: text('r'), overdueDeadline: at },
  file_case: {},
  list_for_supervision: { authority: text('a'), note: text('n') },
  submit_plan: { plan: { objectives: text('o'), measures: text('m'), fundsAndMaterials: text('f'), responsible: text('r'), deadline: at, milestones: text('m'), safetyAndEmergency: text('s') } },
  approve_plan: { note: text('n') },
  order_stop_work: { scope: 'whole', reason: text('r') },
  lift_stop_work: { note: text('n'), evidence: refs },
  delist: { note: text('n') },
  accept: { note: text('n'), evidence: refs },
  close: { note: text('n') },
  reopen: { reason: text('r'), evidence: reviewRefs },
  spot_check: { result: 'pass', note: text('n'), evidence: reviewRefs },
  warn_due_soon: { deadline: at },
  notice_overdue: { deadline: at },
  notify_penalty: { penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 5000 } },
  record_statement: { statement: text('s'), hearingRequested: false },
  record_hearing: { report: text('r') },
  withdraw_hearing: { reason: text('w') },
  decide_penalty: { penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 5000 } },
};

describe('command body schemas agree with core parseCommand', () => {
  it('one schema per command type a body may carry (every type but report)', () => {
    expect([...BODY_COMMAND_TYPES].sort()).toEqual(COMMAND_TYPES.filter((t) => t !== 'report').sort());
    expect(Object.keys(FULL).sort()).toEqual([...BODY_COMMAND_TYPES].sort());
  });

  it.each(BODY_COMMAND_TYPES)('%s: a full body passes both; each required field missing fails both, at the same pointer', (type) => {
    const full: Record<string, unknown> = { type, expectedVersion: 3, occurredAt: at, ...FULL[type] };
    expect(parseCommand(full, ids)).toMatchObject({ ok: true });
    expect(body(full), JSON.stringify(body.errors)).toBe(true);
    const schema = commandComponents()[commandComponentName(type)] as { required: string[]; properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(full).sort());
    for (const field of schema.required.filter((f) => f !== 'type')) {
      const { [field]: _, ...without } = full;
      const parsed = parseCommand(without, ids);
      expect(parsed.ok, field).toBe(false);
      if (!parsed.ok) expect(parsed.issues.map((i) => i.pointer)).toContain(`/${field}`);
      expect(body(without), field).toBe(false);
    }
    // Every field the schema calls optional, parseCommand does not require.
    const minimal = Object.fromEntries(Object.entries(full).filter(([k]) => schema.required.includes(k)));
    expect(parseCommand(minimal, ids)).toMatchObject({ ok: true });
    expect(body(minimal)).toBe(true);
    // An unknown key is refused by both.
    expect(parseCommand({ ...full, extra: 1 }, ids).ok).toBe(false);
    expect(body({ ...full, extra: 1 })).toBe(false);
  });

  it('report is refused by both', () => {
    expect(parseCommand({ type: 'report' }, ids).ok).toBe(false);
    expect(body({ type: 'report' })).toBe(false);
  });
});
