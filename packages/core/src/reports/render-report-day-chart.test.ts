import { describe, expect, it } from 'vitest';
import { buildPeriodicReport } from './build-report.js';
import { aggregateReportFacts } from './memory-report-read-model.js';
import { renderReportHtml } from './render-report-html.js';

/** The widths of the daily chart's columns (the rects whose title starts with a day). */
const columnWidths = (html: string) => [...html.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="[^"]+"><title>\d{4}-\d{2}-\d{2} /g)].map((m) => Number(m[1]));

describe('the daily chart', () => {
  it('draws a single day as one column of ordinary width, not stretched across the chart', async () => {
    const facts = aggregateReportFacts([], [], { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z', recurrenceDays: 30, limit: 20 });
    const report = await buildPeriodicReport({ reportFacts: async () => facts, areas: async () => ['D1/G1'] }, { kind: 'monthly', period: '2026-11', now: '2026-12-05T00:00:00.000Z' });
    const one = columnWidths(renderReportHtml({ ...report, days: [{ day: '2026-11-03', found: 2, closed: 1 }] }));
    expect(one).toHaveLength(1);
    expect(one[0]).toBeLessThanOrEqual(30);
    // A month of days still fills the width.
    const month = Array.from({ length: 30 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, found: i % 3, closed: i % 2 }));
    const widths = columnWidths(renderReportHtml({ ...report, days: month }));
    expect(widths).toHaveLength(30);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(350);
  });
});
