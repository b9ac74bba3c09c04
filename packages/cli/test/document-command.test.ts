import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';
import { runCli } from './run-cli.js';

const SAMPLE = {
  values: {
    'directory.enterprise.name': '测试餐馆一',
    'directory.enterprise.address': '东城区和平里北街18号',
    'directory.enterprise.legalRepresentative': '王建国',
    'hazard.title': '未安装可燃气体报警装置',
    'classification.basis': '《城镇燃气管理条例》第十八条',
    'event.deadline': '2026年11月11日',
    'event.recordedAt': '2026年11月2日',
  },
  officers: [
    { name: '张明', certificateNo: 'GAS-D1-0001' },
    { name: '李华', certificateNo: 'GAS-D1-0002' },
  ],
  issuedAt: '2026-11-02T01:00:00Z',
  number: { year: 2026, seq: 12 },
};
const OVERRIDE =
  'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n';

describe('anjian document render', () => {
  it('previews a built-in kind as HTML with the override and a sample number; a missing value is a located refusal (exit 1); bad usage exits 2', async () => {
    const dir = tempDir('anjian-doc-cli-');
    writeFileSync(join(dir, 'data.json'), JSON.stringify(SAMPLE));
    writeFileSync(join(dir, 'd1.yaml'), OVERRIDE);
    const ok = await runCli(['document', 'render', 'rectification_order', 'data.json', '--override', 'd1.yaml'], { cwd: dir });
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    for (const text of ['<!doctype html>', '责令限期整改指令书', '（东）应急责改〔2026〕12号', '测试餐馆一', 'GAS-D1-0002', '北京市东城区人民法院']) expect(ok.out).toContain(text);

    writeFileSync(join(dir, 'thin.json'), JSON.stringify({ ...SAMPLE, values: { 'directory.enterprise.name': '测试餐馆一' } }));
    const refused = await runCli(['document', 'render', 'rectification_order', 'thin.json'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/rectification-order\.yaml:\d+:\d+ VALUE_MISSING/);

    writeFileSync(join(dir, 'bad.json'), '{"officers": "two"}');
    expect((await runCli(['document', 'render', 'rectification_order', 'bad.json'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['document', 'render', 'rectification_order'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['document', 'render', 'rectification_order', 'data.json', '--format', 'pdf'], { cwd: dir })).code).toBe(2);
  });

  it('writes a PDF with --output when a CJK font is installed', async () => {
    if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return;
    const dir = tempDir('anjian-doc-cli-pdf-');
    writeFileSync(join(dir, 'data.json'), JSON.stringify(SAMPLE));
    const r = await runCli(['document', 'render', 'rectification_order', 'data.json', '--format', 'pdf', '--output', 'order.pdf'], { cwd: dir });
    expect([r.code, r.err]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'order.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);
});
