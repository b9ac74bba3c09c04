import { describe, expect, it } from 'vitest';
import { hazardFilterFromQuery } from './hazard-filter-from-query.js';

const NOW = new Date('2026-11-02T01:00:00.000Z');
const filter = (q: string) => hazardFilterFromQuery(new URLSearchParams(q), NOW);

describe('hazardFilterFromQuery', () => {
  it('translates every parameter', () => {
    expect(filter('level=major,general&status=rectifying&domain=gas&area=D1&enterprise=E1&provisional=false&overdue=true')).toEqual({
      level: ['major', 'general'],
      status: ['rectifying'],
      domain: 'gas',
      area: 'D1',
      enterpriseId: 'E1',
      provisional: false,
      deadlineBefore: '2026-11-02T01:00:00.000Z',
    });
  });

  it('leaves out what is absent; overdue=false adds nothing', () => {
    expect(filter('')).toEqual({});
    expect(filter('overdue=false')).toEqual({});
  });

  // An empty list or item is not "no filter" (the router refuses an empty parameter before; here it is a bad value).
  it.each(['level=grave', 'status=open', 'provisional=1', 'overdue=yes', 'level=', 'level=major,', 'status=,rectifying'])('%s is a 400', (q) => {
    expect(() => filter(q)).toThrow(expect.objectContaining({ status: 400, code: 'BAD_REQUEST' }));
  });

  it.each(['level=grave', 'status=open', 'provisional=1', 'overdue=yes'])('%s names its parameter in both languages', (q) => {
    const name = q.split('=')[0];
    expect(() => filter(q)).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'INVALID_VALUE', parameter: name, message: expect.objectContaining({ 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) }) })],
      }),
    );
  });
});
