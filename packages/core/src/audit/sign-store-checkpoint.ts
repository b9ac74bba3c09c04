import { createCheckpoint, readCheckpointUnverified } from '../chain/checkpoint.js';
import { isChainError } from '../chain/chain-error.js';
import { GENESIS_HASH } from '../chain/hash-event.js';
import { readFullLog } from '../chain/read-full-log.js';
import { nextLogHead } from '../chain/verify-chain.js';
import type { Signer } from '../ports/signer.js';
import type { Store, StoredCheckpoint, StoredDenial } from '../ports/store.js';
import { denialsExtension, EMPTY_DENIAL_HEAD, nextDenialHead, readDenialsExtension } from './denial-head.js';
import { documentsExtension, EMPTY_DOCUMENTS_HEAD, readDocumentsExtension, readWholeDocumentTrail } from './document-trail-head.js';
import { documentTrailBreak } from './audit-document-trail.js';

/** The default checkpoint origin (the first line of every note). */
export const DEFAULT_CHECKPOINT_ORIGIN = 'anjian/audit-log';

/** Options of {@link signStoreCheckpoint}. */
export interface SignStoreCheckpointOptions {
  /** First line of the note: names the log. Default {@link DEFAULT_CHECKPOINT_ORIGIN}. */
  origin?: string;
  /** Signing time (ISO), from the host's trusted clock. */
  now: string;
}

/** Result of {@link signStoreCheckpoint}. */
export type SignStoreCheckpointResult =
  | { kind: 'signed'; checkpoint: StoredCheckpoint }
  /** Nothing was appended, denied or issued since the latest checkpoint. */
  | { kind: 'unchanged'; checkpoint: StoredCheckpoint }
  /** The log (or the document trail) does not extend the latest checkpoint, or its chain is broken: nothing signed. */
  | { kind: 'refused'; reason: 'CHAIN_BROKEN' | 'NOT_AN_EXTENSION'; message: { 'zh-CN': string; en: string } };

/**
 * Signs a checkpoint of the store's whole log (and of its denial log and document trail, as
 * extension lines) and stores it with `Store.appendCheckpoint`. It refuses — signs nothing — when the
 * chain does not verify or when the log no longer extends the latest stored checkpoint
 * (fewer events, or a different head after the checkpoint's size): a cut or rewritten log
 * is never laundered by a fresh signature. Reads the whole log (O(events)).
 *
 * @example
 * ```ts
 * const r = await signStoreCheckpoint(store, signer, { now: new Date().toISOString() });
 * if (r.kind === 'refused') alert(r.message.en);
 * ```
 */
export async function signStoreCheckpoint(store: Store, signer: Signer, options: SignStoreCheckpointOptions): Promise<SignStoreCheckpointResult> {
  const origin = options.origin ?? DEFAULT_CHECKPOINT_ORIGIN;
  const latest = await store.latestCheckpoint();
  const log = await readFullLog(store);
  const denials = await readAllDenials(store);
  let denialHead = EMPTY_DENIAL_HEAD;
  for (const d of denials) denialHead = nextDenialHead(denialHead, d);
  const trail = await readWholeDocumentTrail(store);
  const trailBreak = documentTrailBreak(trail);
  if (trailBreak) {
    return {
      kind: 'refused',
      reason: 'CHAIN_BROKEN',
      message: {
        'zh-CN': `文书链第 ${trailBreak.seq} 条不完整（${trailBreak.code}）：拒绝签发，请运行 anjian audit verify`,
        en: `the document trail is broken at entry ${trailBreak.seq} (${trailBreak.code}): refusing to sign; run anjian audit verify`,
      },
    };
  }
  const documentsHead = trail[trail.length - 1]?.hash ?? EMPTY_DOCUMENTS_HEAD;

  const previous = latest ? readCheckpointUnverified(latest.text) : null;
  if (latest && previous) {
    let head = GENESIS_HASH;
    for (let i = 0; i < Math.min(previous.size, log.length); i++) head = nextLogHead(head, (log[i] as { hash: string }).hash);
    const signedDenials = readDenialsExtension(previous.extensions);
    const signedDocuments = readDocumentsExtension(previous.extensions);
    const documentsAtSigned = signedDocuments === null ? undefined : signedDocuments.count === 0 ? EMPTY_DOCUMENTS_HEAD : trail[signedDocuments.count - 1]?.hash;
    if (
      log.length < previous.size ||
      head !== previous.head ||
      (signedDenials !== null && denials.length < signedDenials.count) ||
      (signedDocuments !== null && documentsAtSigned !== signedDocuments.head)
    ) {
      return {
        kind: 'refused',
        reason: 'NOT_AN_EXTENSION',
        message: {
          'zh-CN': `日志不再是检查点 #${latest.seq}（${previous.size} 个事件）的延续：拒绝签发，请运行 anjian audit verify`,
          en: `the log no longer extends checkpoint #${latest.seq} (${previous.size} events): refusing to sign; run anjian audit verify`,
        },
      };
    }
    if (
      previous.size === log.length &&
      signedDenials?.count === denials.length &&
      signedDenials.head === denialHead &&
      signedDocuments?.count === trail.length &&
      signedDocuments.head === documentsHead &&
      previous.origin === origin
    ) {
      return { kind: 'unchanged', checkpoint: latest };
    }
  }
  try {
    const { checkpoint, text } = await createCheckpoint(origin, log, signer, { extensions: [denialsExtension(denials.length, denialHead), documentsExtension(trail.length, documentsHead)] });
    const stored = await store.appendCheckpoint({ size: checkpoint.size, head: checkpoint.head, text, createdAt: options.now });
    return { kind: 'signed', checkpoint: stored };
  } catch (error) {
    if (isChainError(error) && error.code === 'INVALID_CHECKPOINT' && /broken/.test(error.message)) {
      return { kind: 'refused', reason: 'CHAIN_BROKEN', message: { 'zh-CN': error.localized['zh-CN'] ?? error.message, en: error.localized.en ?? error.message } };
    }
    throw error;
  }
}

async function readAllDenials(store: Store, pageSize = 5_000): Promise<StoredDenial[]> {
  const out: StoredDenial[] = [];
  for (let from = 1; ;) {
    const page = await store.readDenials(from, pageSize);
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return out;
    from = last.seq + 1;
  }
}
