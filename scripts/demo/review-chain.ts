// The demo's second half: hazards found in an example inspection walk the review chain on
// the embedded SQLite store — a general hazard from notice to closure, a major one through
// enforcement to acceptance and 销号 — then the audit trail is verified.
//
//   node scripts/run-ts.mjs scripts/demo/review-chain.ts [data dir]
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  compilePack,
  createStaticDirectory,
  createWorkingDayCalendar,
  handleCommand,
  parseYamlSafe,
  readFullLog,
  verifyChain,
  type ChainCommand,
  type EvidenceRef,
  type HazardFinding,
  type Inspection,
  type LocalizedText,
} from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { createSqliteStore } from '@anjian/store-sqlite';

const dataDir = process.argv[2] ?? '.data/demo';
const AREA = 'D1/G3';
const ENTERPRISE = 'E-hotpot';
// A gas operator answers for a user defect it did not notify in writing (建城规〔2023〕4号 Art. 9).
const OPERATOR = 'E-gas-supplier';
const reason = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

// Demo people: who may do what is decided by the chain's permission table, not here.
const directory = createStaticDirectory([
  { id: 'owner', roles: ['enterprise'], enterpriseIds: [ENTERPRISE] },
  { id: 'supplier', roles: ['enterprise'], enterpriseIds: [OPERATOR] },
  { id: 'grid', roles: ['grid'], gridAreas: [AREA] },
  { id: 'officer-a', roles: ['enforcement'], departments: [{ id: 'gas-d1', domains: ['gas'], areas: ['D1'] }] },
]);
// 2026 official holidays and make-up working days (data a host supplies each year).
const calendar = createWorkingDayCalendar({
  holidays: ['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-09-20', '2026-10-10'],
});
let now = Date.parse('2026-11-18T07:20:00Z');
const clock = { now: () => new Date(now) };
const later = (hours: number) => (now += hours * 3_600_000);

async function main(): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const store = createSqliteStore({ path: join(dataDir, 'anjian.db') });
  const deps = { store, clock, calendar, directory };
  let step = 0;
  const run = async (actor: string, command: ChainCommand, zh: string, en: string) => {
    const result = await handleCommand(deps, command, actor);
    if ('rejection' in result) throw new Error(`${command.type}: ${result.rejection.code} ${result.rejection.message.en}`);
    const event = result.events[result.events.length - 1]!;
    console.log(`  ${String(++step).padStart(2)}. ${new Date(now).toISOString().slice(0, 16)}Z  ${actor.padEnd(9)} ${zh} / ${en}  → v${event.version} ${event.type}`);
  };

  const loaded = await loadPackFromPath('checklists/gas');
  if (!loaded.ok) throw new Error('checklists/gas does not load');
  const file = 'examples/inspections/gas-basement-hotpot-lpg.yaml';
  const parsed = parseYamlSafe(readFileSync(file, 'utf8'), { file });
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const inspection = parsed.value as Inspection;
  const { hazards } = compilePack(loaded.pack).evaluate(inspection);
  const general = hazards.find((h) => h.level === 'general' && !h.provisional);
  const major = hazards.find((h) => h.level === 'major');
  if (!general || !major) throw new Error('the example no longer has a general and a major hazard');

  console.log(`\n${file}: ${hazards.length} hazards; the review chain on SQLite (${join(dataDir, 'anjian.db')})`);
  const report = (h: HazardFinding, id: string): ChainCommand => ({
    type: 'report',
    commandId: `${id}:report`,
    hazardId: id,
    title: h.title,
    level: h.level,
    provisional: h.provisional,
    basis: h.basis,
    deadline: h.deadline,
    pack: { id: loaded.pack.id, version: loaded.pack.version },
    domain: loaded.pack.domain,
    area: AREA,
    enterpriseId: h.party === 'operator' ? OPERATOR : ENTERPRISE,
    source: 'grid_patrol',
    findings: [h],
    evidence: [{ id: `${id}-before-1`, kind: 'photo_before', takenAt: new Date(now).toISOString() }],
  });
  const photos = (id: string, after: number, extra: EvidenceRef[] = []): EvidenceRef[] => [
    { id: `${id}-before-1`, kind: 'photo_before' as const },
    ...Array.from({ length: after }, (_, i) => ({ id: `${id}-after-${i + 1}`, kind: 'photo_after' as const, takenAt: new Date(now - 3_600_000).toISOString() })),
    ...extra,
  ];

  const g = 'YH-2026-0001';
  console.log(`\n${g}  一般事故隐患 / general: ${general.title['zh-CN']} / ${general.title.en}`);
  await run('grid', report(general, g), '网格员上报', 'grid inspector reports');
  await run('grid', { type: 'issue_notice', commandId: `${g}:notice`, hazardId: g, noticeNo: '整改通知 2026-031' }, '下达整改通知（按工作日计算期限）', 'rectification notice, deadline in working days');
  later(72);
  await run('owner', { type: 'submit_rectification', commandId: `${g}:submit`, hazardId: g, evidence: photos(g, 2) }, '企业提交整改照片', 'enterprise submits photos of the fix');
  later(24);
  await run('grid', { type: 'verify', commandId: `${g}:verify`, hazardId: g }, '网格员复核通过', 'grid inspector verifies');
  await run('grid', { type: 'close', commandId: `${g}:close`, hazardId: g }, '销号', 'closed');

  const m = 'YH-2026-0002';
  step = 0;
  const answerable = major.party === 'operator' ? 'supplier' : 'owner';
  console.log(`\n${m}  重大事故隐患 / major${major.provisional ? ' (疑似 / provisional)' : ''}, party ${major.party}: ${major.title['zh-CN']} / ${major.title.en}`);
  await run('grid', report(major, m), '网格员上报', 'grid inspector reports');
  if (major.provisional) {
    await run('officer-a', { type: 'confirm_level', commandId: `${m}:confirm`, hazardId: m, level: 'major', reason: reason('集体研判确认', 'confirmed by collective review') }, '执法人员确认等级', 'officer confirms the level');
  }
  await run('officer-a', { type: 'file_case', commandId: `${m}:case`, hazardId: m, caseNo: '燃执〔2026〕201号' }, '立案', 'case filed');
  await run('officer-a', { type: 'list_for_supervision', commandId: `${m}:listed`, hazardId: m, authority: reason('区安委会办公室', 'district safety committee office') }, '挂牌督办', 'listed for supervision');
  await run('officer-a', { type: 'order_stop_work', commandId: `${m}:stop`, hazardId: m, scope: 'partial', reason: reason('停止使用液化气', 'LPG use stopped') }, '责令局部停止使用', 'partial stop-work ordered');
  later(48);
  const deadline = new Date(now + 20 * 86_400_000).toISOString();
  await run(
    answerable,
    {
      type: 'submit_plan',
      commandId: `${m}:plan`,
      hazardId: m,
      plan: {
        objectives: reason('消除地下场所使用液化气的重大隐患', 'end LPG use below ground'),
        measures: reason('拆除钢瓶，改用管道天然气并安装报警切断装置', 'remove cylinders, switch to piped gas with alarm and shut-off'),
        fundsAndMaterials: reason('专项资金 6 万元', 'CNY 60 000'),
        responsible: reason('主要负责人；后厨主管', 'principal; kitchen manager'),
        deadline,
        milestones: reason('第 10 日完成改管，第 15 日完成评估', 'piping by day 10, evaluation by day 15'),
        safetyAndEmergency: reason('整改期间停止用气；应急预案已演练', 'no gas use meanwhile; emergency plan drilled'),
      },
    },
    '企业提交治理方案（六要素）',
    'enterprise submits the six-element plan',
  );
  later(15 * 24);
  await run(
    answerable,
    { type: 'submit_rectification', commandId: `${m}:submit`, hazardId: m, evidence: photos(m, 3, [{ id: `${m}-evaluation`, kind: 'document' }]) },
    '企业提交整改材料与评估报告',
    'enterprise submits evidence and the evaluation report',
  );
  later(72);
  await run('officer-a', { type: 'accept', commandId: `${m}:accept`, hazardId: m, note: reason('现场验收合格', 'accepted on site') }, '执法人员现场验收', 'officer accepts on site');
  await run('officer-a', { type: 'close', commandId: `${m}:close`, hazardId: m, note: reason('销号', 'written off') }, '销号', 'closed');

  const log = await readFullLog(store, 1000);
  const verified = verifyChain(log);
  const stats = await store.stats({ now: new Date(now).toISOString() });
  console.log(`\naudit trail: ${log.length} events, hash chain ${verified.ok ? 'verifies' : `BROKEN at ${verified.brokenAt}`}`);
  console.log(`dashboard: ${stats.total} hazards, ${stats.closed} closed (closure rate ${(stats.closureRate * 100).toFixed(0)} %), ${stats.overdue} overdue`);
  store.close();
  if (!verified.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
