// UI strings, 中文 by default with an English switch. Data texts (packs, messages) come
// bilingual from the API; `loc` picks the current language.
const STRINGS = {
  'zh-CN': {
    appName: '安检 演示门户', demoBanner: '演示登录：选择一个演示用户即可进入，这不是身份认证方案（任何人都可以扮演任何演示用户）。请勿用于生产。',
    login: '登录', loginTitle: '选择演示用户', logout: '退出', switchLang: 'English',
    enterprise: '企业', grid: '网格员', enforcement: '执法', dashboard: '统计看板',
    myHazards: '本单位待办隐患', selfCheck: '企业自查', pack: '检查表', premises: '场所类型', choose: '请选择',
    yes: '是', no: '否', submitCheck: '提交自查', skipBrowserCheck: '跳过浏览器校验（查看服务器的 422 结果）',
    fixErrors: '请修改标出的错误', noHazards: '未发现隐患', hazardsFound: '发现隐患',
    level: '等级', provisional: '疑似', title: '隐患', explanation: '说明', basis: '依据', status: '状态', deadline: '期限', area: '区域', enterpriseCol: '企业', domain: '领域', actions: '操作', open: '查看',
    simple: '简单隐患（可立即整改）', general: '一般隐患', major: '重大隐患',
    reported: '已上报', rectifying: '整改中', submitted: '已提交整改', verified: '已复核', escalated: '已升级', case_filed: '已立案', accepted: '已验收', closed: '已销号',
    verifyQueue: '待复核（整改已提交）', toClose: '已复核、待销号', majorQueue: '重大隐患与疑似隐患队列',
    verify: '复核通过', reject: '驳回', close: '销号', reason: '理由', note: '备注',
    rectification: '提交整改', photoBefore: '整改前照片', photoAfter: '整改后照片', documents: '文件（如评估报告）', submitRectification: '提交整改材料',
    history: '处理记录', fileCase: '立案', caseNo: '案号', listForSupervision: '挂牌督办', authority: '督办机关', plan: '治理方案', submitPlan: '提交治理方案', accept: '验收', confirmLevel: '确认等级',
    objectives: '目标和任务', measures: '方法和措施', funds: '经费和物资', responsible: '负责机构和人员', milestones: '时限和节点', safety: '安全措施和应急预案', planDeadline: '计划完成日期',
    total: '隐患总数', closedCount: '已销号', overdue: '已逾期', closureRate: '销号率', outbox: '通知发件箱（发送失败）', outboxEmpty: '没有发送失败的通知',
    byLevel: '按等级', byStatus: '按状态', byDomain: '按领域', overTime: '按日新增与销号',
    gas: '燃气', fire: '消防', confined_space: '有限空间', chemicals: '危险化学品', hazardous_work: '危险作业',
    patrol: '巡查检查', spotCheck: '抽查', pass: '合格', fail: '不合格', superseded: '已废止', unverified: '未核实',
    done: '已完成', failed: '失败', empty: '暂无', loading: '加载中…', notSignedIn: '请先登录',
  },
  en: {
    appName: 'anjian demo portal', demoBanner: 'Demo login: pick a demo user to enter. This is NOT an authentication scheme (anyone can act as any demo user). Not for production.',
    login: 'Sign in', loginTitle: 'Pick a demo user', logout: 'Sign out', switchLang: '中文',
    enterprise: 'Enterprise', grid: 'Grid', enforcement: 'Enforcement', dashboard: 'Dashboard',
    myHazards: 'Open hazards of my enterprise', selfCheck: 'Self-inspection', pack: 'Checklist', premises: 'Premises', choose: 'Choose',
    yes: 'Yes', no: 'No', submitCheck: 'Submit self-inspection', skipBrowserCheck: "Skip the browser check (see the server's 422)",
    fixErrors: 'Fix the marked errors', noHazards: 'No hazards found', hazardsFound: 'Hazards found',
    level: 'Level', provisional: 'provisional', title: 'Hazard', explanation: 'Explanation', basis: 'Basis', status: 'Status', deadline: 'Deadline', area: 'Area', enterpriseCol: 'Enterprise', domain: 'Domain', actions: 'Actions', open: 'Open',
    simple: 'Simple', general: 'General', major: 'Major',
    reported: 'reported', rectifying: 'rectifying', submitted: 'submitted', verified: 'verified', escalated: 'escalated', case_filed: 'case filed', accepted: 'accepted', closed: 'closed',
    verifyQueue: 'To verify (rectification submitted)', toClose: 'Verified, to close', majorQueue: 'Major and provisional hazards',
    verify: 'Verify', reject: 'Reject', close: 'Close', reason: 'Reason', note: 'Note',
    rectification: 'Rectification', photoBefore: 'Photos before', photoAfter: 'Photos after', documents: 'Documents (e.g. evaluation report)', submitRectification: 'Submit rectification',
    history: 'History', fileCase: 'File case', caseNo: 'Case no.', listForSupervision: 'List for supervision', authority: 'Authority', plan: 'Treatment plan', submitPlan: 'Submit plan', accept: 'Accept', confirmLevel: 'Confirm level',
    objectives: 'Objectives and tasks', measures: 'Methods and measures', funds: 'Funds and materials', responsible: 'Responsible bodies and people', milestones: 'Time limit and milestones', safety: 'Safety measures and emergency plan', planDeadline: 'Planned completion',
    total: 'Hazards', closedCount: 'Closed', overdue: 'Overdue', closureRate: 'Closure rate', outbox: 'Notification outbox (dead letters)', outboxEmpty: 'No failed notifications',
    byLevel: 'By level', byStatus: 'By status', byDomain: 'By domain', overTime: 'Created and closed per day',
    gas: 'gas', fire: 'fire', confined_space: 'confined spaces', chemicals: 'chemicals', hazardous_work: 'hazardous work',
    patrol: 'Patrol inspection', spotCheck: 'Spot-check', pass: 'pass', fail: 'fail', superseded: 'superseded', unverified: 'unverified',
    done: 'Done', failed: 'Failed', empty: 'None', loading: 'Loading…', notSignedIn: 'Sign in first',
  },
};

export const lang = () => localStorage.getItem('anjian-lang') ?? 'zh-CN';
export const setLang = (l) => localStorage.setItem('anjian-lang', l);
export const t = (key) => STRINGS[lang()][key] ?? key;
/** Picks the current language of a LocalizedText, falling back to 中文. */
export const loc = (text) => (text == null ? '' : typeof text === 'string' ? text : text[lang()] ?? text['zh-CN'] ?? text.en ?? '');
