// A test harness whose API issues enforcement documents as D1's bureau does: the built-in
// templates, D1's override (department, 文号 prefix, where to appeal), a document service log, and
// in the chain's own directory what the documents print — the two gas officers' names and the
// enterprise's address and legal representative (without them a notice is not issued).
import { createWorkingDayCalendar, type Calendar } from '@anjian/core';
import { createMemoryDocumentServiceLog } from '@anjian/core/internal';
import { DOCUMENT_KINDS, loadOverride, type LoadedTemplate } from '@anjian/documents';
import { loadBuiltinTemplate } from '@anjian/documents/node';
import type { AnjianApiOptions, DocumentsApiOptions } from '../src/index.js';
import { createHarness, type Harness, type Transport } from './harness.js';

/** D1's document override (北京市东城区应急管理局, 文号 （东）应急). */
const D1_OVERRIDE =
  'format: anjian-document-override/1\njurisdiction: D1\ndepartment: 北京市东城区应急管理局\nnumberPrefix: （东）应急\nreconsideration: { government: 北京市东城区人民政府, court: 北京市东城区人民法院 }\n';

/** The verified basis of a gas hazard an officer reports (城镇燃气管理条例 第十八条). */
export const GAS_BASIS = [
  { regulation: 'gas-regulation', clause: '第十八条', number: '国务院令第583号', edition: '2016', title: { 'zh-CN': '城镇燃气管理条例' }, status: 'current' as const, confidence: 'verified' as const },
];

/** What a host has in December 2026: the State Council's 2026 notice only (2027 not covered). */
export const ONLY_2026: Calendar = createWorkingDayCalendar({
  years: [2026],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-10-10'],
});

/**
 * `createHarness` with documents: `documents` adds to (or replaces) the document options
 * (`renderPdf`, …); `templates` is the array the API reads on each request.
 */
export async function documentsHarness(
  start?: string,
  options: { transport?: Transport; calendar?: Calendar; onError?: AnjianApiOptions['onError']; documents?: Partial<DocumentsApiOptions> } = {},
): Promise<Harness & { templates: LoadedTemplate[] }> {
  const override = loadOverride(D1_OVERRIDE, 'd1.yaml');
  if (!override.ok) throw new Error('override');
  const templates: LoadedTemplate[] = DOCUMENT_KINDS.map((k) => loadBuiltinTemplate(k));
  const d = await createHarness(start, undefined, undefined, options.transport, {
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    documents: { templates, override: override.value, service: createMemoryDocumentServiceLog(), ...options.documents },
  });
  for (const [id, name] of [
    ['officer-gas-d1', '张明'],
    ['officer2-gas-d1', '李华'],
  ] as const)
    d.directory.set({ ...(await d.directory.resolve(id))!, name });
  d.directory.setEnterprise({ ...(await d.directory.enterprise('E1'))!, address: '东城区和平里北街18号', legalRepresentative: '王建国' });
  return Object.assign(d, { templates });
}
