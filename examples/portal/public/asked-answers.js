// The answers the inspection form sends: those to questions the pack asks under the very answers
// sent. Plain module, no imports (core's formModel is passed in): the form (form.js) and the
// Node tests (test/asked-answers.test.ts) use the same function.

/**
 * Keeps only the answers to questions asked under `formModel(pack, { ...context, answers })`,
 * again and again until the set no longer changes. Each round only drops answers (it filters
 * the previous round's), so it ends — at most one round per answer — with answers that are all
 * asked under themselves: the server asks exactly these (it refuses an answer to a question it
 * does not ask, 422 NOT_APPLICABLE_ANSWER). Questions that exclude each other through `not`
 * (a when not b, b when not a) end with neither of the two answers, never a set that flips
 * between rounds.
 *
 * @param {(pack: unknown, input: object) => { questions: { id: string, asked: boolean }[] }} formModel core's formModel
 * @param {unknown} pack
 * @param {{ premises?: string, inspectedAt?: string }} context
 * @param {Record<string, unknown>} all every answer given on the form, asked or not
 */
export function askedAnswers(formModel, pack, context, all) {
  let answers = all;
  for (;;) {
    const model = formModel(pack, { ...context, answers });
    const asked = new Set(model.questions.filter((q) => q.asked).map((q) => q.id));
    const next = Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id)));
    if (Object.keys(next).length === Object.keys(answers).length) return { model, answers };
    answers = next;
  }
}
