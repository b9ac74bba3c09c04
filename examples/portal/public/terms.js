// The portal's terminology table: one 中文 term (as the regulations and enforcement practice
// write it) and one English term per concept. The UI (i18n.js), the .xlsx export
// (src/worklist-xlsx.ts) and docs/portal-terms.md all read this table, and
// test/terms.test.ts checks that the docs list exactly these terms.
// Plain data, no imports: Node and the browser both load it.

/** @typedef {{ 'zh-CN': string, en: string, note?: string }} Term */

/** Concept groups, each a map from the code the API uses to its terms. */
export const TERMS = {
  level: {
    simple: { 'zh-CN': '简易隐患', en: 'Simple', note: '可当场整改的轻微问题 / fixable on the spot' },
    general: { 'zh-CN': '一般事故隐患', en: 'General', note: '16号令第三条 / Order 16 art. 3' },
    major: { 'zh-CN': '重大事故隐患', en: 'Major', note: '16号令第三条；行业重大事故隐患判定标准 / sector criteria' },
  },
  status: {
    reported: { 'zh-CN': '已上报', en: 'Reported' },
    rectifying: { 'zh-CN': '整改中', en: 'Rectifying' },
    submitted: { 'zh-CN': '已提交整改', en: 'Rectification submitted' },
    verified: { 'zh-CN': '已复核', en: 'Verified' },
    escalated: { 'zh-CN': '已升级', en: 'Escalated' },
    case_filed: { 'zh-CN': '已立案', en: 'Case filed' },
    accepted: { 'zh-CN': '已验收', en: 'Accepted' },
    closed: { 'zh-CN': '已销号', en: 'Closed' },
  },
  domain: {
    gas: { 'zh-CN': '燃气', en: 'Gas' },
    fire: { 'zh-CN': '消防', en: 'Fire' },
    confined_space: { 'zh-CN': '有限空间', en: 'Confined spaces' },
    chemicals: { 'zh-CN': '危险化学品', en: 'Hazardous chemicals' },
    hazardous_work: { 'zh-CN': '危险作业', en: 'Hazardous work' },
  },
  command: {
    issue_notice: { 'zh-CN': '下达整改通知', en: 'Issue rectification notice', note: '《责令限期整改指令书》' },
    submit_rectification: { 'zh-CN': '提交整改材料', en: 'Submit rectification' },
    verify: { 'zh-CN': '复核通过', en: 'Verify' },
    reject: { 'zh-CN': '驳回', en: 'Reject' },
    close: { 'zh-CN': '销号', en: 'Close', note: '隐患治理闭环 / closing the hazard' },
    spot_check: { 'zh-CN': '抽查', en: 'Spot-check' },
    request_extension: { 'zh-CN': '申请延期', en: 'Request an extension' },
    grant_extension: { 'zh-CN': '批准延期', en: 'Grant extension' },
    deny_extension: { 'zh-CN': '不予延期', en: 'Deny extension' },
    escalate: { 'zh-CN': '升级', en: 'Escalate' },
    reclassify: { 'zh-CN': '调整等级', en: 'Reclassify' },
    confirm_level: { 'zh-CN': '确认等级', en: 'Confirm level' },
    file_case: { 'zh-CN': '立案', en: 'File case' },
    list_for_supervision: { 'zh-CN': '挂牌督办', en: 'List for supervision', note: '16号令第二十条 / Order 16 art. 20' },
    submit_plan: { 'zh-CN': '提交治理方案', en: 'Submit treatment plan', note: '16号令第十五条 / Order 16 art. 15' },
    order_stop_work: { 'zh-CN': '责令停产停业', en: 'Order stop-work' },
    accept: { 'zh-CN': '验收', en: 'Accept', note: '重大事故隐患治理后的评估和验收 / acceptance after treatment' },
    reopen: { 'zh-CN': '重新打开', en: 'Reopen' },
    approve_plan: { 'zh-CN': '批准治理方案', en: 'Approve treatment plan' },
    lift_stop_work: { 'zh-CN': '复产', en: 'Lift stop-work (resume production)', note: '经审查同意恢复生产经营 / production resumes after review' },
    delist: { 'zh-CN': '摘牌', en: 'End the listing', note: '解除挂牌督办 / the supervision listing ends' },
  },
  event: {
    reported: { 'zh-CN': '上报', en: 'Reported' },
    reclassified: { 'zh-CN': '调整等级', en: 'Reclassified' },
    level_confirmed: { 'zh-CN': '确认等级', en: 'Level confirmed' },
    notice_issued: { 'zh-CN': '下达整改通知', en: 'Notice issued' },
    rectification_submitted: { 'zh-CN': '提交整改', en: 'Rectification submitted' },
    verified: { 'zh-CN': '复核通过', en: 'Verified' },
    rejected: { 'zh-CN': '驳回', en: 'Rejected' },
    extension_requested: { 'zh-CN': '申请延期', en: 'Extension requested' },
    extension_granted: { 'zh-CN': '批准延期', en: 'Extension granted' },
    extension_denied: { 'zh-CN': '不予延期', en: 'Extension denied' },
    escalated: { 'zh-CN': '升级', en: 'Escalated' },
    case_filed: { 'zh-CN': '立案', en: 'Case filed' },
    listed_for_supervision: { 'zh-CN': '挂牌督办', en: 'Listed for supervision' },
    plan_submitted: { 'zh-CN': '提交治理方案', en: 'Treatment plan submitted' },
    stop_work_ordered: { 'zh-CN': '责令停产停业', en: 'Stop-work ordered' },
    accepted: { 'zh-CN': '验收', en: 'Accepted' },
    closed: { 'zh-CN': '销号', en: 'Closed' },
    reopened: { 'zh-CN': '重新打开', en: 'Reopened' },
    spot_checked: { 'zh-CN': '抽查', en: 'Spot-checked' },
    due_soon_warned: { 'zh-CN': '临期预警', en: 'Due-soon warning' },
    overdue_noticed: { 'zh-CN': '逾期通知', en: 'Overdue notice' },
    plan_approved: { 'zh-CN': '批准治理方案', en: 'Treatment plan approved' },
    stop_work_lifted: { 'zh-CN': '复产', en: 'Stop-work lifted' },
    delisted: { 'zh-CN': '摘牌', en: 'Listing ended' },
  },
  evidence: {
    photo_before: { 'zh-CN': '整改前照片', en: 'Photos before' },
    photo_after: { 'zh-CN': '整改后照片', en: 'Photos after' },
    document: { 'zh-CN': '文件', en: 'Documents', note: '如评估报告 / e.g. the evaluation report' },
  },
  due: {
    notice: { 'zh-CN': '整改通知规定的期限', en: 'set by the rectification notice' },
    extension: { 'zh-CN': '批准延期后的期限', en: 'after the granted extension' },
    plan: { 'zh-CN': '治理方案的完成日期', en: "the treatment plan's date" },
    report: { 'zh-CN': '自上报起按检查表时限计算（尚未下达整改通知）', en: "the checklist's time limit from the report (no notice yet)" },
  },
  queue: {
    todo: { 'zh-CN': '待我办理', en: 'For me to act on' },
    new: { 'zh-CN': '新上报', en: 'Newly reported' },
    extension: { 'zh-CN': '延期申请', en: 'Extension requests' },
    overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
    open: { 'zh-CN': '全部在办', en: 'All open' },
    closed: { 'zh-CN': '已销号（归档）', en: 'Closed (archive)' },
  },
  role: {
    enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
    grid: { 'zh-CN': '网格员', en: 'Grid inspector' },
    enforcement: { 'zh-CN': '执法人员', en: 'Enforcement officer' },
    department_admin: { 'zh-CN': '部门管理员', en: 'Department admin' },
  },
  // Hazardous-work permits (issue 19): a permit's status and the events of its record.
  permitStatus: {
    applied: { 'zh-CN': '待审批', en: 'Awaiting approval' },
    approved: { 'zh-CN': '已批准', en: 'Approved' },
    in_progress: { 'zh-CN': '作业中', en: 'In progress' },
    suspended: { 'zh-CN': '已暂停', en: 'Suspended', note: '读数不合格、漏记读数或监护人离开 / a failing or missed reading, the attendant gone' },
    expired: { 'zh-CN': '已过期', en: 'Expired' },
    closed: { 'zh-CN': '已关闭', en: 'Closed' },
    cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  },
  permitEvent: {
    applied: { 'zh-CN': '申请', en: 'Applied' },
    approved: { 'zh-CN': '审批', en: 'Approved' },
    gas_tested: { 'zh-CN': '气体分析', en: 'Gas test' },
    started: { 'zh-CN': '开始作业', en: 'Started' },
    reading_recorded: { 'zh-CN': '监测读数', en: 'Reading' },
    attendant_present: { 'zh-CN': '监护人到位', en: 'Attendant present' },
    attendant_absent: { 'zh-CN': '监护人离开', en: 'Attendant left' },
    suspended: { 'zh-CN': '暂停', en: 'Suspended' },
    resumed: { 'zh-CN': '恢复', en: 'Resumed' },
    expired: { 'zh-CN': '过期', en: 'Expired' },
    approval_due: { 'zh-CN': '审批提醒', en: 'Approval due', note: '待审批的许可临近计划开始时间 / still awaiting approval near its planned start' },
    closed: { 'zh-CN': '关闭', en: 'Closed' },
    cancelled: { 'zh-CN': '取消', en: 'Cancelled' },
  },
  other: {
    deadline: { 'zh-CN': '整改期限', en: 'Deadline' },
    provisional: { 'zh-CN': '疑似', en: 'provisional', note: '等级依据已废止或未核实，须执法人员确认 / level to be confirmed' },
    basis: { 'zh-CN': '依据', en: 'Basis' },
    stopWork: { 'zh-CN': '停产停业', en: 'Stop-work' },
    listed: { 'zh-CN': '挂牌督办中', en: 'Listed for supervision' },
    selfInspection: { 'zh-CN': '企业自查', en: 'Self-inspection' },
    patrol: { 'zh-CN': '巡查检查', en: 'Patrol inspection' },
    enforcementInspection: { 'zh-CN': '执法检查', en: 'Enforcement inspection' },
    inspectionRecord: { 'zh-CN': '检查记录', en: 'Inspection record' },
    hazardNo: { 'zh-CN': '隐患编号', en: 'Hazard no.', note: '服务器按上报顺序派生，如 YH-0042 / derived by the server in reporting order' },
    observation: { 'zh-CN': '现场发现隐患', en: 'Observation' },
    plan: { 'zh-CN': '治理方案', en: 'Treatment plan' },
    caseNo: { 'zh-CN': '案号', en: 'Case no.' },
    noticeNo: { 'zh-CN': '通知书编号', en: 'Notice no.' },
  },
};

/** The term of `code` in group `group` in language `lang` ('zh-CN' or 'en'); the code itself when unknown. */
export function term(group, code, lang = 'zh-CN') {
  const entry = TERMS[group]?.[code];
  return entry ? (entry[lang] ?? entry['zh-CN']) : String(code);
}
