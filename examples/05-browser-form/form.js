/* global document, Option -- a page script (bundled by build.mjs for the browser) */
// The page: the form comes from the pack (formModel: which questions are asked for the
// premises and the answers so far), the classification runs in the page (compilePack), and
// checkFindings says what is missing or out of range — the same rules the server applies.
import { checkFindings, compilePack, formModel } from '@anjian/core';
import pack from './dist/pack.json';

const evaluator = compilePack(pack);
const form = document.getElementById('inspection');
const premisesSelect = document.getElementById('premises');
const questions = document.getElementById('questions');
const result = document.getElementById('result');
const answers = {};

for (const p of formModel(pack).premises) premisesSelect.append(new Option(`${p.label['zh-CN']} / ${p.label.en}`, p.id));

/** One form field for one asked question. */
function field(q) {
  const label = document.createElement('label');
  label.dataset.fact = q.id;
  label.append(`${q.label['zh-CN']} / ${q.label.en}${q.required ? ' *' : ''} `);
  let input;
  if (q.type === 'boolean') {
    input = document.createElement('select');
    input.append(new Option('—', ''), new Option('是 / yes', 'true'), new Option('否 / no', 'false'));
    input.value = q.answer === undefined ? '' : String(q.answer);
  } else if (q.type === 'enum') {
    input = document.createElement('select');
    input.append(new Option('—', ''), ...q.options.map((o) => new Option(`${o.label['zh-CN']} / ${o.label.en}`, o.value)));
    input.value = q.answer ?? '';
  } else {
    input = document.createElement('input');
    input.type = q.type === 'number' || q.type === 'count' ? 'number' : q.type === 'date' ? 'date' : 'text';
    if (q.min !== undefined) input.min = String(q.min);
    if (q.max !== undefined) input.max = String(q.max);
    input.value = q.answer === undefined ? '' : String(q.answer);
  }
  input.name = q.id;
  input.dataset.type = q.type;
  label.append(input, q.unit ? ` ${q.unit}` : '');
  return label;
}

function read(input) {
  if (input.value === '') return undefined;
  if (input.dataset.type === 'boolean') return input.value === 'true';
  if (input.dataset.type === 'number' || input.dataset.type === 'count') return Number(input.value);
  return input.value;
}

/** Redraw the questions: answers can bring further questions in or take them away. */
function render() {
  const model = formModel(pack, { premises: premisesSelect.value, answers });
  // Only types this small form can take (multi, datetime and evidence are left to a full UI).
  const shown = model.questions.filter((q) => q.asked && ['boolean', 'enum', 'number', 'count', 'text', 'date'].includes(q.type));
  questions.replaceChildren(...shown.map(field));
}

premisesSelect.addEventListener('change', () => {
  for (const k of Object.keys(answers)) delete answers[k];
  render();
});
questions.addEventListener('change', (event) => {
  const value = read(event.target);
  if (value === undefined) delete answers[event.target.name];
  else answers[event.target.name] = value;
  render();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Only the answers of questions still asked go out.
  const asked = new Set(
    formModel(pack, { premises: premisesSelect.value, answers })
      .questions.filter((q) => q.asked)
      .map((q) => q.id),
  );
  const findings = Object.fromEntries(Object.entries(answers).filter(([k]) => asked.has(k)));
  const inspection = { pack: pack.id, premises: premisesSelect.value, findings };
  const issues = checkFindings(pack, inspection).filter((i) => i.severity === 'error' && i.code !== 'REQUIRED_MISSING');
  const list = document.createElement('ul');
  if (issues.length > 0) {
    list.append(...issues.map((i) => Object.assign(document.createElement('li'), { textContent: `${i.message['zh-CN']} / ${i.message.en}` })));
    result.replaceChildren(list);
    result.dataset.state = 'issues';
    return;
  }
  const { hazards } = evaluator.evaluate(inspection);
  list.append(
    ...hazards.map((h) => {
      const li = document.createElement('li');
      li.dataset.level = h.level;
      li.textContent = `[${h.level}] ${h.title?.['zh-CN'] ?? h.rule ?? h.id}`;
      return li;
    }),
  );
  // A draft may still miss required answers: classify what is answered, and say what is left.
  const missing = formModel(pack, { premises: premisesSelect.value, answers }).counts.requiredMissing;
  const note = document.createElement('p');
  note.textContent = missing === 0 ? '全部必答问题已答 / every required question answered' : `还有 ${missing} 个必答问题未答 / ${missing} required questions unanswered`;
  result.replaceChildren(hazards.length === 0 ? '未发现隐患 / no hazards' : list, note);
  result.dataset.state = 'done';
});

render();
document.body.dataset.ready = '1';
