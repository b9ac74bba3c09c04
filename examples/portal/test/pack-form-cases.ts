/**
 * One case per pack × premises kind for the form's end-to-end test: a compliant answer set
 * taken from the pack's own scenarios (`checklists/<pack>/tests/*.yaml`) and one changed
 * answer that makes core find a hazard.
 *
 * The compliant set is a scenario of that premises kind that core classifies without a
 * hazard and without an error; a premises kind no scenario covers gets the pack's fullest
 * compliant scenario, its answers kept where they are asked for this kind and the still
 * missing required answers completed with values other compliant scenarios of the pack give
 * them. The changed answer is the first answer (in the pack's order) whose change —
 * yes ↔ no, another option, a value another scenario gives — yields a hazard and no error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkFindings, compilePack, formModel, type FindingValue, type Pack, type ScenarioFile } from '@anjian/core';
import { scenarioInspection } from '@anjian/core/internal';
import { findPackDirs, loadPackFromPath } from '@anjian/core/node';

/** An answer set (fact id → value) with its inspection time. */
export interface Answers {
  inspectedAt?: string;
  findings: Record<string, FindingValue>;
}

/** The form case of one pack and premises kind. */
export interface PackFormCase {
  pack: Pack;
  premises: string;
  /** Where the compliant answers come from (a scenario name, or "completed from …"). */
  source: string;
  compliant: Answers;
  /** The one answer changed, and the hazards (rule ids) core then finds. */
  change: { fact: string; value: FindingValue; rules: string[] };
}

interface Scenario {
  name: string;
  premises?: string;
  inspectedAt?: string;
  findings: Record<string, FindingValue>;
}

const repoRoot = join(import.meta.dirname, '../../..');

function scenariosIn(dir: string): Scenario[] {
  let files: string[];
  try {
    files = readdirSync(join(dir, 'tests'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    return [];
  }
  // a file's `base:` answers count as core counts them (scenarioInspection), so a scenario that
  // only lists what differs from its base is the whole answer set here too
  return files.flatMap((f) => {
    const file = parse(readFileSync(join(dir, 'tests', f), 'utf8')) as (Pick<ScenarioFile, 'base'> & { pack?: string; scenarios?: Scenario[] }) | null;
    return (file?.scenarios ?? []).map((s) => ({ ...s, ...scenarioInspection(file?.pack ?? '', file ?? {}, s) }));
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every pack the portal serves × every premises kind, with its answers. Throws when a kind gets none. */
export async function packFormCases(): Promise<PackFormCase[]> {
  const cases: PackFormCase[] = [];
  for (const dir of await findPackDirs([join(repoRoot, 'checklists'), join(repoRoot, 'examples/packs/demo-kitchen')])) {
    const loaded = await loadPackFromPath(dir);
    if (!loaded.ok) continue;
    const pack = loaded.pack;
    const evaluator = compilePack(pack);
    const scenarios = scenariosIn(dir);
    const judge = (premises: string, a: Answers) => {
      const inspection = { pack: pack.id, premises, ...(a.inspectedAt ? { inspectedAt: a.inspectedAt } : {}), findings: a.findings };
      const issues = checkFindings(pack, inspection).filter((i) => i.severity === 'error');
      return { issues, rules: evaluator.evaluate(inspection).hazards.map((h) => h.rule) };
    };
    // what the form sends: only the answers to questions it asks (to a fixpoint)
    const asSent = (premises: string, a: Answers): Answers => {
      let findings = { ...a.findings };
      for (let round = 0; round < 20; round++) {
        const model = formModel(pack, { premises, inspectedAt: a.inspectedAt, answers: findings });
        const kept = Object.fromEntries(Object.entries(findings).filter(([k, v]) => v !== null && model.questions.find((q) => q.id === k)?.asked));
        if (Object.keys(kept).length === Object.keys(findings).length) break;
        findings = kept;
      }
      return { ...(a.inspectedAt ? { inspectedAt: a.inspectedAt } : {}), findings };
    };
    const compliantAt = (s: Scenario) => {
      if (s.premises === undefined) return false;
      const result = judge(s.premises, asSent(s.premises, s));
      return result.issues.length === 0 && result.rules.length === 0;
    };
    const compliantOnes = scenarios.filter(compliantAt);
    // values the pack's scenarios give each fact, compliant ones first
    const seen = new Map<string, FindingValue[]>();
    for (const s of [...compliantOnes, ...scenarios]) {
      for (const [k, v] of Object.entries(s.findings ?? {})) {
        if (v === null) continue;
        const list = seen.get(k) ?? [];
        if (!list.some((x) => same(x, v))) list.push(v);
        seen.set(k, list);
      }
    }
    for (const { id: premises } of pack.premises) {
      let source: string;
      let compliant: Answers;
      const own = compliantOnes.find((s) => s.premises === premises);
      if (own) {
        source = own.name;
        compliant = asSent(premises, own);
      } else {
        const base = [...compliantOnes].sort((a, b) => Object.keys(b.findings).length - Object.keys(a.findings).length)[0];
        if (!base) throw new Error(`${pack.id}: no compliant scenario to start ${premises} from`);
        source = `completed from “${base.name}”`;
        compliant = asSent(premises, base);
        for (let round = 0; round < 40; round++) {
          compliant = asSent(premises, compliant);
          const model = formModel(pack, { premises, inspectedAt: compliant.inspectedAt, answers: compliant.findings });
          const missing = model.questions.find((q) => q.required && q.answer === undefined);
          if (!missing) break;
          const value = (seen.get(missing.id) ?? []).find((v) => {
            const trial = { ...compliant, findings: { ...compliant.findings, [missing.id]: v } };
            return judge(premises, trial).rules.length === 0 && !judge(premises, trial).issues.some((i) => i.pointer === `/findings/${missing.id}`);
          });
          if (value === undefined) throw new Error(`${pack.id}/${premises}: no compliant value for ${missing.id}`);
          compliant.findings[missing.id] = value;
        }
        compliant = asSent(premises, compliant);
        const left = judge(premises, compliant);
        if (left.issues.length || left.rules.length) throw new Error(`${pack.id}/${premises}: completed answers still have ${JSON.stringify(left)}`);
      }
      const change = findChange(pack, premises, compliant, seen, judge);
      if (!change) throw new Error(`${pack.id}/${premises}: no single changed answer gives a hazard`);
      cases.push({ pack, premises, source, compliant, change });
    }
  }
  return cases;
}

function findChange(
  pack: Pack,
  premises: string,
  compliant: Answers,
  seen: Map<string, FindingValue[]>,
  judge: (premises: string, a: Answers) => { issues: unknown[]; rules: string[] },
): PackFormCase['change'] | undefined {
  // choices first (yes/no, options): the easiest answers to change in a form
  const facts = [...pack.facts].sort((a, b) => Number(b.type === 'boolean' || b.type === 'enum') - Number(a.type === 'boolean' || a.type === 'enum'));
  for (const fact of facts) {
    const current = compliant.findings[fact.id];
    if (current === undefined || fact.type === 'evidence') continue;
    const alternatives: FindingValue[] = fact.type === 'boolean' ? [!current] : fact.type === 'enum' ? (fact.options ?? []).map((o) => o.value) : (seen.get(fact.id) ?? []);
    for (const value of alternatives) {
      if (same(value, current)) continue;
      const result = judge(premises, { ...compliant, findings: { ...compliant.findings, [fact.id]: value } });
      if (result.issues.length === 0 && result.rules.length > 0) return { fact: fact.id, value, rules: result.rules };
    }
  }
  return undefined;
}
