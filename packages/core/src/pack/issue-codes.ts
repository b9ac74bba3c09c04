/**
 * Every code a pack loader issue can carry, with its default severity, a bilingual title
 * and the anchor of its entry in `docs/issue-codes.md`. Codes are stable across releases:
 * CI pipelines and editors match on them.
 *
 * @module
 */
import type { IssueSeverity, LocalizedText } from './types.js';
import { docsUrl } from './docs-url.js';

/** Description of one issue code. */
export interface IssueCodeSpec {
  /** Default severity (a call site may lower an `error` to `warning` only where documented). */
  severity: IssueSeverity;
  /** Short title in both languages. */
  title: LocalizedText & { en: string };
  /** What to do about it, in both languages (shown in the docs). */
  fix: LocalizedText & { en: string };
}

const c = (severity: IssueSeverity, zh: string, en: string, fixZh: string, fixEn: string): IssueCodeSpec => Object.freeze({ severity, title: { 'zh-CN': zh, en }, fix: { 'zh-CN': fixZh, en: fixEn } });

/**
 * The code table. Adding a code is fine; renaming or removing one is a breaking change.
 */
export const ISSUE_CODES = Object.freeze({
  // — reading files —
  FILE_NOT_FOUND: c('error', '找不到文件', 'File not found', '检查文件名和路径。', 'Check the file name and path.'),
  FILE_TOO_LARGE: c('error', '文件过大', 'File too large', '把检查表拆成多个文件，用 include 引入。', 'Split the pack into several files and list them under include.'),
  FILE_NOT_UTF8: c(
    'error',
    '文件不是 UTF-8 编码',
    'File is not UTF-8',
    '在编辑器中把文件另存为 UTF-8 编码（记事本的“ANSI”、GBK、GB2312 都不行），再重新检查。',
    'Save the file as UTF-8 in the editor (not Notepad\'s "ANSI", GBK or GB2312), then check again.',
  ),
  PACK_TOO_LARGE: c('error', '检查表文件总量过大', 'Pack too large in total', '减少文件数量或内容。', 'Reduce the number or size of the files.'),
  // — YAML safety (docs/security.md T3–T9) —
  NESTING_TOO_DEEP: c('error', '嵌套层级过深', 'Nesting too deep', '减少缩进层级或方括号/花括号的嵌套。', 'Reduce the indentation levels or bracket nesting.'),
  YAML_SYNTAX: c('error', 'YAML 语法错误', 'YAML syntax error', '按提示的位置修正 YAML 语法（缩进、冒号、引号）。', 'Fix the YAML at the given position (indentation, colons, quotes).'),
  YAML_WARNING: c(
    'error',
    'YAML 警告（按错误处理）',
    'YAML warning (treated as an error)',
    '按提示修改，检查表中不允许有歧义的 YAML。',
    'Change the YAML as the message says; packs allow no ambiguous YAML.',
  ),
  YAML_DIRECTIVE: c('error', '不允许 YAML 指令', 'YAML directives are not allowed', '删除以 % 开头的行（如 %YAML 1.1、%TAG）。', 'Delete the lines starting with % (such as %YAML 1.1 or %TAG).'),
  YAML_TAG: c(
    'error',
    '不允许 YAML 标签',
    'YAML tags are not allowed',
    '删除以 ! 开头的标签（如 !!binary、!exec）；需要文字时用引号。',
    'Remove tags starting with ! (such as !!binary or !exec); quote the text if you need it.',
  ),
  YAML_DUPLICATE_KEY: c('error', '重复的键', 'Duplicate key', '同一层级里每个键只能出现一次，删除或合并重复项。', 'Each key may appear once per level; delete or merge the duplicate.'),
  YAML_MULTIPLE_DOCUMENTS: c(
    'error',
    '一个文件只能有一个文档',
    'Only one document per file',
    '删除文件中间的 --- 分隔行，或把内容拆成多个文件。',
    'Remove the --- separator inside the file, or split it into several files.',
  ),
  FULLWIDTH_QUOTES: c(
    'error',
    '用了中文引号',
    'Chinese quotes used as quotes',
    '把全角引号“”‘’换成半角引号 "…"（只有 zh-CN、en 的文字里可以用中文引号）。',
    'Replace the full-width quotes “” ‘’ with ASCII quotes "…" (Chinese quotes belong only inside zh-CN and en texts).',
  ),
  YAML_MERGE_KEY: c('error', '不允许合并键 <<', 'Merge keys (<<) are not allowed', '把要复用的内容直接写出来。', 'Write the repeated content out in full.'),
  YAML_ALIAS_LIMIT: c('error', '锚点或别名过多', 'Too many anchors or aliases', '少用 & 锚点和 * 别名，直接写出内容。', 'Use fewer & anchors and * aliases; write the content out.'),
  FORBIDDEN_KEY: c('error', '不允许的键名', 'Forbidden key name', '不要使用 __proto__、constructor、prototype 作为键名。', 'Do not use __proto__, constructor or prototype as a key.'),
  NOT_JSON_COMPATIBLE: c('error', '值无法表示为 JSON', 'Value cannot be represented as JSON', '不要使用 .inf、.nan 等特殊值。', 'Do not use special values such as .inf or .nan.'),
  // — JSON Schema —
  SCHEMA_REQUIRED: c('error', '缺少必填项', 'Missing required property', '补上缺少的项。', 'Add the missing property.'),
  SCHEMA_UNKNOWN_PROPERTY: c('error', '未知的项', 'Unknown property', '检查拼写；删除格式中没有的项。', 'Check the spelling; remove properties the format does not define.'),
  SCHEMA_TYPE: c('error', '类型不对', 'Wrong type', '按说明填写正确类型的值；数字样的文字请加引号。', 'Give a value of the right type; quote text that looks like a number.'),
  SCHEMA_ENUM: c('error', '不是允许的取值', 'Not an allowed value', '从允许的取值中选择一个。', 'Pick one of the allowed values.'),
  SCHEMA_PATTERN: c('error', '格式不对', 'Wrong format', '按说明的格式书写（例如编号只用字母、数字、下划线和连字符）。', 'Follow the described format (ids use letters, digits, _ and -).'),
  SCHEMA_LIMIT: c('error', '超出长度或数量限制', 'Length or count limit exceeded', '缩短文字或减少列表项。', 'Shorten the text or list fewer entries.'),
  SCHEMA_SHAPE: c('error', '写法不符合格式', 'Does not match the format', '对照文档中的示例修改。', 'Compare with the examples in the docs.'),
  TEXT_MISSING_ZH_CN: c('error', '缺少中文文本', 'Chinese text missing', '补上 zh-CN 文本。', 'Add the zh-CN text.'),
  TEXT_MISSING_EN: c('warning', '缺少英文文本', 'English text missing', '补上 en 文本，方便双语使用。', 'Add the en text so both languages read well.'),
  TEXT_FOLDED_CHINESE: c(
    'info',
    '中文跨行书写，换行被折叠成空格',
    'Chinese text folded over lines: each break becomes a space',
    '把中文写在一行内（需要时加引号），或在确需换行时改用 |-。',
    'Keep the Chinese on one line (quoted if needed), or use |- where a line break is meant.',
  ),
  // — files and includes —
  INCLUDE_NOT_FOUND: c('error', '引入的文件不存在', 'Included file not found', '检查 include 中的路径。', 'Check the path under include.'),
  INCLUDE_OUTSIDE_PACK: c(
    'error',
    '引入路径超出检查表目录',
    'Include path leaves the pack',
    '只使用检查表目录内的相对路径，不用 ..、/ 开头或盘符。',
    'Use relative paths inside the pack folder; no .., leading / or drive letters.',
  ),
  INCLUDE_CYCLE: c('error', '文件循环引入', 'Include cycle', '去掉形成循环的 include。', 'Remove the include that closes the cycle.'),
  INCLUDE_DUPLICATE: c('error', '文件被重复引入', 'File included twice', '每个文件只引入一次。', 'Include each file once.'),
  INCLUDE_TOO_MANY: c('error', '引入的文件过多', 'Too many included files', '合并部分文件。', 'Merge some of the files.'),
  // — references and ids —
  DUPLICATE_ID: c('error', '编号重复', 'Duplicate id', '为每一项起一个唯一编号。', 'Give each entry a unique id.'),
  UNKNOWN_FACT: c('error', '未声明的事实', 'Unknown fact', '在 facts 中声明该事实，或改正拼写。', 'Declare the fact under facts, or fix the spelling.'),
  UNKNOWN_CONDITION: c('error', '未定义的命名条件', 'Unknown named condition', '在 conditions 中定义它，或改正拼写。', 'Define it under conditions, or fix the spelling.'),
  UNKNOWN_RULE: c('error', '未定义的隐患规则', 'Unknown hazard rule', '引用已存在的隐患规则编号。', 'Name an existing hazard rule id.'),
  UNKNOWN_REGULATION: c('error', '未声明的法规', 'Unknown regulation', '在 regulations 中声明该法规，或改正编号。', 'Declare it under regulations, or fix the id.'),
  UNKNOWN_PREMISES: c('error', '未声明的场所类型', 'Unknown premises kind', '在 premises 中声明，或改正编号。', 'Declare it under premises, or fix the id.'),
  // — conditions (docs/security.md T1, T3) —
  UNKNOWN_OPERATOR: c('error', '未知的运算符', 'Unknown operator', '从文档列出的运算符中选择。', 'Use one of the operators listed in the docs.'),
  OPERATOR_FACT_TYPE: c(
    'error',
    '运算符不适用于该事实类型',
    'Operator does not fit the fact type',
    '换用适合该类型的运算符（如枚举用 equal / in）。',
    'Use an operator made for the type (e.g. equal / in for enums).',
  ),
  VALUE_SHAPE: c(
    'error',
    '比较值的形式不对',
    'Value has the wrong shape',
    '按运算符要求填写（in 用列表，between 用 [最小, 最大]）。',
    'Write what the operator expects (a list for in, [min, max] for between).',
  ),
  VALUE_TYPE: c('error', '比较值的类型与事实不符', 'Value type does not match the fact', '填写与事实类型相同的值。', "Give a value of the fact's type."),
  VALUE_OUT_OF_RANGE: c(
    'error',
    '阈值超出事实的取值范围',
    "Threshold outside the fact's range",
    '让阈值落在事实的 min/max 之内，或调整 min/max。',
    "Keep the threshold within the fact's min/max, or change min/max.",
  ),
  VALUE_NOT_AN_OPTION: c('error', '取值不是该事实的选项', 'Value is not an option of the fact', '使用 options 中列出的 value。', "Use a value listed under the fact's options."),
  VALUE_FACT_TYPE: c('error', '引用的事实类型不兼容', 'Referenced fact has an incompatible type', '引用同类型的事实。', 'Reference a fact of a compatible type.'),
  UNKNOWN_PARAM: c('error', '运算符不接受该参数', 'Operator does not take this parameter', '删除该参数；参见运算符说明。', "Remove the parameter; see the operator's docs."),
  UNSAFE_PATH: c('error', '不安全的 path', 'Unsafe path', 'path 只能写 $.a.b[0] 这样的属性访问，不能有过滤器或脚本。', 'A path may only access properties like $.a.b[0]; no filters or scripts.'),
  CONDITION_CYCLE: c(
    'error',
    '命名条件循环引用',
    'Named conditions form a cycle',
    '打断循环：某个条件不能（间接）引用自己。',
    'Break the cycle: a condition must not refer to itself, even indirectly.',
  ),
  CONDITION_TOO_DEEP: c('error', '条件嵌套过深', 'Condition nested too deeply', '简化条件，或拆成多个隐患规则。', 'Simplify the condition, or split it into several rules.'),
  CONDITION_TOO_LARGE: c('error', '条件过大', 'Condition too large', '减少条件中的比较项。', 'Use fewer comparisons in the condition.'),
  AT_LEAST_TOO_LARGE: c('error', '“至少 N 项”超过列表长度', '"at least N" exceeds the list', '让 atLeast 不大于 of 中的项数。', 'Make atLeast no larger than the number of entries in of.'),
  INVALID_CONDITION: c(
    'error',
    '条件写法有误',
    'Malformed condition',
    '按《检查表编写指南》的条件写法改正：每个节点只能是 all / any / not / atLeast / condition 之一，或含 fact、operator、value 的比较。',
    'Write the condition as the authoring guide shows: each node is one of all / any / not / atLeast / condition, or a comparison with fact, operator and value.',
  ),
  INVALID_PACK: c(
    'error',
    '检查表无法编译',
    'Pack cannot be compiled',
    '按提示改正所指位置；综合判定的 atLeast 须在 1 到 of 的项数之间。',
    "Fix the place shown; a composite's atLeast must be from 1 to the number of entries in of.",
  ),
  // — facts —
  FACT_RANGE_INVALID: c('error', '事实的取值范围无效', 'Invalid fact range', '让 min 不大于 max。', 'Make min no larger than max.'),
  FACT_OPTIONS_MISSING: c('error', '枚举事实缺少选项', 'Enum fact without options', '为 enum / multi 事实列出 options。', 'List options for enum / multi facts.'),
  // — basis and citations —
  MAJOR_WITHOUT_BASIS: c('error', '重大隐患缺少依据', 'Major hazard without basis', '在 basis 中引用判定标准的条款。', 'Cite the clause of a determination standard under basis.'),
  RULE_WITHOUT_BASIS: c(
    'warning',
    '隐患规则没有写依据',
    'Hazard rule without basis',
    '在 basis 中引用它依据的法规条款（regulation 和 clause）；若确实没有条款可依，写 basis: [] 表示有意如此。',
    'Cite the clause it rests on under basis (regulation and clause); if no clause applies on purpose, write basis: [] to say so.',
  ),
  MAJOR_WITHOUT_DETERMINATION: c(
    'warning',
    '重大隐患未引用判定标准',
    'Major hazard cites no determination standard',
    '引用 determination: true 的法规，否则该等级只能作为疑似。',
    'Cite a regulation marked determination: true; otherwise the level is provisional.',
  ),
  CITATION_UNVERIFIED: c('warning', '引用未经核实', 'Unverified citation', '核对原文后把 confidence 改为 verified。', 'Check the original text and set confidence to verified.'),
  CITATION_SUPERSEDED: c('info', '引用的版本已被替代', 'Cited edition is superseded', '核对新版本并更新引用。', 'Check the new edition and update the citation.'),
  EDITION_DATES: c(
    'error',
    '版本日期矛盾',
    'Edition dates contradict each other',
    '让 withdrawn（废止日期）晚于 effective（施行日期），并与 checklists/editions.yaml 一致。',
    'Make withdrawn later than effective, as in checklists/editions.yaml.',
  ),
  PACK_NOT_FOUND: c(
    'error',
    '找不到检查记录所针对的检查表',
    "The inspection's pack is not there",
    '检查 pack 编号，或给出含该检查表的文件夹（--pack / --packs / --from / --to）。',
    'Check the pack id, or give the folder that holds the pack (--pack / --packs / --from / --to).',
  ),
  // — local overlays (tighten only) —
  OVERLAY_INVALID: c(
    'error',
    '覆盖文件写法有误',
    'Malformed overlay',
    '按《检查表编写指南》的“地方覆盖”一节改正：format、id、version、extends、title、issuer，以及 regulations、facts、items、thresholds、levels、deadlines。',
    'Write the overlay as the authoring guide\'s "Local overlays" section shows: format, id, version, extends, title, issuer, then regulations, facts, items, thresholds, levels, deadlines.',
  ),
  OVERLAY_BASE_MISMATCH: c(
    'error',
    '覆盖文件针对的不是这个检查表',
    'Overlay extends another pack',
    '让 extends 等于所覆盖检查表的 id，或换用对应的检查表。',
    'Make extends the id of the pack it tightens, or use it with that pack.',
  ),
  OVERLAY_LOOSENS: c(
    'error',
    '覆盖文件放宽了国家规定',
    'Overlay relaxes a national rule',
    '地方覆盖只能新增检查项、提高等级、收紧阈值、缩短期限；放宽须修改国家检查表本身。',
    'An overlay may only add items, raise levels, tighten thresholds and shorten deadlines; relaxing means changing the national pack itself.',
  ),
  // — inspections (anjian classify, checkFindings, POST /inspections) —
  PREMISES_MISSING: c(
    'error',
    '未填写场所类型',
    'Premises kind missing',
    '在检查记录中填写 premises: 检查表声明的场所类型之一（anjian facts <检查表> 列出）；缺少它时不判定，不会把只适用于部分场所的检查项当作“不适用”。',
    'Add premises: one of the premises kinds the pack declares (anjian facts <pack> lists them); without it nothing is classified, rather than treating premises-limited items as not applicable.',
  ),
  UNKNOWN_KEY: c(
    'error',
    '检查记录含未知字段',
    'Unknown key in the inspection',
    '只写 pack、premises、inspectedAt、source、subject、findings（上报时还有 evidence、fixedOnSpot）；等级和期限由检查表判定，不能在记录中声明。',
    'Write only pack, premises, inspectedAt, source, subject, findings (and evidence, fixedOnSpot when reporting); levels and deadlines come from the pack and cannot be declared.',
  ),
  NOT_APPLICABLE_ANSWER: c(
    'error',
    '回答了本次检查不问的问题',
    'Answer to a question not asked in this inspection',
    '该问题自身的 when 不成立（消息写明是哪个条件、当时的答案）：表单在此不问它，分类不能读它。删去这一答案；若它确实适用，改正决定它是否适用的答案（提示中列出，可能是场所类型 premises 或检查时间 inspectedAt）。这样的检查记录不判定（anjian classify 退出码 1，POST /inspections 返回 422），上报（?report=true）时整份被拒绝，不记录任何内容；只有 anjian test 的场景中它是所在行的警告。',
    "The question's own when does not hold (the message says which condition and what the answers were): the form does not ask it here, and classification must not read it. Remove the answer; if the question does apply, correct the answer that decides it (the hint names it: it may be the premises kind, premises, or the inspection time, inspectedAt). Such an inspection is not classified (anjian classify exits 1, POST /inspections answers 422) and a report (?report=true) is refused whole, nothing recorded; only in anjian test scenarios is it a warning at the answer's line.",
  ),
  UNKNOWN_SOURCE: c(
    'error',
    '无效的来源',
    'Invalid source',
    'source 取 self_check、grid_patrol、enforcement、sensor、permit 之一，或省略。',
    'Set source to one of self_check, grid_patrol, enforcement, sensor, permit, or leave it out.',
  ),
  WRONG_TYPE: c(
    'error',
    '答案或字段的类型不对',
    'Answer or field of the wrong type',
    '按事实类型填写（anjian facts <检查表> 列出类型、单位和选项）：布尔值写 true/false，列表写 [a, b]。',
    "Answer in the fact's type (anjian facts <pack> lists types, units and options): true/false for yes/no, [a, b] for lists.",
  ),
  // — the loader itself —
  INTERNAL_ERROR: c('error', '加载器内部错误', 'Internal loader error', '请报告此问题，并附上检查表。', 'Please report this, with the pack attached.'),
} satisfies Record<string, IssueCodeSpec>);

/** A known issue code. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Base address of the issue-code documentation: `docs/issue-codes.md` under `DOCS_BASE`. */
export const ISSUE_DOCS_BASE: string = docsUrl('issue-codes.md');

/**
 * Link to the documentation of a code (the heading anchor in `docs/issue-codes.md`).
 *
 * @example
 * ```ts
 * issueDocsUrl('YAML_TAG'); // 'https://github.com/anjian-sdk/anjian/blob/main/docs/issue-codes.md#yaml_tag'
 * ```
 */
export function issueDocsUrl(code: IssueCode): string {
  return `${ISSUE_DOCS_BASE}#${code.toLowerCase()}`;
}
