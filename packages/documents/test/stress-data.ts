// Realistic hard data for the documents: a long enterprise name and address mixing Chinese,
// English and numbers, a report of many findings with long explanations and rectification
// (a table row longer than a page), a finding with many observations, optional fields left
// empty. Shared by this package's and documents-pdf's tests (composeAllKinds(store, STRESS)).
import type { ChainCommand } from '@anjian/core';
import type { ChainRunOptions } from './chain-run.js';

type ReportCommand = Extract<ChainCommand, { type: 'report' }>;

const GAS = {
  regulation: 'gas-regulation',
  clause: '第十八条',
  number: '国务院令第583号',
  edition: '2016',
  title: { 'zh-CN': '城镇燃气管理条例', en: 'Regulation on Urban Gas' },
  status: 'current' as const,
  confidence: 'verified' as const,
};
const GB = {
  regulation: 'gb-50028',
  clause: '第10.8.3条',
  number: 'GB 50028-2006',
  edition: '2020',
  title: { 'zh-CN': '城镇燃气设计规范（GB 50028-2006，2020年版）', en: 'Code for design of city gas engineering' },
  status: 'current' as const,
  confidence: 'verified' as const,
};

const ITEMS: [string, string][] = [
  ['未安装可燃气体报警装置', '在用气场所安装可燃气体泄漏报警装置并与紧急切断阀联动'],
  ['LPG 50kg钢瓶3只存放于地下室B1层', '将液化石油气钢瓶移出地下室，存放于通风良好的地上专用气瓶间'],
  ['燃气软管长度2.5m，超过2m且穿墙敷设', '更换为长度不超过2m的专用燃气软管，穿墙部分改为金属管道并加套管'],
  ['DN25燃气管道无防腐层、锈蚀严重', '对锈蚀管段进行更换并做防腐处理，委托燃气企业检测合格后使用'],
  ['后厨排油烟管道油污积聚厚度约3mm', '委托专业单位清洗排油烟管道，建立每季度清洗制度并留存记录'],
  ['安全出口被货物堵塞（宽度不足0.9m）', '清理安全出口及疏散通道，保持畅通，设置禁止堆放标识'],
  ['灭火器（MFZ/ABC4型）压力不足4具', '更换失效灭火器，建立每月检查记录'],
  ['员工未经燃气安全培训（共12人）', '组织全体员工参加燃气安全培训并考核，建立培训档案'],
];

/** 12 findings: each item above, the first four also with a second observation sentence. */
const findings = Array.from({ length: 12 }, (_, i) => {
  const [title, rectification] = ITEMS[i % ITEMS.length] as [string, string];
  return {
    rule: `gas.rule-${i + 1}`,
    item: `gas.item-${i + 1}`,
    kind: 'rule' as const,
    level: 'general' as const,
    provisional: false,
    party: 'enterprise' as never,
    title: { 'zh-CN': `${title}（第${i + 1}项）`, en: `finding ${i + 1}` },
    basis: [i % 2 ? GB : GAS],
    deadline: { workingDays: 7 },
    observations: Array.from({ length: i === 0 ? 20 : 1 }, (_, k) => ({ fact: `gas.fact-${k}`, operator: 'equal', actual: k % 2 === 0, expected: true })),
    rectification: { 'zh-CN': `${rectification}（第${i + 1}项）` },
    explanation: {
      'zh-CN': `检查发现${title}，不符合《城镇燃气管理条例》和GB 50028-2006的要求，属一般事故隐患（第${i + 1}项，Rule ${i + 1}/12）`,
      en: `finding ${i + 1}`,
    },
  };
});

/** The long enterprise name and address. */
export const STRESS_ENTERPRISE = {
  name: '北京东城和平里国际餐饮管理有限公司第三分公司（Golden Dragon Restaurant & Bar 2号店）',
  address: '北京市东城区和平里街道和平里北街18号院3号楼1至3层101-B室（和平里北街地铁站C2出口东南方向约200米）',
};

/** Options of `composeAllKinds` / `runChain` with the hard data. */
export const STRESS: ChainRunOptions = {
  directory: {
    enterprises: [{ id: 'E1', area: 'D1/G1', ...STRESS_ENTERPRISE, legalRepresentative: '欧阳建国（Jian-Guo OUYANG）', phone: '010-64000000' }],
  },
  reports: {
    alarm: { findings: findings as unknown as ReportCommand['findings'], basis: [GAS, GB] },
    hose: { findings: findings as unknown as ReportCommand['findings'], basis: [GAS, GB], title: { 'zh-CN': '后厨燃气使用存在多项隐患（共12项，详见整改要求）', en: 'many gas hazards' } },
  },
  // A rectification submitted with 36 uploads (12 of each kind) and a review with 22 (11 of each): with the report's photo, the 60 a hazard may
  // hold; ids over 100 characters.
  uploads: { prefix: `E1-2026-${'kitchen-gas-rectification-'.repeat(3)}`, submitted: 12, reviewed: 11 },
};
