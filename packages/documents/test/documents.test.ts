import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  composeDocument,
  documentIssuer,
  documentKindsFor,
  DOCUMENT_KINDS,
  DOCUMENT_TRIGGERS,
  formatDocumentIssues,
  gatherDocumentData,
  loadOverride,
  loadTemplate,
  NOTICE_SERIES_PREFIXES,
  renderDocumentHtml,
  type ComposedDocument,
  type DocumentKind,
  type GatherInput,
  type LoadedOverride,
} from '../src/index.js';
import { loadBuiltinTemplate, loadBuiltinTemplates } from '../src/node/index.js';
import { createMemoryStore } from '@anjian/core';
import { STRESS } from './stress-data.js';
import { composeAllKinds, eventOf, KIND_SOURCES, onlyServerNumbered, runChain, testDocumentDirectory, TEST_DOCUMENT_ACTORS, TEST_OVERRIDE_YAML, type ChainRun } from './chain-run.js';

const actor = (id: string) => TEST_DOCUMENT_ACTORS.find((a) => a.id === id) as (typeof TEST_DOCUMENT_ACTORS)[number];

let run: ChainRun;
let override: LoadedOverride;
const store = createMemoryStore();

beforeAll(async () => {
  run = await runChain(store);
  const o = loadOverride(TEST_OVERRIDE_YAML, 'd1.yaml');
  if (!o.ok) throw new Error(formatDocumentIssues(o.issues));
  override = o.value;
});

async function gather(kind: DocumentKind, extra: Partial<GatherInput> = {}) {
  const src = KIND_SOURCES[kind];
  const events = run[src.hazard];
  // The case's number (案号) and the notices' are their 文号 in the register; no other document is numbered here.
  const documents = onlyServerNumbered(await store.readDocuments(events[0]!.hazardId));
  const input: GatherInput = { events, eventId: eventOf(events, src.event).id, directory: testDocumentDirectory(), documents, ...extra };
  const data = await gatherDocumentData(input);
  if (!data.ok) throw new Error(formatDocumentIssues(data.issues));
  return data.value;
}

async function compose(kind: DocumentKind, extra: Partial<GatherInput> = {}): Promise<ComposedDocument> {
  const result = composeDocument(loadBuiltinTemplate(kind), await gather(kind, extra), override);
  if (!result.ok) throw new Error(formatDocumentIssues(result.issues));
  return result.value;
}

describe('built-in templates', () => {
  it('every kind has a template that loads against the published schema', () => {
    const all = loadBuiltinTemplates();
    expect([...all.keys()]).toEqual([...DOCUMENT_KINDS]);
    for (const [kind, t] of all) expect(t.template.kind).toBe(kind);
  });
});

describe('event → document table', () => {
  it("every kind is issued by some event, and a real chain run issues exactly the table's kinds", async () => {
    expect(new Set(DOCUMENT_TRIGGERS.map((t) => t.kind))).toEqual(new Set(DOCUMENT_KINDS));
    const issued = new Map<string, string[]>();
    for (const [name, events] of Object.entries(run)) {
      for (const e of events) {
        const data = await gatherDocumentData({ events, eventId: e.id, directory: testDocumentDirectory() });
        if (!data.ok) throw new Error('gather');
        if (data.value.kinds.length > 0) issued.set(`${name}:${e.type}:${e.actor.role}`, data.value.kinds);
      }
    }
    expect(Object.fromEntries(issued)).toEqual({
      'officerHazard:reported:enforcement': ['inspection_record'],
      'officerHazard:notice_issued:enforcement': ['rectification_order'],
      'officerHazard:verified:enforcement': ['review_opinion'],
      'gridHazard:notice_issued:grid': ['rectification_notice'],
      'majorHazard:case_filed:enforcement': ['case_filing_approval'],
      'majorHazard:listed_for_supervision:enforcement': ['supervision_listing_notice'],
      'majorHazard:stop_work_ordered:enforcement': ['stop_work_order'],
      'majorHazard:closed:enforcement': ['major_hazard_writeoff_approval'],
      'majorHazard:penalty_notified:enforcement': ['penalty_notice'],
      'majorHazard:penalty_decided:enforcement': ['penalty_decision'],
    });
  });

  it('documentIssuer: only the grid inspector’s 隐患整改通知书 is not an enforcement document', () => {
    expect(DOCUMENT_KINDS.filter((k) => documentIssuer(k) === 'grid')).toEqual(['rectification_notice']);
    expect(documentIssuer('rectification_order')).toBe('enforcement');
    expect(documentIssuer('penalty_decision')).toBe('enforcement');
  });

  it('closing a general hazard issues no write-off form; a grid verification no review opinion', () => {
    expect(documentKindsFor({ type: 'closed', actor: { id: 'g', role: 'grid' } }, { wasMajor: false, level: 'general' })).toEqual([]);
    expect(documentKindsFor({ type: 'closed', actor: { id: 'o', role: 'enforcement' } }, { wasMajor: true, level: 'general' })).toEqual(['major_hazard_writeoff_approval']);
    expect(documentKindsFor({ type: 'verified', actor: { id: 'g', role: 'grid' } }, { wasMajor: false, level: 'general' })).toEqual([]);
    const two = {
      officers: [
        { id: 'o', certificateNo: 'C1' },
        { id: 'p', certificateNo: 'C2' },
      ],
    };
    expect(documentKindsFor({ type: 'rejected', actor: { id: 'o', role: 'enforcement' }, data: two }, null)).toEqual(['review_opinion']);
    // An officer acting alone records the act; no enforcement document (and no number) comes of it.
    expect(documentKindsFor({ type: 'rejected', actor: { id: 'o', role: 'enforcement' }, data: {} }, null)).toEqual([]);
    expect(documentKindsFor({ type: 'notice_issued', actor: { id: 'o', role: 'enforcement' }, data: {} }, null)).toEqual([]);
    expect(documentKindsFor({ type: 'notice_issued', actor: { id: 'o', role: 'enforcement' }, data: two }, null)).toEqual(['rectification_order']);
  });
});

describe('HTML', () => {
  it.each(DOCUMENT_KINDS.map((k) => [k]))('%s renders from the chain run with every required value', async (kind) => {
    const doc = await compose(kind);
    const html = renderDocumentHtml(doc);
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('测试餐馆一');
    expect(html).toContain('北京市东城区应急管理局');
    const t = loadBuiltinTemplate(kind).template;
    expect(html).toContain(t.title);
    if (t.enforcement) for (const s of ['GAS-D1-0001', 'GAS-D1-0002']) expect(html).toContain(s);
    if (kind !== 'rectification_notice' && kind !== 'case_filing_approval' && kind !== 'review_opinion' && kind !== 'major_hazard_writeoff_approval') {
      expect(html).toContain('东城区和平里北街18号');
    }
    expect(html).not.toMatch(/\{[a-z][A-Za-z]*\}/);
    expect(html).not.toContain('<script');
  });

  it("the order carries finding, basis, deadline in China time, both officers and the reconsideration wording with the jurisdiction's bodies", async () => {
    const html = renderDocumentHtml(await compose('rectification_order'));
    for (const s of [
      '未安装可燃气体报警装置',
      '《城镇燃气管理条例》第十八条',
      '2026年11月11日',
      '张明',
      '李华',
      '王建国',
      '责改〔2026〕1号', // the register's number (this override has no 机关代字); the officer typed none
      '六十日内向北京市东城区人民政府申请行政复议',
      '六个月内依法向北京市东城区人民法院提起行政诉讼',
      '（东城区应急管理局印章）',
    ])
      expect(html).toContain(s);
  });

  it('escapes every value: markup in directory data prints as text', async () => {
    const directory = testDocumentDirectory({ enterprises: [{ id: 'E1', area: 'D1/G1', name: '<img src=x onerror=alert(1)>&"餐馆\'', address: '<b>地址</b>', legalRepresentative: '王' }] });
    const html = renderDocumentHtml(await compose('rectification_order', { directory }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;餐馆&#39;');
  });

  it('the page footer (文号, 第 n 页 共 m 页) is a CSS string that markup in the number cannot leave', async () => {
    const doc = await compose('rectification_order');
    const html = renderDocumentHtml({ ...doc, number: '（东）"应急</style><script>alert(1)</script>\\〔2026〕1号' });
    expect(html).not.toContain('</style><script>');
    expect(html).toContain('@bottom-center { content: "（东）\\22 应急\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\5c 〔2026〕1号　" "第 " counter(page) " 页 共 " counter(pages) " 页"');
    // One row per officer, each with a line to sign on.
    expect(html.match(/<p class="officer">/g)).toHaveLength(2);
    expect(html).toContain('张明</span>（执法证号：<span class="filled">GAS-D1-0001</span>）</span><span class="sign">签名：<span></span></span>');
  });

  it('the jurisdiction override relabels without forking, and a template alone prints placeholders for the bodies', async () => {
    const doc = await compose('rectification_order');
    const table = renderDocumentHtml(doc);
    expect(table).toContain('北京市东城区应急管理局');
    const bare = composeDocument(loadBuiltinTemplate('rectification_order'), await gather('rectification_order'));
    expect(bare.ok && renderDocumentHtml(bare.value)).toContain('（人民政府）申请行政复议');
  });

  it('an override replaces wording for every template or one kind, and retitles a kind, without touching the template', async () => {
    const text = `${TEST_OVERRIDE_YAML}    title: 责令限期整改指令书（燃气）
    wording:
      safety: 整改期间停止使用相关燃气设施。
wording:
  reconsideration: 不服的，可在六十日内向{government}申请复议，或六个月内向{court}起诉。
`;
    const o = loadOverride(text, 'd1.yaml');
    if (!o.ok) throw new Error(formatDocumentIssues(o.issues));
    const template = loadBuiltinTemplate('rectification_order');
    const before = JSON.stringify(template.template);
    const r = composeDocument(template, await gather('rectification_order'), o.value);
    const html = r.ok ? renderDocumentHtml(r.value) : '';
    expect(html).toContain('<h1 class="title">责令限期整改指令书（燃气）</h1>');
    expect(html).toContain('整改期间停止使用相关燃气设施。');
    expect(html).toContain('不服的，可在六十日内向北京市东城区人民政府申请复议，或六个月内向北京市东城区人民法院起诉。');
    expect(html).not.toContain('但本指令不停止执行');
    expect(JSON.stringify(template.template)).toBe(before);
  });

  it('is browser-capable: the entry imports no Node built-ins', () => {
    const files = ['index', 'types', 'issue', 'load-template', 'placeholders', 'validate-schema', 'triggers', 'gather', 'compose', 'render-html', 'numbering', 'verification'];
    for (const f of files) expect(readFileSync(new URL(`../src/${f}.ts`, import.meta.url), 'utf8')).not.toMatch(/from ['"](node:|fs|path|url|crypto)/);
  });
});

describe('what an officer reads before signing', () => {
  const text = (doc: ComposedDocument) =>
    doc.blocks
      .map((b) =>
        b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type === 'table' ? b.rows.map((r) => `${r.label}=${r.value}`).join('|') : b.type === 'signatures' ? b.labels.join('|') : '',
      )
      .join('\n');
  const row = (doc: ComposedDocument, label: string) => doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows : [])).find((r) => r.label === label)?.value;

  it('the grid notice states how the hazard was found, not an alternative to strike out by hand', async () => {
    const doc = await compose('rectification_notice');
    expect(text(doc)).toContain('经查，你单位存在下列事故隐患（隐患来源：网格巡查）：燃气软管超过两年未更换且有老化裂纹。');
    expect(text(doc)).not.toContain('（或你单位自查上报）');
  });

  it('the review opinion names the order it reviews: the allocated 文号, else (an order issued before notices were numbered) the one it recorded', async () => {
    const numbered = await composeAllKinds(createMemoryStore(), { numbered: true });
    expect(row(numbered.get('review_opinion')!, '责令整改文书文号')).toBe('（东）应急责改〔2026〕1号');
    expect(row(await compose('review_opinion'), '责令整改文书文号')).toBe('责改〔2026〕1号');
    const events = run[KIND_SOURCES.review_opinion.hazard].map((e) =>
      e.type === 'notice_issued' ? { ...e, data: { ...e.data, noticeNo: '（东）应急责改〔2026〕12号' } } : e,
    ) as GatherInput['events'];
    expect(row(await compose('review_opinion', { events, documents: [] }), '责令整改文书文号')).toBe('（东）应急责改〔2026〕12号');
    // The series words are the templates' own.
    for (const [kind, prefix] of Object.entries(NOTICE_SERIES_PREFIXES)) expect(loadBuiltinTemplate(kind as DocumentKind).template.numberPrefix).toBe(prefix);
  });

  it('the review opinion lists the evidence the decision rested on: the rectification as submitted and what the reviewer added, with the server’s receipt times', async () => {
    const doc = await compose('review_opinion');
    const submitted = '整改前照片1份、整改后照片2份，2026年11月5日 09:00 收到：fix-photo_before-1、fix-photo_after-1、fix-photo_after-2';
    const added = '复查照片1份、文件1份，2026年11月6日 09:00 收到：review-photo_review-1、review-document-1';
    expect(row(doc, '整改报送材料')).toBe(submitted);
    expect(row(doc, '复查人员所附证据')).toBe(added);
    const html = renderDocumentHtml(doc);
    for (const s of [submitted, added]) expect(html).toContain(s);
    // Derived from the events, not declared: the latest submission's evidence and the verification's own; a review
    // that carried none says so rather than leaving the line out.
    const events = run[KIND_SOURCES.review_opinion.hazard].map((e) => {
      const data = e.data as Record<string, unknown>;
      if (e.type === 'rectification_submitted') return { ...e, data: { ...data, evidence: (data.evidence as { kind: string }[]).filter((x) => x.kind === 'photo_after') } };
      if (e.type === 'verified') return { ...e, data: { ...data, evidence: undefined } };
      return e;
    }) as GatherInput['events'];
    const plain = await compose('review_opinion', { events });
    expect(row(plain, '整改报送材料')).toBe('整改后照片2份，2026年11月5日 09:00 收到：fix-photo_after-1、fix-photo_after-2');
    expect(row(plain, '复查人员所附证据')).toBe('无');
  });

  it('the review opinion’s evidence is bounded, however many uploads: counts per kind, the receipt times, the ids as far as a line holds, and where the whole list is', async () => {
    // Uploads received at different times: the first and the last time, and the hazard's record for each one's.
    const at = (i: number) => new Date(Date.parse('2026-11-05T01:00:00Z') + i * 3_600_000).toISOString();
    const uploads = Array.from({ length: 9 }, (_, i) => ({ id: `ev-${i + 1}`, kind: i < 6 ? 'photo_after' : 'document', receivedAt: at(i % 3) }));
    const events = run[KIND_SOURCES.review_opinion.hazard].map((e) => {
      const data = e.data as Record<string, unknown>;
      const evidence = (data.evidence as Record<string, unknown>[] | undefined) ?? [];
      if (e.type === 'rectification_submitted') return { ...e, data: { ...data, evidence: uploads.map((u, i) => ({ ...evidence[0], ...u, id: `${u.id}-${'x'.repeat(i === 0 ? 1 : 8)}` })) } };
      return e;
    }) as GatherInput['events'];
    const some = row(await compose('review_opinion', { events }), '整改报送材料');
    expect(some).toBe(
      '整改后照片6份、文件3份，2026年11月5日 09:00至2026年11月5日 11:00收到：ev-1-x、ev-2-xxxxxxxx、ev-3-xxxxxxxx、ev-4-xxxxxxxx等9份（另5份未列出；每份的编号和收到时间见隐患H-ALARM的记录）',
    );
    // The most a hazard may hold, ids over 100 characters: counted, none listed (no id is cut).
    const stress = await composeAllKinds(createMemoryStore(), { uploads: STRESS.uploads! });
    const long = stress.get('review_opinion')!;
    expect(row(long, '整改报送材料')).toBe('整改前照片12份、整改后照片12份、文件12份，2026年11月5日 09:00 收到（编号未逐一列出；每份的编号和收到时间见隐患H-ALARM的记录）');
    expect(row(long, '复查人员所附证据')).toBe('复查照片11份、文件11份，2026年11月6日 09:00 收到（编号未逐一列出；每份的编号和收到时间见隐患H-ALARM的记录）');
  });

  it('twelve findings print numbered （1）…；（12）…, not run together', async () => {
    const docs = await composeAllKinds(createMemoryStore(), { numbered: true, ...STRESS });
    const rectification = row(docs.get('rectification_notice')!, '整改要求')!;
    expect(rectification).toMatch(/^（1）在用气场所安装可燃气体泄漏报警装置/);
    expect(rectification).toContain('；（12）对锈蚀管段进行更换');
    expect(text(docs.get('inspection_record')!)).toContain('判定说明：（1）检查发现未安装可燃气体报警装置');
  });

  it("the case filing form's 案件来源 is the report's source, not a blank", async () => {
    expect(row(await compose('case_filing_approval'), '案件来源')).toBe('企业自查上报');
  });

  it('the inspection record has no second 执法人员（签名） line: each officer signs on their own row', async () => {
    const doc = await compose('inspection_record');
    expect(text(doc)).not.toContain('执法人员（签名）');
    expect(doc.blocks.some((b) => b.type === 'officers' && b.officers.length === 2)).toBe(true);
  });
});

describe('refusals: located, bilingual, nothing rendered', () => {
  it('a missing required value (no address in the Directory) points at the field in the template', async () => {
    const directory = testDocumentDirectory({ enterprises: [{ id: 'E1', area: 'D1/G1', name: '测试餐馆一', legalRepresentative: '王建国' }] });
    const result = composeDocument(loadBuiltinTemplate('rectification_order'), await gather('rectification_order', { directory }), override);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'VALUE_MISSING', file: 'templates/rectification-order.yaml', line: 12, pointer: '/fields/address' });
    expect(result.issues[0]?.message['zh-CN']).toContain('请在目录（Directory）中补全企业信息');
    expect(result.issues[0]?.message.en).toContain('required field "address"');
  });

  it('an enforcement document from an event with one officer, or with an officer without 执法证号, is refused', async () => {
    const strip = (officers: unknown) => run.officerHazard.map((e) => (e.type === 'notice_issued' ? ({ ...e, data: { ...e.data, officers } } as typeof e) : e));
    const one = composeDocument(loadBuiltinTemplate('rectification_order'), await gather('rectification_order', { events: strip(undefined) }), override);
    expect(one.ok ? [] : one.issues.map((i) => [i.code, i.pointer])).toEqual([['OFFICERS_REQUIRED', '/enforcement']]);
    // the second officer confirms from his own session with a co-sign code (decision 010)
    expect(one.ok ? [] : [one.issues[0]?.message.en, one.issues[0]?.message['zh-CN']]).toEqual([
      expect.stringContaining('the second officer generates a co-sign code for the act in his own session'),
      expect.stringContaining('在本人账号中为该行为生成确认码'),
    ]);
    const blank = [
      { id: 'officer-gas-d1', certificateNo: '' },
      { id: 'officer2-gas-d1', certificateNo: '' },
    ];
    const directory = testDocumentDirectory({
      actors: [
        { ...actor('officer-gas-d1'), certificateNo: '' },
        { ...actor('officer2-gas-d1'), certificateNo: '' },
      ],
    });
    const noCert = composeDocument(loadBuiltinTemplate('rectification_order'), await gather('rectification_order', { events: strip(blank), directory }), override);
    expect(noCert.ok ? [] : noCert.issues.map((i) => [i.code, i.line])).toEqual([
      ['OFFICER_CERTIFICATE_MISSING', 9],
      ['OFFICER_CERTIFICATE_MISSING', 9],
    ]);
    expect(noCert.ok ? '' : noCert.issues[0]?.message['zh-CN']).toContain('张明');
  });

  it('a case the register did not number has no 案号: the case filing form refuses, no number is made up or typed in', async () => {
    const r = composeDocument(loadBuiltinTemplate('case_filing_approval'), await gather('case_filing_approval', { documents: [] }), override);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.message.en])).toEqual([['VALUE_MISSING', 'required field "caseNo" (案号, source case.number) has no value']]);
  });

  it('certificate numbers recorded in a two-officer event are used even when the directory lacks them', async () => {
    const { certificateNo: _c, ...uncertified } = actor('officer2-gas-d1');
    const directory = testDocumentDirectory({ actors: [uncertified] });
    const r = composeDocument(loadBuiltinTemplate('case_filing_approval'), await gather('case_filing_approval', { directory }), override);
    expect(r.ok && renderDocumentHtml(r.value)).toContain('GAS-D1-0002');
  });

  it('an enterprise the directory lacks, or an officer without a name, is a located refusal, never an id printed', async () => {
    const src = KIND_SOURCES.rectification_order;
    const events = run[src.hazard];
    const eventId = eventOf(events, src.event).id;
    const { name: _n, ...nameless } = actor('officer2-gas-d1');
    const noName = await gatherDocumentData({ events, eventId, directory: testDocumentDirectory({ actors: [nameless] }) });
    expect(noName.ok ? [] : noName.issues.map((i) => [i.code, i.pointer])).toEqual([['OFFICER_UNKNOWN', '/officers/officer2-gas-d1']]);
    const directory = testDocumentDirectory();
    const noEnterprise = await gatherDocumentData({ events, eventId, directory: { ...directory, enterprise: async () => null } });
    expect(noEnterprise.ok ? [] : noEnterprise.issues.map((i) => [i.code, i.pointer])).toEqual([['ENTERPRISE_UNKNOWN', '/enterprise/E1']]);
    expect(noEnterprise.ok ? '' : noEnterprise.issues[0]?.message['zh-CN']).toContain('地址');
  });

  it('a document for an event that does not issue it is refused', async () => {
    const result = composeDocument(loadBuiltinTemplate('stop_work_order'), await gather('case_filing_approval'), override);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['WRONG_DOCUMENT_FOR_EVENT']);
  });

  it('a template that refers to an unknown field, source or wording is refused at load, located', () => {
    const text = readFileSync(new URL('../templates/rectification-order.yaml', import.meta.url), 'utf8');
    const typo = loadTemplate(text.replace("'经查，你单位存在下列问题：{finding}。'", "'经查，你单位存在下列问题：{findng}。'"), 'x.yaml');
    expect(typo.ok ? [] : typo.issues.map((i) => [i.code, i.line, i.pointer])).toEqual([['TEMPLATE_UNKNOWN_FIELD', 22, '/body/1/text']]);
    expect(typo.ok ? '' : typo.issues[0]?.message.en).toContain('did you mean "finding"');
    const source = loadTemplate(text.replace('source: event.deadline', 'source: event.dead_line'), 'x.yaml');
    expect(source.ok ? [] : source.issues.map((i) => [i.code, i.line, i.pointer])).toEqual([['TEMPLATE_SCHEMA', 16, '/fields/deadline/source']]);
    const wording = loadTemplate(text.replace('- wording: safety', '- wording: safty'), 'x.yaml');
    expect(wording.ok ? [] : wording.issues.map((i) => i.code)).toEqual(['TEMPLATE_UNKNOWN_WORDING']);
    const table = loadTemplate(text.replace('  - officers: true\n', '  - table: [enterprise, nope]\n'), 'x.yaml');
    expect(table.ok ? [] : table.issues.map((i) => i.code).sort()).toEqual(['OFFICERS_REQUIRED', 'TEMPLATE_UNKNOWN_FIELD']);
  });

  it("unsafe YAML is refused by core's loader (tags, duplicate keys)", () => {
    const tagged = loadTemplate('format: !!js/function "x"\n', 'x.yaml');
    expect(tagged.ok ? [] : tagged.issues.map((i) => [i.code, i.line])).toEqual([['YAML_INVALID', 1]]);
    const dup = loadTemplate('format: anjian-document/1\nformat: anjian-document/1\n', 'x.yaml');
    expect(dup.ok).toBe(false);
  });

  it('an override relabelling an unknown field, or without the reconsideration bodies, is refused', async () => {
    const bad = loadOverride(TEST_OVERRIDE_YAML.replace('      deadline: 整改完成期限', '      dedline: 整改完成期限'), 'd1.yaml');
    if (!bad.ok) throw new Error('should load');
    const r = composeDocument(loadBuiltinTemplate('rectification_order'), await gather('rectification_order'), bad.value);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.file, i.line])).toEqual([['OVERRIDE_UNKNOWN_LABEL', 'd1.yaml', 11]]);
    const wordingTypo = loadOverride(`${TEST_OVERRIDE_YAML}wording:\n  safety: 请于{dedline}前整改。\n`, 'd1.yaml');
    if (!wordingTypo.ok) throw new Error('should load');
    const w = composeDocument(loadBuiltinTemplate('rectification_order'), await gather('rectification_order'), wordingTypo.value);
    expect(w.ok ? [] : w.issues.map((i) => [i.code, i.file, i.line, i.pointer])).toEqual([['TEMPLATE_UNKNOWN_FIELD', 'd1.yaml', 13, '/wording/safety']]);
    const missing = loadOverride(TEST_OVERRIDE_YAML.replace('  court: 北京市东城区人民法院\n', ''), 'd1.yaml');
    expect(missing.ok ? [] : missing.issues.map((i) => [i.code, i.pointer])).toEqual([['OVERRIDE_SCHEMA', '/reconsideration']]);
  });
});
