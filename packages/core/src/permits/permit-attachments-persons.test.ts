import { describe, expect, it } from 'vitest';
import { createMemoryEvidenceStore } from '../chain/memory-evidence-store.js';
import type { ActorProfile } from '../ports/directory.js';
import type { EvidenceRecord } from '../ports/evidence-store.js';
import { createMemoryPermitStore } from './memory-permit-store.js';
import { applicant, applyCommand, at, attendant, iso, PermitRun, reading, tester, unit } from './permit-harness.test-util.js';
import { DEFAULT_PERMIT_RULES } from './permit-rules.js';
import { handlePermitCommand } from './permit-service.js';
import type { PermitActor, PermitCommand, PermitDecision } from './permit-types.js';

const confined = { kind: 'confined_space', grade: 'none', premises: 'general' } as const;
/** The same apply for the service, whose directory states the regime (general). */
const confinedCommand = { kind: 'confined_space', grade: 'none' } as const;
const good = (m: number) => reading(m, { o2PctVol: 20.8, flammablePctLel: 2 });
const person = (id: string, enterpriseIds: string[]): ActorProfile => ({ id, roles: ['enterprise'], enterpriseIds });
const record = (id: string, o: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
  id,
  sha256: id.padEnd(64, '0'),
  mime: 'application/pdf',
  size: 10,
  uploaderId: 'applicant',
  hazardId: null,
  receivedAt: iso(-3),
  ...o,
});
const rejected = (d: PermitDecision) => (d.ok ? 'OK' : [d.rejection.code, d.rejection.pointer]);

function readyConfined(evidence?: ReadonlyMap<string, EvidenceRecord>): PermitRun {
  const run = new PermitRun();
  run.evidence = evidence;
  run.ok(applyCommand(confined), applicant, -60);
  run.ok({ type: 'approve' }, unit, -30);
  run.ok({ type: 'record_gas_test', reading: good(-10) }, tester, -5);
  run.ok({ type: 'attendant_present' }, attendant, -2);
  return run;
}
const brief = (a: Record<string, unknown>): PermitCommand => ({ type: 'start', attachments: [{ kind: 'signed_briefing', ...a }] }) as unknown as PermitCommand;

describe('permit attachments: an upload the server holds, or a paper record (T34)', () => {
  it('an evidence id that names no upload is refused at the field', () => {
    const run = readyConfined(new Map());
    const d = run.do(brief({ source: 'upload', evidenceId: 'no-such-upload-anywhere' }), applicant, 0);
    expect(rejected(d)).toEqual(['ATTACHMENT_INVALID', '/attachments/0/evidenceId']);
    expect(d.ok ? '' : d.rejection.message.en).toContain('does not exist');
    expect(d.ok ? '' : d.rejection.message['zh-CN']).toContain('不存在');
  });

  it('without an evidence store every upload is refused; a paper record still starts the work', () => {
    const run = readyConfined(undefined);
    expect(rejected(run.do(brief({ source: 'upload', evidenceId: 'ev-1' }), applicant, 0))).toEqual(['ATTACHMENT_INVALID', '/attachments/0/evidenceId']);
    run.ok(brief({ source: 'paper', recordNo: 'JD-2026-0412' }), applicant, 0);
    expect(run.state?.attachments).toEqual([{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2026-0412' }]);
  });

  it('someone else’s upload, one bound to a hazard or another permit, or of the wrong type is refused', () => {
    const evidence = new Map([
      ['theirs', record('theirs', { uploaderId: 'someone-else' })],
      ['hazard', record('hazard', { hazardId: 'H-1' })],
      ['other-permit', record('other-permit', { hazardId: 'permit:P-2' })],
      ['json', record('json', { mime: 'application/json' })],
      ['photo', record('photo', { mime: 'image/jpeg' })],
    ]);
    const run = readyConfined(evidence);
    for (const id of ['theirs', 'hazard', 'other-permit', 'json']) {
      expect(rejected(run.do(brief({ source: 'upload', evidenceId: id }), applicant, 0)), id).toEqual(['ATTACHMENT_INVALID', '/attachments/0/evidenceId']);
    }
    // A video cannot be uploaded yet: a photo named as the video is refused, with the way out.
    const video = run.do(
      {
        type: 'start',
        attachments: [
          { kind: 'signed_briefing', source: 'paper', recordNo: 'JD-1' },
          { kind: 'video', source: 'upload', evidenceId: 'photo' },
        ],
      },
      applicant,
      0,
    );
    expect(rejected(video)).toEqual(['ATTACHMENT_INVALID', '/attachments/1/evidenceId']);
    expect(video.ok ? '' : video.rejection.message.en).toContain('give its record number (paper)');
  });

  it('an upload of the starter, unbound or bound to this permit, is recorded from the store’s record; the same file twice is refused', () => {
    const evidence = new Map([
      ['mine', record('mine')],
      ['copy', record('copy', { sha256: 'mine'.padEnd(64, '0') })],
      ['bound', record('bound', { hazardId: 'permit:P-1', mime: 'image/png' })],
    ]);
    const run = readyConfined(evidence);
    const twice = run.do(
      {
        type: 'start',
        attachments: [
          { kind: 'signed_briefing', source: 'upload', evidenceId: 'mine' },
          { kind: 'site_photo', source: 'upload', evidenceId: 'copy' },
        ],
      },
      applicant,
      0,
    );
    expect(rejected(twice)).toEqual(['ATTACHMENT_INVALID', '/attachments/1/evidenceId']);
    run.ok(
      {
        type: 'start',
        attachments: [
          { kind: 'signed_briefing', source: 'upload', evidenceId: 'mine' },
          { kind: 'site_photo', source: 'upload', evidenceId: 'bound' },
        ],
      },
      applicant,
      0,
    );
    expect(run.state?.attachments).toEqual([
      { kind: 'signed_briefing', source: 'upload', evidenceId: 'mine', sha256: 'mine'.padEnd(64, '0'), mime: 'application/pdf', size: 10, receivedAt: iso(-3) },
      { kind: 'site_photo', source: 'upload', evidenceId: 'bound', sha256: 'bound'.padEnd(64, '0'), mime: 'image/png', size: 10, receivedAt: iso(-3) },
    ]);
  });

  it('the old shape (a bare ref), a missing source and stray fields are refused, located', () => {
    const run = readyConfined(new Map());
    expect(rejected(run.do(brief({ ref: 'no-such-upload-anywhere' }), applicant, 0))).toEqual(['INVALID_COMMAND', '/attachments/0/source']);
    expect(rejected(run.do(brief({ source: 'paper', recordNo: 'JD-1', evidenceId: 'x' }), applicant, 0))).toEqual(['INVALID_COMMAND', '/attachments/0/evidenceId']);
    expect(rejected(run.do(brief({ source: 'paper', recordNo: ' ' }), applicant, 0))).toEqual(['INVALID_COMMAND', '/attachments/0/recordNo']);
    expect(rejected(run.do(brief({ source: 'upload', evidenceId: 'bad id/with slash' }), applicant, 0))).toEqual(['INVALID_COMMAND', '/attachments/0/evidenceId']);
  });
});

describe('permit persons: the directory decides who belongs to the enterprise', () => {
  const directory = new Map<string, ActorProfile | null>([
    ['attendant', person('attendant', ['E-1'])],
    ['worker-1', person('worker-1', ['E-1'])],
    ['owner-of-E-2', person('owner-of-E-2', ['E-2'])],
  ]);
  const apply = (o: Parameters<typeof applyCommand>[0], persons: ReadonlyMap<string, ActorProfile | null> | 'none' = directory) => {
    const run = new PermitRun();
    run.persons = (persons === 'none' ? undefined : persons) as ReadonlyMap<string, ActorProfile | null>;
    return { run, d: run.do(applyCommand(o), applicant, -60) };
  };

  it('another enterprise’s owner cannot be the attendant; nor can someone the directory does not know', () => {
    expect(rejected(apply({ attendantId: 'owner-of-E-2' }).d)).toEqual(['PERSON_NOT_OF_ENTERPRISE', '/attendantId']);
    const unknown = apply({ attendantId: 'ghost' }).d;
    expect(rejected(unknown)).toEqual(['PERSON_NOT_OF_ENTERPRISE', '/attendantId']);
    expect(unknown.ok ? '' : unknown.rejection.message['zh-CN']).toContain('不在人员目录中');
  });

  it('a known worker of another enterprise is refused at its index; unknown workers are stored as declared', () => {
    expect(rejected(apply({ workerIds: ['worker-1', 'owner-of-E-2'] }).d)).toEqual(['PERSON_NOT_OF_ENTERPRISE', '/workerIds/1']);
    const { run, d } = apply({ workerIds: ['worker-1', 'contractor-7'] });
    expect(d.ok).toBe(true);
    expect(run.state?.declaredWorkerIds).toEqual(['contractor-7']);
  });

  it('without a directory the apply is refused (fail closed)', () => {
    expect(rejected(apply({}, 'none').d)).toEqual(['PERSON_NOT_OF_ENTERPRISE', '/attendantId']);
  });
});

describe('permit service: persons resolved, uploads resolved and bound to the permit', () => {
  it('a phantom briefing is refused; a real upload starts the work and is bound, so no other permit can use it', async () => {
    const store = createMemoryPermitStore();
    const evidence = createMemoryEvidenceStore();
    const resolve = async (id: string) => (id === 'owner-of-E-2' ? person(id, ['E-2']) : id.startsWith('w-') ? null : person(id, ['E-1']));
    const enterprise = async (id: string) => ({ id, name: id, area: '330106', regime: 'general' as const });
    const deps = { store, rules: DEFAULT_PERMIT_RULES, directory: { resolve, enterprise }, evidence };
    const run = (permitId: string, command: PermitCommand, who: PermitActor, m: number) => handlePermitCommand(deps, { permitId, command, actor: who, now: at(m) });
    const ready = async (permitId: string) => {
      const a = await run(permitId, { ...applyCommand({ ...confinedCommand, permitId, workerIds: ['w-1'] }) }, applicant, -60);
      expect(a.ok && a.state.declaredWorkerIds).toEqual(['w-1']);
      await run(permitId, { type: 'approve' }, unit, -30);
      await run(permitId, { type: 'record_gas_test', reading: good(-10) }, tester, -5);
      await run(permitId, { type: 'attendant_present' }, attendant, -2);
    };
    const attendantOfE2 = await run('P-x', applyCommand({ ...confinedCommand, permitId: 'P-x', attendantId: 'owner-of-E-2' }), applicant, -60);
    expect(attendantOfE2.ok ? 'OK' : attendantOfE2.rejection.code).toBe('PERSON_NOT_OF_ENTERPRISE');

    await ready('P-1');
    const phantom = await run('P-1', brief({ source: 'upload', evidenceId: 'no-such-upload-anywhere' }), applicant, 0);
    expect(phantom.ok ? 'OK' : phantom.rejection.code).toBe('ATTACHMENT_INVALID');
    const up = await evidence.put({ bytes: new TextEncoder().encode('%PDF-1.4 briefing'), mime: 'application/pdf', uploaderId: 'applicant', hazardId: null, receivedAt: iso(-3) });
    const started = await run('P-1', brief({ source: 'upload', evidenceId: up.id }), applicant, 0);
    expect(started.ok && started.state.status).toBe('in_progress');
    expect((await evidence.get(up.id))?.hazardId).toBe('permit:P-1');

    await ready('P-2');
    const reused = await run('P-2', brief({ source: 'upload', evidenceId: up.id }), applicant, 0);
    expect(reused.ok ? 'OK' : [reused.rejection.code, reused.rejection.pointer]).toEqual(['ATTACHMENT_INVALID', '/attachments/0/evidenceId']);
  });

  it('a permit stored before attachments had a source still reads (a bare ref, as declared)', async () => {
    const run = readyConfined();
    // What a 0.x store holds: the started event's attachments as { kind, ref }.
    const { chainPermitEvent } = await import('./permit-chain.js');
    const old = chainPermitEvent(run.state, 'P-1', 'started', { testSampledAt: iso(-10), attachments: [{ kind: 'signed_briefing', ref: 'JD-2026-0412' }] }, 'applicant', iso(0));
    run.record([old]);
    expect(run.state?.status).toBe('in_progress');
    expect(run.state?.attachments).toEqual([{ kind: 'signed_briefing', ref: 'JD-2026-0412' }]);
    const store = createMemoryPermitStore();
    const r = await store.append({ permitId: 'P-1', expectedVersion: 0, events: run.log });
    expect(r.kind).toBe('ok');
  });
});
