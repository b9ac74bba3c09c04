import { describe, expect, it } from 'vitest';
import { checkObservedIds } from './check-observed-ids.js';

const KNOWN = [{ id: 'pipe_rack' }, { id: 'hazardous_area' }];

describe('checkObservedIds (the observed-fact ids of hot-work and height observations)', () => {
  it('keeps known ids, each once, in the order given; an empty list is none observed', () => {
    expect(checkObservedIds(['hazardous_area', 'pipe_rack'], '/hotWork/situations', KNOWN)).toEqual(['hazardous_area', 'pipe_rack']);
    expect(checkObservedIds([], '/height/situations', KNOWN)).toEqual([]);
  });

  it('refuses what is not a list at the list, in both languages', () => {
    for (const value of [undefined, null, 'pipe_rack', { 0: 'pipe_rack' }]) {
      const r = checkObservedIds(value, '/hotWork/situations', KNOWN);
      expect(Array.isArray(r)).toBe(false);
      if (Array.isArray(r)) continue;
      expect(r.code).toBe('INVALID_COMMAND');
      expect(r.pointer).toBe('/hotWork/situations');
      expect(r.message['zh-CN']).toContain('编号列表');
      expect(r.message.en).toContain('must list the ids');
    }
  });

  it('refuses an unknown or non-text id at its index, naming the known ones', () => {
    for (const bad of ['pipe-rack', 7, null]) {
      const r = checkObservedIds(['pipe_rack', bad], '/height/fallFactors', KNOWN);
      if (Array.isArray(r)) throw new Error('accepted');
      expect(r.pointer).toBe('/height/fallFactors/1');
      expect(r.message['zh-CN']).toBe('命令字段 /height/fallFactors/1 无效：未知情形，可选：pipe_rack、hazardous_area');
      expect(r.message.en).toBe('Invalid command field /height/fallFactors/1: unknown, one of: pipe_rack, hazardous_area');
    }
  });

  it('refuses an id listed twice at its second place', () => {
    const r = checkObservedIds(['pipe_rack', 'hazardous_area', 'pipe_rack'], '/hotWork/shutDown', KNOWN);
    if (Array.isArray(r)) throw new Error('accepted');
    expect(r.pointer).toBe('/hotWork/shutDown/2');
    expect(r.message['zh-CN']).toContain('重复的 pipe_rack');
    expect(r.message.en).toContain('pipe_rack is listed twice');
  });
});
