// The demo's second half: an example inspection is reported with reportInspection (the pack
// decides level, deadline and basis; the directory the area; the role the source), and two
// of its hazards walk the review chain on the embedded SQLite store — a general hazard from
// notice to closure, a major one through enforcement (always two officers) to acceptance
// and 销号 by different officers. Photos are real uploads in a file evidence store. Then the
// audit trail is verified.
//
//   node scripts/run-ts.mjs scripts/demo/review-chain.ts [data dir]
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compilePack, createStaticDirectory, createWorkingDayCalendar, handleCommand, reportInspection, type ChainCommand, type EvidenceRef, type Inspection, type LocalizedText } from '@anjian/core';
import { readFullLog, verifyChain } from '@anjian/core/audit';
import { parseYamlSafe, type EvidenceKind } from '@anjian/core/internal';
import { createFileEvidenceStore, loadPackFromPath } from '@anjian/core/node';
import { createSqliteStore } from '@anjian/store-sqlite';

const dataDir = process.argv[2] ?? '.data/demo';
const AREA = 'D1/G3';
const ENTERPRISE = 'E-hotpot';
// A gas operator answers for a user defect it did not notify in writing (建城规〔2023〕4号 Art. 9).
const OPERATOR = 'E-gas-supplier';
const reason = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

// Demo people: who may do what is decided by the chain's permission table, not here.
const GAS_D1 = [{ id: 'gas-d1', domains: ['gas'], areas: ['D1'] }];
const directory = createStaticDirectory(
  [
    { id: 'owner', roles: ['enterprise'], enterpriseIds: [ENTERPRISE] },
    { id: 'supplier', roles: ['enterprise'], enterpriseIds: [OPERATOR] },
    { id: 'grid', roles: ['grid'], gridAreas: [AREA] },
    { id: 'officer-a', roles: ['enforcement'], departments: GAS_D1, certificateNo: '燃执证 11010001' },
    { id: 'officer-b', roles: ['enforcement'], departments: GAS_D1, certificateNo: '燃执证 11010002' },
  ],
  [
    { id: ENTERPRISE, name: '某某火锅店', area: AREA },
    { id: OPERATOR, name: '某某燃气公司', area: AREA },
  ],
);
// 2026 official holidays and make-up working days (data a host supplies each year, for the years it lists).
const calendar = createWorkingDayCalendar({
  years: [2026],
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
  const evidence = await createFileEvidenceStore(join(dataDir, 'evidence'));
  const loaded = await loadPackFromPath('checklists/gas');
  if (!loaded.ok) throw new Error('checklists/gas does not load');
  const packs = new Map([[loaded.pack.id, compilePack(loaded.pack)]]);
  const deps = { store, clock, calendar, directory, evidence, packs };
  // A stand-in photo: the upload is what the chain checks (who, which hazard, image type, when received).
  const upload = async (uploaderId: string, hazardId: string | null, kind: EvidenceKind, label: string): Promise<EvidenceRef> => {
    const bytes = new TextEncoder().encode(`${label} ${now}`);
    const record = await evidence.put({ bytes, mime: kind === 'document' ? 'application/pdf' : 'image/jpeg', uploaderId, hazardId, receivedAt: new Date(now).toISOString() });
    return { id: record.id, kind };
  };
  let step = 0;
  const run = async (actor: string, command: ChainCommand, zh: string, en: string) => {
    // The second officer a command names is there and confirms with his own credential.
    const named = (command as { coOfficerId?: unknown }).coOfficerId;
    const result = await handleCommand(deps, command, actor, typeof named === 'string' ? { coSignerId: named } : {});
    if ('rejection' in result) throw new Error(`${command.type}: ${result.rejection.code} ${result.rejection.message.en}`);
    const event = result.events[result.events.length - 1]!;
    console.log(`  ${String(++step).padStart(2)}. ${new Date(now).toISOString().slice(0, 16)}Z  ${actor.padEnd(9)} ${zh} / ${en}  → v${event.version} ${event.type}`);
  };

  const file = 'examples/inspections/gas-basement-hotpot-lpg.yaml';
  const parsed = parseYamlSafe(readFileSync(file, 'utf8'), { file });
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const inspection = parsed.value as Inspection;
  const { hazards } = compilePack(loaded.pack).evaluate(inspection);
  const general = hazards.find((h) => h.level === 'general' && !h.provisional);
  const major = hazards.find((h) => h.level === 'major' && h.party !== 'operator') ?? hazards.find((h) => h.level === 'major');
  if (!general || !major) throw new Error('the example no longer has a general and a major hazard');

  console.log(`\n${file}: ${hazards.length} hazards; the review chain on SQLite (${join(dataDir, 'anjian.db')})`);
  // The inspector photographs the two defects, then reports the inspection: everything else is derived.
  const evidenceByRule = {
    [general.rule]: [await upload('grid', null, 'photo_before', general.rule)],
    [major.rule]: [await upload('grid', null, 'photo_before', major.rule)],
  };
  const reported = await reportInspection(deps, { inspection, packId: loaded.pack.id, enterpriseId: ENTERPRISE, evidence: evidenceByRule, key: 'demo-inspection-1' }, 'grid');
  if (!reported.ok) throw new Error(`the inspection was refused: ${reported.issues.map((i) => i.message.en).join('; ')}`);
  const refused = reported.reports.filter((r) => !r.ok);
  if (refused.length > 0) throw new Error(`reports refused: ${refused.map((r) => `${r.rule} ${r.rejection?.code}`).join(', ')}`);
  console.log(`  reportInspection: ${reported.reports.length} hazards reported (level, deadline and basis from the pack; area ${AREA} from the directory; source grid_patrol from the role)`);
  const hazardOf = (rule: string) => reported.reports.find((r) => r.rule === rule)?.hazardId as string;
  const photos = async (uploaderId: string, id: string, after: number, document = false): Promise<EvidenceRef[]> => [
    await upload(uploaderId, id, 'photo_before', `${id} before`),
    ...(await Promise.all(Array.from({ length: after }, (_, i) => upload(uploaderId, id, 'photo_after', `${id} after ${i + 1}`)))),
    ...(document ? [await upload(uploaderId, id, 'document', `${id} evaluation`)] : []),
  ];

  const g = hazardOf(general.rule);
  console.log(`\n${g}  一般事故隐患 / general: ${general.title['zh-CN']} / ${general.title.en}`);
  await run('grid', { type: 'issue_notice', commandId: `${g}:notice`, hazardId: g }, '下达整改通知（按工作日计算期限）', 'rectification notice, deadline in working days');
  later(72);
  await run('owner', { type: 'submit_rectification', commandId: `${g}:submit`, hazardId: g, evidence: await photos('owner', g, 2) }, '企业提交整改照片', 'enterprise submits photos of the fix');
  later(24);
  await run('grid', { type: 'verify', commandId: `${g}:verify`, hazardId: g }, '网格员复核通过', 'grid inspector verifies');
  await run('grid', { type: 'close', commandId: `${g}:close`, hazardId: g }, '销号', 'closed');

  const m = hazardOf(major.rule);
  step = 0;
  // The inspection was of the restaurant: it answers for its hazards (the party is shown).
  const answerable = 'owner';
  console.log(`\n${m}  重大事故隐患 / major${major.provisional ? ' (疑似 / provisional)' : ''}, party ${major.party}: ${major.title['zh-CN']} / ${major.title.en}`);
  const b = { coOfficerId: 'officer-b' };
  if (major.provisional) {
    await run(
      'officer-a',
      { type: 'confirm_level', commandId: `${m}:confirm`, hazardId: m, level: 'major', reason: reason('集体研判确认', 'confirmed by collective review') },
      '执法人员确认等级',
      'officer confirms the level',
    );
  }
  await run('officer-a', { type: 'file_case', commandId: `${m}:case`, hazardId: m, ...b }, '立案（两名执法人员）', 'case filed (two officers)');
  await run(
    'officer-a',
    { type: 'list_for_supervision', commandId: `${m}:listed`, hazardId: m, authority: reason('区安委会办公室', 'district safety committee office'), ...b },
    '挂牌督办',
    'listed for supervision',
  );
  await run(
    'officer-a',
    { type: 'order_stop_work', commandId: `${m}:stop`, hazardId: m, scope: 'partial', reason: reason('停止使用液化气', 'LPG use stopped'), ...b },
    '责令局部停止使用',
    'partial stop-work ordered',
  );
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
  await run('officer-a', { type: 'approve_plan', commandId: `${m}:approve`, hazardId: m }, '执法人员批准方案（方案时限成为整改期限）', 'officer approves the plan (its date becomes the deadline)');
  later(15 * 24);
  await run(
    answerable,
    { type: 'submit_rectification', commandId: `${m}:submit`, hazardId: m, evidence: await photos(answerable, m, 3, true) },
    '企业提交整改材料与评估报告',
    'enterprise submits evidence and the evaluation report',
  );
  later(72);
  await run('officer-a', { type: 'accept', commandId: `${m}:accept`, hazardId: m, note: reason('现场验收合格', 'accepted on site'), ...b }, '执法人员现场验收', 'officers accept on site');
  await run(
    'officer-b',
    { type: 'close', commandId: `${m}:close`, hazardId: m, note: reason('销号', 'written off'), coOfficerId: 'officer-a' },
    '销号（非验收人）',
    'closed (not by the accepting officer)',
  );
  await run(
    'officer-a',
    { type: 'lift_stop_work', commandId: `${m}:resume`, hazardId: m, note: reason('经审查同意恢复生产经营', 'production may resume after review'), ...b },
    '复产（两名执法人员）',
    'stop-work lifted (two officers)',
  );
  await run('officer-a', { type: 'delist', commandId: `${m}:delist`, hazardId: m, note: reason('隐患已销号，解除挂牌督办', 'written off; listing ended'), ...b }, '摘牌', 'listing ended');

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
