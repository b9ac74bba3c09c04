import { describe, expect, it } from 'vitest';
import { isChainError } from '../chain/chain-error.js';
import { checkHazardStatsQuery, chinaPeriod, hazardStatsFromGroups } from './hazard-stats.js';

const NOW = '2026-11-28T06:00:00.000Z';

describe('chinaPeriod', () => {
  it('shifts to UTC+8 before cutting the day or month', () => {
    expect(chinaPeriod('2026-10-31T15:59:59.999Z', 'day')).toBe('2026-10-31');
    expect(chinaPeriod('2026-10-31T16:00:00.000Z', 'day')).toBe('2026-11-01');
    expect(chinaPeriod('2026-10-31T16:00:00.000Z', 'month')).toBe('2026-11');
    expect(chinaPeriod('2026-12-31T16:00:00.000Z', 'month')).toBe('2027-01');
  });
});

describe('checkHazardStatsQuery', () => {
  const code = (query: Parameters<typeof checkHazardStatsQuery>[0]): string | null => {
    try {
      checkHazardStatsQuery(query);
      return null;
    } catch (error) {
      return isChainError(error) ? error.code : 'other';
    }
  };

  it('accepts instants in toISOString() form and the two groupings', () => {
    expect(code({ now: NOW, createdFrom: '2026-10-01T00:00:00.000Z', createdTo: '2026-11-01T00:00:00.000Z', groupBy: 'day' })).toBeNull();
    expect(code({ now: NOW, groupBy: 'month' })).toBeNull();
  });

  it('refuses other instant forms, which would compare wrongly as strings', () => {
    expect(code({ now: '2026-11-28T06:00:00Z' })).toBe('INVALID_QUERY');
    expect(code({ now: NOW, createdFrom: '2026-11-01' })).toBe('INVALID_QUERY');
    expect(code({ now: NOW, createdTo: '2026-11-01T08:00:00.000+08:00' })).toBe('INVALID_QUERY');
    expect(code({ now: undefined as unknown as string })).toBe('INVALID_QUERY');
  });

  it('refuses an unknown groupBy', () => {
    expect(code({ now: NOW, groupBy: 'week' as 'day' })).toBe('INVALID_QUERY');
  });
});

describe('hazardStatsFromGroups', () => {
  it('sums groups, keeps every level and status, sorts periods and drops empty ones', () => {
    const stats = hazardStatsFromGroups(
      [
        { level: 'general', status: 'closed', domain: 'gas', count: 3, overdue: 0 },
        { level: 'general', status: 'rectifying', domain: 'gas', count: 2, overdue: 1 },
        { level: 'major', status: 'closed', domain: 'fire', count: 1, overdue: 0 },
        { level: 'simple', status: 'reported', domain: 'dust', count: 0, overdue: 0 },
      ],
      [
        { period: '2026-11', total: 4, closed: 1 },
        { period: '2026-12', total: 0, closed: 0 },
        { period: '2026-10', total: 2, closed: 2 },
      ],
    );
    expect(stats).toEqual({
      total: 6,
      byLevel: { simple: 0, general: 5, major: 1 },
      byStatus: { reported: 0, rectifying: 2, submitted: 0, verified: 0, escalated: 0, case_filed: 0, accepted: 0, closed: 4 },
      byDomain: { gas: 5, fire: 1 },
      closed: 4,
      closureRate: 4 / 6,
      overdue: 1,
      periods: [
        { period: '2026-10', total: 2, closed: 2, closureRate: 1 },
        { period: '2026-11', total: 4, closed: 1, closureRate: 0.25 },
      ],
    });
  });

  it('gives a closure rate of 0 and no periods key when nothing is grouped', () => {
    const stats = hazardStatsFromGroups([]);
    expect([stats.total, stats.closureRate, 'periods' in stats]).toEqual([0, 0, false]);
  });
});
