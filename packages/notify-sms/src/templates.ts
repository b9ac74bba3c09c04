/**
 * SMS templates in 中文, one per message kind. Placeholders `{name}` are filled from the
 * message's params; a missing param is a configuration error, not an empty string.
 *
 * @module
 */

/** Default templates. A host may override or add kinds. */
export const DEFAULT_SMS_TEMPLATES: Readonly<Record<string, string>> = Object.freeze({
  'hazard.reported': '{enterprise}：检查发现{levelName}“{hazard}”，编号{hazardNo}。',
  'hazard.notice_issued': '{enterprise}：您单位的{levelName}“{hazard}”（编号{hazardNo}）须于{due}前整改完毕并上传整改照片。',
  'hazard.due_soon': '{enterprise}：隐患“{hazard}”（编号{hazardNo}）整改期限{due}即将到期，请尽快整改并提交。',
  'hazard.overdue': '{enterprise}：隐患“{hazard}”（编号{hazardNo}）已超过整改期限{due}，请立即整改，逾期将移交执法处理。',
  'hazard.escalated': '隐患“{hazard}”（编号{hazardNo}，{enterprise}）已逾期未改，已升级至{department}处理。',
  'hazard.rejected': '{enterprise}：隐患“{hazard}”（编号{hazardNo}）的整改未通过复核：{reason}。请于{due}前重新整改。',
  'hazard.closed': '{enterprise}：隐患“{hazard}”（编号{hazardNo}）已销号，感谢配合。',
  'hazard.major_listed': '{enterprise}：重大事故隐患“{hazard}”（编号{hazardNo}）已挂牌督办，请按治理方案整改，期间落实停产停用与防范措施。',
  'hazard.plan_approved': '{enterprise}：重大事故隐患“{hazard}”（编号{hazardNo}）的治理方案已批准，须于{due}前完成治理。',
  'hazard.stop_work_lifted': '{enterprise}：重大事故隐患“{hazard}”（编号{hazardNo}）经审查，停产停业决定已解除，可以恢复生产经营。',
  'hazard.delisted': '{enterprise}：重大事故隐患“{hazard}”（编号{hazardNo}）已销号并解除挂牌督办（摘牌）。',
  // A penalty notice (行政处罚告知书, core's hazard.penalty_notified), sent when it is recorded — before it is served: the periods
  // are stated as running from the party's receipt, in working days (《行政处罚法》第八十五条; core's PENALTY_REPLY_DAYS: 3 to
  // state, 5 to ask for a hearing), never as a date counted from the record (a party served late would be told less time than
  // it has). The hearing right has its own template when the notice carries it.
  'hazard.penalty_notified':
    '{enterprise}：隐患“{hazard}”（编号{hazardNo}）一案，{department}拟依据{article}作出行政处罚，已出具行政处罚告知书。你单位可自收到告知书之日起三个工作日内提出陈述、申辩，逾期视为放弃。',
  'hazard.penalty_notified_hearing':
    '{enterprise}：隐患“{hazard}”（编号{hazardNo}）一案，{department}拟依据{article}作出行政处罚，已出具行政处罚告知书。你单位可自收到告知书之日起三个工作日内提出陈述、申辩；有权要求听证，须自收到告知书之日起五个工作日内提出，逾期视为放弃。',
  // The daily early warning of monitoring (runDailyWarning in @anjian/core): one a day per enterprise.
  'monitoring.daily_warning': '{enterprise}今日安全提醒：{summary}。请及时处理。',
  'monitoring.area_digest': '今日预警汇总：{summary}。请安排核查。',
  // Hazardous-work permits (handlePermitCommand / tickPermits in @anjian/core): a job suspended, a started job past its validity,
  // and (to the approver) a permit still waiting for approval near its planned start ({start}: core's payload.validFromText).
  'permit.approval_due': '{enterprise}：{title}（{permitNo}）计划{start}开始，尚未审批，请审批或取消作业票。',
  'permit.suspended': '{enterprise}：{title}（{permitNo}）已暂停：{reason}。须复测合格、监护人到位方可恢复。',
  'permit.overdue_to_close': '{enterprise}：{title}（{permitNo}）已超过有效期仍未关闭，请立即停止作业并关闭作业票。',
});

/** Chinese names of hazard levels, for `{levelName}`. */
export const LEVEL_NAMES_ZH: Readonly<Record<string, string>> = Object.freeze({
  simple: '简易隐患',
  general: '一般事故隐患',
  major: '重大事故隐患',
});

/** Thrown when a template is missing or a placeholder has no value. */
export class SmsTemplateError extends Error {
  override readonly name = 'SmsTemplateError';
  readonly code = 'SMS_TEMPLATE_INVALID';
}

/**
 * Render the template of `kind` with `params`. `{levelName}` is derived from `params.level`
 * when not given.
 */
export function renderSmsTemplate(templates: Readonly<Record<string, string>>, kind: string, params: Readonly<Record<string, string | number>>): string {
  const template = Object.hasOwn(templates, kind) ? templates[kind] : undefined;
  if (template === undefined) throw new SmsTemplateError(`no SMS template for message kind "${kind}" / 没有消息类型“${kind}”的短信模板`);
  const values: Record<string, string | number> = { ...params };
  if (values.levelName === undefined && typeof params.level === 'string' && Object.hasOwn(LEVEL_NAMES_ZH, params.level)) {
    values.levelName = LEVEL_NAMES_ZH[params.level]!;
  }
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new SmsTemplateError(`SMS template "${kind}" needs the parameter "${name}" / 短信模板“${kind}”缺少参数“${name}”`);
    return String(value);
  });
}
