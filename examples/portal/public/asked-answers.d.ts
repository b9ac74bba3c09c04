// Types of asked-answers.js for the server's TypeScript (the browser loads asked-answers.js as is).
import type { FindingValue, FormModel, Pack } from '@anjian/core';
import type { FormModelInput } from '@anjian/core/internal';
/** The answers to questions asked under themselves (dropped round after round until the set no longer changes), and the form model of that set. */
export declare function askedAnswers(
  formModel: (pack: Pack, input: FormModelInput) => FormModel,
  pack: Pack,
  context: { premises?: string; inspectedAt?: string },
  all: Record<string, FindingValue>,
): { model: FormModel; answers: Record<string, FindingValue> };
