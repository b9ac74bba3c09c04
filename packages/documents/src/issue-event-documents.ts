import type { DocumentRecord } from '@anjian/core/ports';
import type { DocumentDirectory } from './gather.js';
import { documentIssue } from './issue.js';
import { issueDocument, type IssueDocumentInput } from './issue-document.js';
import type { DocumentIssue, LoadedOverride, LoadedTemplate } from './types.js';

/** Input of {@link issueEventDocuments}. */
export interface IssueEventDocumentsInput {
  store: IssueDocumentInput['store'];
  hazardId: string;
  /** The events of the acting officer's command (as `handleCommand` returned them, also on a replay). */
  eventIds: readonly string[];
  /** The templates the host issues from, one per kind. */
  templates: readonly LoadedTemplate[];
  override: LoadedOverride;
  directory: DocumentDirectory;
  /** The caller's clock (ISO), recorded with each hash. */
  now: string;
  verifyUrl?: string;
}

/** What happened to one number of a command's events. */
export interface EventDocumentOutcome {
  /** The register record: with `contentHash` and `verificationCode` when issued. */
  record: DocumentRecord;
  /** True when the document is issued (now, or by an earlier run of the same command). */
  issued: boolean;
  /** Why it was not issued (located, bilingual); the number stays taken. */
  issues?: DocumentIssue[];
}

/**
 * Issue the documents of a command's events: for each number the store allocated with them
 * (`documentNumbering`), compose the document from the record and register its hash and
 * verification code ({@link issueDocument}). Call it right after `handleCommand` accepted the
 * acting officer's command — also when it was replayed: a number left unissued (a crash after
 * the append, or the directory lacked a required value) is issued by the retry. A number
 * already issued is not composed again. Never throws for bad data: a refusal is an outcome
 * with its issues (the act is recorded, its number taken).
 *
 * @example
 * ```ts
 * const result = await handleCommand(deps, command, actorId);
 * if (!('rejection' in result)) {
 *   const outcomes = await issueEventDocuments({ store, hazardId, eventIds: result.events.map((e) => e.id), templates, override, directory, now });
 * }
 * ```
 */
export async function issueEventDocuments(input: IssueEventDocumentsInput): Promise<EventDocumentOutcome[]> {
  const ids = new Set(input.eventIds);
  const numbers = (await input.store.readDocuments(input.hazardId)).filter((n) => ids.has(n.eventId));
  const outcomes: EventDocumentOutcome[] = [];
  for (const number of numbers) {
    if (number.contentHash !== null) {
      outcomes.push({ record: number, issued: true });
      continue;
    }
    const template = input.templates.find((t) => t.template.kind === number.kind);
    if (!template) {
      outcomes.push({
        record: number,
        issued: false,
        issues: [
          documentIssue('DOCUMENT_NOT_ISSUED', {
            'zh-CN': `本服务没有文书种类「${number.kind}」的模板，文号已分配但无法出具`,
            en: `this server has no template of kind "${number.kind}": the number is taken, the document cannot be issued`,
          }),
        ],
      });
      continue;
    }
    const issued = await issueDocument({
      store: input.store,
      hazardId: input.hazardId,
      eventId: number.eventId,
      template,
      override: input.override,
      directory: input.directory,
      now: input.now,
      ...(input.verifyUrl ? { verifyUrl: input.verifyUrl } : {}),
    });
    outcomes.push(issued.ok ? { record: issued.value.record, issued: true } : { record: number, issued: false, issues: issued.issues });
  }
  return outcomes;
}
