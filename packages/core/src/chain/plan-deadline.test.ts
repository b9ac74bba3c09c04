// A treatment plan's dates are weighed at one clock, by one rule: what decide refuses is what
// planDeadlineRefusal / planApprovalRefusal say, so a page asking them at the server's time
// offers exactly what the server accepts.
import { describe, expect, it } from 'vitest';
import { MAX_PLAN_MS, planApprovalRefusal, planDeadlineRefusal, planDeadlineWindow } from '../review.js';

const now = new Date('2026-12-07T02:00:00.000Z');
const zh = (text: string) => ({ 'zh-CN': text });
const plan = (deadline: string) => ({
  plan: { objectives: zh('o'), measures: zh('m'), fundsAndMaterials: zh('f'), responsible: zh('r'), milestones: zh('ms'), safetyAndEmergency: zh('s'), deadline },
  planApproved: false,
});

describe('a treatment plan’s dates at the server’s clock', () => {
  it('opens the window after now and up to ten years on', () => {
    const w = planDeadlineWindow(now);
    expect(w.after).toBe(now.toISOString());
    expect(Date.parse(w.latest) - now.getTime()).toBe(MAX_PLAN_MS);
    expect(planDeadlineRefusal(new Date(now.getTime() + 1).toISOString(), now)).toBeNull();
    expect(planDeadlineRefusal(w.latest, now)).toBeNull();
    expect(planDeadlineRefusal(w.after, now)?.code).toBe('PLAN_INCOMPLETE');
    expect(planDeadlineRefusal(new Date(Date.parse(w.latest) + 1).toISOString(), now)?.detail.en).toContain('within ten years');
  });

  it('refuses to approve a plan whose date has passed, and says so in both languages', () => {
    expect(planApprovalRefusal(plan('2026-12-08T09:00:00+08:00'), now)).toBeNull();
    const passed = planApprovalRefusal(plan('2026-12-07T09:00:00+08:00'), now);
    expect(passed?.code).toBe('PLAN_INCOMPLETE');
    expect(passed?.detail['zh-CN']).toContain('已过');
    expect(passed?.detail.en).toContain('has passed');
    expect(planApprovalRefusal({ plan: null, planApproved: false }, now)).toBeNull();
  });
});
