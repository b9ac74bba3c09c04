import { describe, expect, it } from 'vitest';
import { createHarness, noAlarmInspection } from './harness.js';

// Issue 13, fail closed: POST /inspections without a premises kind (or with one the pack does
// not declare) is a 422 whose issue points at /premises — never a quieter classification.
describe('POST /inspections fails closed on premises', () => {
  it('missing premises: 422 INVALID_INSPECTION, PREMISES_MISSING at /premises, nothing reported', async () => {
    const h = await createHarness();
    const { premises: _dropped, ...body } = noAlarmInspection();
    for (const path of ['/inspections', '/inspections?report=true']) {
      const reply = await h.call('owner-e1', 'POST', path, { body, headers: { 'idempotency-key': `no-premises-${path.length}` } });
      expect(reply.status, JSON.stringify(reply.body)).toBe(422);
      expect(reply.body?.code).toBe('INVALID_INSPECTION');
      const issues = reply.body?.issues as { code: string; pointer: string; message: { 'zh-CN': string; en: string } }[];
      expect(issues.map((i) => [i.code, i.pointer])).toContainEqual(['PREMISES_MISSING', '/premises']);
      expect(issues.find((i) => i.code === 'PREMISES_MISSING')!.message['zh-CN']).toContain('未填写场所类型');
    }
    expect(await h.store.readLog(0, 10)).toEqual([]);
  });

  it('unknown premises: 422 with UNKNOWN_PREMISES and a did-you-mean', async () => {
    const h = await createHarness();
    const reply = await h.call('owner-e1', 'POST', '/inspections', { body: noAlarmInspection({ premises: 'restaurnat' }) });
    expect(reply.status).toBe(422);
    const issues = reply.body?.issues as { code: string; pointer: string; message: { en: string } }[];
    expect(issues).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_PREMISES', pointer: '/premises' }));
    expect(issues.find((i) => i.code === 'UNKNOWN_PREMISES')!.message.en).toContain('did you mean "restaurant"?');
  });
});
