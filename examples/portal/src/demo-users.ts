import type { ActorProfile } from '@anjian/core';
import type { PasswordHash } from './password-hash.js';

/** The password of every demo user unless the host chooses others (`ANJIAN_DEMO_PASSWORD`). */
export const DEMO_PASSWORD = 'anjian-demo';

/** A demo login: a profile for the Directory plus what the login page shows. */
export interface DemoUser {
  profile: ActorProfile;
  name: { 'zh-CN': string; en: string };
  /** The person's own name, without role or unit (history lines that already say the role). */
  person?: { 'zh-CN': string; en: string };
  /** The page the user lands on after the demo login. */
  home: 'enterprise' | 'grid' | 'enforcement' | 'dashboard';
}

/**
 * Demo enterprises: id, name, grid area, premises kind (of demo-kitchen; the hotel: of fire), and the
 * regime the directory states for their hazardous-work permits — none of them is a hazardous-chemical
 * enterprise, so each is `general` (confined space under GB 46768-2025).
 */
export const DEMO_ENTERPRISES = [
  { id: 'ent-lvyuan', name: { 'zh-CN': '绿园餐厅', en: 'Lvyuan Restaurant' }, area: 'D1/G1', premises: 'restaurant', regime: 'general' },
  { id: 'ent-hongxing', name: { 'zh-CN': '红星机械厂食堂', en: 'Hongxing Works Canteen' }, area: 'D1/G2', premises: 'canteen', regime: 'general' },
  { id: 'ent-anping', name: { 'zh-CN': '安平火锅店', en: 'Anping Hotpot' }, area: 'D1/G1', premises: 'restaurant', regime: 'general' },
  { id: 'ent-ruyi', name: { 'zh-CN': '如意宾馆', en: 'Ruyi Hotel' }, area: 'D1/G2', premises: 'crowded_place', regime: 'general' },
] as const;

/**
 * The demo's hazardous-chemical enterprise (危险化学品企业, made up): a storage depot whose hot work
 * follows GB 30871-2022 — the directory states its regime `hazchem`. It exists for the permit pages
 * only (it has no self-inspection pack, devices or rounds), so it is not among {@link DEMO_ENTERPRISES};
 * a restaurant's kitchen is not held to the hazardous-chemical rules, and the shipped permit rules
 * have no hot work for a general enterprise.
 */
export const DEMO_HAZCHEM_ENTERPRISE = { id: 'ent-dongfang', name: { 'zh-CN': '东方化工仓储', en: 'Dongfang Chemical Storage' }, area: 'D1/G1', regime: 'hazchem' } as const;

// The district bureau (区应急管理局) also runs the monitoring platform (感知平台): its department covers the
// `sensors` pack's domain, so its officers read device warnings and sensor hazards and can open a case from
// them (非现场执法). Industrial and trade enterprises (工贸) are its to enforce too, so it covers the dust-explosion
// pack's domain (粉尘涉爆, 应急管理部令第10号).
const D1_DOMAINS = ['gas', 'fire', 'confined_space', 'chemicals', 'hazardous_work', 'dust_explosion', 'monitoring'];

/**
 * What the directory registers of each demo enterprise besides its name and area (made up): address
 * and legal representative (法定代表人/主要负责人), which enforcement documents print, and the mobile
 * number its texts go to (they only reach the demo gateway's log). The directory carries them.
 */
export const DEMO_ENTERPRISE_DETAILS: Readonly<Record<string, { address: string; legalRepresentative: string; phone: string }>> = {
  'ent-lvyuan': { address: 'D1区和平里北街18号', legalRepresentative: '周绿园', phone: '13900000001' },
  'ent-hongxing': { address: 'D1区红星路6号', legalRepresentative: '孙红星', phone: '13900000002' },
  'ent-anping': { address: 'D1区安平街21号', legalRepresentative: '吴安平', phone: '13900000003' },
  'ent-ruyi': { address: 'D1区如意胡同3号', legalRepresentative: '郑如意', phone: '13900000004' },
  'ent-dongfang': { address: 'D1区东方路88号', legalRepresentative: '钱东方', phone: '13900000005' },
};

/** The mobile numbers of the demo enterprises' owners who hold a permit role (a permit waiting for approval is texted to them). */
const DEMO_OWNER_PHONES: Readonly<Record<string, string>> = { 'ent-lvyuan': '13900000031' };

/**
 * The demo users: one per enterprise, a grid inspector, three enforcement officers (with made-up
 * 执法证号: enforcement acts need two; the third presides hearings), an admin.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  ...DEMO_ENTERPRISES.map((e): DemoUser => ({
    profile: { id: `owner-${e.id.slice(4)}`, roles: ['enterprise'], enterpriseIds: [e.id], ...(DEMO_OWNER_PHONES[e.id] ? { phone: DEMO_OWNER_PHONES[e.id] } : {}) },
    name: { 'zh-CN': `${e.name['zh-CN']}负责人`, en: `${e.name.en} owner` },
    home: 'enterprise',
  })),
  // Hazardous-work permits (issue 19): people of 绿园餐厅 besides its owner — the safety officer who
  // approves (permit roles in demo-permits.ts) and the attendant (监护人) who confirms being on site.
  {
    profile: { id: 'safety-lvyuan', roles: ['enterprise'], enterpriseIds: ['ent-lvyuan'], phone: '13900000032' },
    name: { 'zh-CN': '绿园餐厅安全员 刘洋', en: 'Lvyuan Restaurant safety officer Liu Yang' },
    person: { 'zh-CN': '刘洋', en: 'Liu Yang' },
    home: 'enterprise',
  },
  {
    profile: { id: 'attendant-lvyuan', roles: ['enterprise'], enterpriseIds: ['ent-lvyuan'] },
    name: { 'zh-CN': '绿园餐厅监护人 马军', en: 'Lvyuan Restaurant attendant Ma Jun' },
    person: { 'zh-CN': '马军', en: 'Ma Jun' },
    home: 'enterprise',
  },
  // Hot work (GB 30871-2022) at 东方化工仓储: its leader, its safety officer and an attendant.
  {
    profile: { id: 'owner-dongfang', roles: ['enterprise'], enterpriseIds: ['ent-dongfang'], phone: '13900000033' },
    name: { 'zh-CN': '东方化工仓储负责人', en: 'Dongfang Chemical Storage owner' },
    home: 'enterprise',
  },
  {
    profile: { id: 'safety-dongfang', roles: ['enterprise'], enterpriseIds: ['ent-dongfang'], phone: '13900000034' },
    name: { 'zh-CN': '东方化工仓储安全员 周涛', en: 'Dongfang Chemical Storage safety officer Zhou Tao' },
    person: { 'zh-CN': '周涛', en: 'Zhou Tao' },
    home: 'enterprise',
  },
  {
    profile: { id: 'attendant-dongfang', roles: ['enterprise'], enterpriseIds: ['ent-dongfang'] },
    name: { 'zh-CN': '东方化工仓储监护人 吴刚', en: 'Dongfang Chemical Storage attendant Wu Gang' },
    person: { 'zh-CN': '吴刚', en: 'Wu Gang' },
    home: 'enterprise',
  },
  {
    profile: { id: 'grid-wang', roles: ['grid'], gridAreas: ['D1/G1', 'D1/G2'], phone: '13900000020' },
    name: { 'zh-CN': '网格员 王芳（D1/G1、D1/G2）', en: 'Grid inspector Wang Fang (D1/G1, D1/G2)' },
    person: { 'zh-CN': '王芳', en: 'Wang Fang' },
    home: 'grid',
  },
  {
    profile: { id: 'officer-li', roles: ['enforcement'], certificateNo: 'D1-ZF-2026-0101', departments: [{ id: 'd1-yjj', domains: D1_DOMAINS, areas: ['D1'] }] },
    name: { 'zh-CN': '执法人员 李强（D1 应急管理局）', en: 'Officer Li Qiang (D1 emergency management)' },
    person: { 'zh-CN': '李强', en: 'Li Qiang' },
    home: 'enforcement',
  },
  {
    profile: { id: 'officer-zhao', roles: ['enforcement'], certificateNo: 'D1-ZF-2026-0102', departments: [{ id: 'd1-yjj', domains: D1_DOMAINS, areas: ['D1'] }] },
    name: { 'zh-CN': '执法人员 赵敏（D1 应急管理局）', en: 'Officer Zhao Min (D1 emergency management)' },
    person: { 'zh-CN': '赵敏', en: 'Zhao Min' },
    home: 'enforcement',
  },
  // A third officer of the bureau who investigates none of the demo's cases: a hearing (听证) is presided by
  // someone who did not investigate (《行政处罚法》第六十四条), so the officers of a notice cannot record it.
  {
    profile: { id: 'officer-sun', roles: ['enforcement'], certificateNo: 'D1-ZF-2026-0103', departments: [{ id: 'd1-yjj', domains: D1_DOMAINS, areas: ['D1'] }] },
    name: { 'zh-CN': '执法人员 孙洁（D1 应急管理局，听证主持）', en: 'Officer Sun Jie (D1 emergency management, hearings)' },
    person: { 'zh-CN': '孙洁', en: 'Sun Jie' },
    home: 'enforcement',
  },
  {
    profile: { id: 'admin-chen', roles: ['department_admin'] },
    name: { 'zh-CN': '部门管理员 陈静', en: 'Department admin Chen Jing' },
    person: { 'zh-CN': '陈静', en: 'Chen Jing' },
    home: 'dashboard',
  },
];

/** A hash of the table below: `salt$key` (base64), made with scrypt N = 2^15, r = 8, p = 1 (the parameters stated here, not read from elsewhere). */
const madeWithN15 = (encoded: string): PasswordHash => {
  const [salt, key] = encoded.split('$') as [string, string];
  return { N: 2 ** 15, r: 8, p: 1, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
};

/**
 * The demo users' hashes of {@link DEMO_PASSWORD} and the decoy hash (of `anjian-demo\u0000decoy`, what an unknown
 * user name is checked against), made once with `SCRYPT_PARAMS` (password-hash.ts) and a random salt each, so a start of the
 * demo does not derive 15 scrypt keys (several seconds of CPU on a small machine; the portal's end-to-end files
 * start it some fifty times per test run). Sign-in verifies them like hashes made at start. They are used only for
 * the default password, which is public anyway: with `ANJIAN_DEMO_PASSWORD` (or a user not in here) the portal
 * hashes at start as before. portal-auth.test.ts checks them against DEMO_USERS and SCRYPT_PARAMS; to make them
 * again: `node -e "const c=require('crypto');for(const id of process.argv.slice(1)){const s=c.randomBytes(16);console.log(id,s.toString('base64')+'$'+c.scryptSync(id==='decoy'?'anjian-demo\0decoy':'anjian-demo',s,32,{N:2**15,r:8,p:1,maxmem:2**26}).toString('base64'))}" decoy owner-lvyuan …`
 */
export const DEMO_PASSWORD_HASHES: { users: Readonly<Record<string, PasswordHash>>; decoy: PasswordHash } = {
  users: Object.fromEntries(
    Object.entries({
      'owner-lvyuan': 'SfuSOlYxdLiQGcLsOuTGjA==$JSrnoR+19Pplc79n/PMv6Xds+6QArzRikv9XsdZCyJI=',
      'owner-hongxing': 'Jikl4soqWMlyS+/DEwAylg==$AXL8Rvx1+7IJcWiyWLSQq5/5bkV181/g7qF2yQTyXpw=',
      'owner-anping': 'tySjM37LXplRrG7S5XylAg==$5Lhm99ATdQddqDxgsI45u7NnHU2cI2QC7iIBwhCmBSU=',
      'owner-ruyi': 'jU6pQiKkCFQLmArBRyPzhA==$SdyMB31fISQdqNTftKPq6/ob1vv0lJk1gX24z0cukt0=',
      'safety-lvyuan': '0QIWjkGsQ9b31OArX7q21Q==$g6pS0SeS1M12tTmX1cQ4vpjJd4/EbIHWazE3x5jIe4k=',
      'attendant-lvyuan': '2s8DvPjH7HjK2HHcfMMcXQ==$qZ8+2XZJBJszPlxQNMSVsag58tnp9nccw9i2YQ1vMEU=',
      'owner-dongfang': '8PCHqGbKBWZqSjFBv7lWCQ==$JxTBcDcRKZ36lcddBLkyGMHaxVHy9MzBiYySrQthiMk=',
      'safety-dongfang': 'Ox/H8QjN54w9qFhhUfgsoQ==$GAYpz8sfezDV4U3+yZgscf5qftHc23K9jvRLjEoPzww=',
      'attendant-dongfang': '17K2M0eW0w81CvUHGFjkGA==$YzhcbAFV4y90SZ+cUT5RiOQ6m8wEeEL3GM3+baOqIpk=',
      'grid-wang': 'txRpnxsxg+tt3pMK2LsUZg==$o5KTE20MVUFl0arptD0woLZAkoDezRFGOmcT32bMw2c=',
      'officer-li': 'vA8AbW9LMHQtS2FHn4rCFQ==$Xsh0fv5W8HRqGQ+Pl1g4pDe3NpAWnn49rvZNIv/IZB0=',
      'officer-zhao': '3CX5mJgeF3bmnwSKidv4Gw==$ajd0TtE3JHLPIdKLacPCJwBvL6EkDJy8NMebc86NevM=',
      'officer-sun': '2iPWhz6q9iiXUmR6lU/Z+g==$fQjaHcmkyTJPYY0oUXnCMbrosNB7OZfIqMCH0ttvfFE=',
      'admin-chen': 'HzEgowBIQlvVvkMAJvPJrA==$SEuA/24FAqux06qs3fDzlgdPLdDESDQ7gtZFOo2f1w0=',
    }).map(([id, encoded]) => [id, madeWithN15(encoded)]),
  ),
  decoy: madeWithN15('aJ542bq9sW+Ljmfl6fIT7A==$31ETSSjJJeOzlvYutDIlF2wXcYSEvcAZDDqD2AsqmXI='),
};

/** The scheduler's actor (due-soon warnings, overdue notices, escalations); not a login. */
export const SYSTEM_ACTOR_ID = 'system-scheduler';

/**
 * The enforcement desk's mobile number (made up; it only reaches the demo gateway's log): escalations go to the
 * district bureau's duty desk (值班), not to a person or an enterprise of the directory — the host's configuration,
 * like the SMS signature. Every other number is the directory's: an enterprise's `phone` in its record
 * ({@link DEMO_ENTERPRISE_DETAILS}), a person's on the profile (the grid inspector's area digest, the holders of
 * 绿园餐厅's and 东方化工仓储's permit roles).
 */
export const DEMO_ENFORCEMENT_DESK_PHONE = '13900000010';

/**
 * 2026 public holidays and make-up working days (调休上班), as published in
 * 《国务院办公厅关于2026年部分节假日安排的通知》 (2025-11-04, Xinhua); `years: [2026]` says so. The
 * 2027 notice is not in here: the demo counts the later years up to next year Mon–Fri by its own
 * declared choice (`demoCalendar` in src/demo-holidays.ts, printed at start), until the host loads a
 * year's notice (here, or in the file ANJIAN_HOLIDAYS_FILE names); with ANJIAN_HOLIDAYS_STRICT=1 a
 * deadline in working days that would reach 2027 is refused with CALENDAR_NOT_COVERED (503).
 */
export const HOLIDAYS_2026 = {
  years: [2026],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
