import { describe, expect, it } from 'vitest';
import { createHarness } from '../chain/chain-harness.test-util.js';
import { parseCommand } from '../chain/parse-command.js';
import { checkPermitAttachments } from './permit-attachments.js';
import { hazardIdRefusal, isPermitEvidenceBinding, permitEvidenceBinding } from './evidence-binding.js';

// An upload is bound to one hazard (its id) or one permit (`permit:<id>`), in one field of the
// evidence store. A hazard id that began with `permit:` shared the permit bindings' namespace:
// a user reporting an observation as hazard `permit:P-1` bound uploads to permit P-1 — they could
// then be attached to that permit as if checked for it, and the hazard's evidence route would
// serve that permit's attachments to whoever reads the hazard. Hazard ids in `permit:` are refused.
describe('permit and hazard evidence bindings are distinct (T34)', () => {
  const why = { 'zh-CN': '理由', en: 'reason' };

  it('a report_observation naming hazard permit:<id> is refused, and its upload stays unbound', async () => {
    const h = createHarness('2026-11-02T01:00:00Z', { stage: false });
    h.deps.packs = new Map([['gas', { pack: { id: 'gas', version: '1.0.0', domain: 'gas' }, evaluate: () => [], check: () => [] }]]) as unknown as typeof h.deps.packs;
    const up = await h.evidence.put({ bytes: new TextEncoder().encode('photo'), mime: 'image/jpeg', uploaderId: 'grid-g1', hazardId: null, receivedAt: h.clock.now().toISOString() });
    for (const hazardId of [permitEvidenceBinding('P-1'), 'PERMIT:P-1', 'Permit:P-1']) {
      const r = await h.send('grid-g1', { type: 'report_observation', hazardId, title: why, enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: [{ id: up.id, kind: 'photo_before' }] });
      const rejection = 'rejection' in r ? r.rejection : null;
      expect(rejection?.code).toBe('INVALID_COMMAND');
      expect(rejection?.message.en).toContain('permit:');
      expect(rejection?.message['zh-CN']).toContain('permit:');
    }
    expect((await h.evidence.get(up.id))?.hazardId).toBeNull();
    expect(await h.store.load(permitEvidenceBinding('P-1'))).toBeNull();
    // the same report under a hazard id binds the upload (the refusal above is the id, nothing else)
    expect(
      'events' in
        (await h.send('grid-g1', { type: 'report_observation', hazardId: 'H-OBS', title: why, enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: [{ id: up.id, kind: 'photo_before' }] })),
    ).toBe(true);
    expect((await h.evidence.get(up.id))?.hazardId).toBe('H-OBS');
  });

  it('an upload bound to permit P-1 is no hazard’s evidence, and one bound to a hazard is no permit’s attachment', () => {
    const record = (hazardId: string) => ({ id: 'ev-1', sha256: 'a'.repeat(64), mime: 'application/pdf', size: 10, uploaderId: 'u1', hazardId, receivedAt: '2026-11-02T01:00:00Z' });
    const attach = (hazardId: string, permitId: string) =>
      checkPermitAttachments([{ kind: 'signed_briefing', source: 'upload', evidenceId: 'ev-1' }], { permitId, actorId: 'u1', evidence: new Map([['ev-1', record(hazardId)]]) }).ok;
    expect(attach(permitEvidenceBinding('P-1'), 'P-1')).toBe(true);
    expect(attach('P-1', 'P-1')).toBe(false);
    expect(attach('hz-1', 'P-1')).toBe(false);
    expect(isPermitEvidenceBinding(permitEvidenceBinding('P-1'))).toBe(true);
    expect(isPermitEvidenceBinding('hz-1')).toBe(false);
  });

  it('parseCommand refuses such a hazard id at the request, bilingual; other ids with a colon still pass', () => {
    const body = { type: 'verify' };
    const r = parseCommand(body, { hazardId: 'permit:pm-abc', commandId: 'k-1' });
    expect(r.ok).toBe(false);
    const issue = r.ok ? undefined : r.issues[0];
    expect(issue?.code).toBe('PATTERN');
    expect(issue?.message.en).toContain('permit:');
    expect(parseCommand(body, { hazardId: 'hz:2026:1', commandId: 'k-1' }).ok).toBe(true);
  });

  it('hazardIdRefusal is the one rule: null for a hazard id, a bilingual refusal for one in the permit namespace', () => {
    expect(hazardIdRefusal('hz-0123abcd')).toBeNull();
    expect(hazardIdRefusal('permit:P-1')?.en).toMatch(/reserved/);
    expect(hazardIdRefusal('Permit:P-1')).not.toBeNull();
  });
});
