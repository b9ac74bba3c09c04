// What a read of the rendered pages found (every kind from a real chain run): a blank labelled
// row where the record has no value, and a stop-work decision claiming an on-site discovery
// of a hazard the enterprise reported itself.
import { createMemoryStore } from '@anjian/core';
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../src/index.js';
import { composeAllKinds } from './chain-run.js';

const text = (doc: ComposedDocument) =>
  doc.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type === 'table' ? b.rows.map((r) => `${r.label}=${r.value}`).join('|') : '')).join('\n');
const rows = (doc: ComposedDocument) => doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows : []));

describe('templates as an officer reads them', () => {
  it('an optional value the record lacks leaves its row out (no blank 整改要求); a manual field keeps its line to fill in by hand', async () => {
    const docs = await composeAllKinds(createMemoryStore(), { numbered: true });
    // The grid inspector's report carries no pack rectification: no 整改要求 row, rather than a blank one.
    expect(rows(docs.get('rectification_notice')!).map((r) => r.label)).toEqual(['地址', '隐患内容', '整改期限', '通知时间']);
    expect(rows(docs.get('inspection_record')!).find((r) => r.label === '检查场所')).toEqual({ label: '检查场所', value: '' });
    expect(rows(docs.get('inspection_record')!).every((r) => r.value !== '' || r.label === '检查场所')).toBe(true);
    // With a finding that says how to rectify, the row is there with it.
    const withFix = await composeAllKinds(createMemoryStore(), {
      numbered: true,
      reports: {
        hose: {
          findings: [
            {
              rule: 'gas.hose',
              item: 'gas.hose',
              kind: 'rule',
              level: 'general',
              provisional: false,
              party: 'enterprise' as never,
              title: { 'zh-CN': '燃气软管老化' },
              basis: [],
              deadline: { workingDays: 7 },
              observations: [],
              rectification: { 'zh-CN': '更换为金属波纹管' },
              explanation: { 'zh-CN': '燃气软管老化开裂，属一般事故隐患', en: 'aged gas hose: a general hazard' },
            },
          ],
        },
      },
    });
    expect(rows(withFix.get('rectification_notice')!).find((r) => r.label === '整改要求')?.value).toBe('更换为金属波纹管');
  });

  it('the stop-work decision states how the hazard was found, not an on-site discovery of a self-reported one', async () => {
    const doc = (await composeAllKinds(createMemoryStore(), { numbered: true })).get('stop_work_order')!;
    expect(text(doc)).toContain('经查，你单位存在下列重大事故隐患（隐患来源：企业自查上报）');
    expect(text(doc)).not.toContain('在现场检查中发现');
  });

  it('the penalty decision names no 现场检查记录 as evidence of a case that began with a self-report', async () => {
    const doc = (await composeAllKinds(createMemoryStore(), { numbered: true })).get('penalty_decision')!;
    expect(text(doc)).toContain('隐患来源：企业自查上报）。以上事实有本案在案证据证实');
    expect(text(doc)).not.toContain('现场检查记录');
  });
});
