/**
 * docs/outbox.md documents the outbox payload and the webhook body as JSON Schemas: real
 * messages written through the review chain must validate against them, and so must the
 * documented example (issue 22, item 10).
 */
import { readFileSync } from 'node:fs';
import Ajv2020Import from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../testing/chain-fixtures.js';
import { createHarness } from './chain-harness.test-util.js';
import type { WebhookEnvelope } from './outbox-messages.js';
import { toOutboxEnvelope } from '../outbox/to-outbox-envelope.js';

type AjvClass = typeof Ajv2020Import;
const Ajv2020: AjvClass = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import) as AjvClass;

const doc = readFileSync(new URL('../../../../docs/outbox.md', import.meta.url), 'utf8');
/** The JSON block under a `### Schema: …` heading. */
const schemaUnder = (heading: string): Record<string, unknown> => {
  const at = doc.indexOf(`### Schema: ${heading}`);
  const block = /```json\n([\s\S]*?)\n```/.exec(doc.slice(at));
  if (at < 0 || !block) throw new Error(`docs/outbox.md has no schema "${heading}"`);
  return JSON.parse(block[1] as string) as Record<string, unknown>;
};

describe('docs/outbox.md schemas', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(schemaUnder('payload'));
  const envelope = ajv.compile(schemaUnder('webhook body'));

  it('every outbox message of a hazard’s life validates as a webhook body, and the documented example does', async () => {
    const h = createHarness('2026-03-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-OUT'));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-OUT', noticeNo: '责改〔2026〕1号' });
    const messages = await h.store.readOutbox(1, 100);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      const body: WebhookEnvelope = toOutboxEnvelope(m);
      expect(envelope(body), JSON.stringify(envelope.errors)).toBe(true);
    }
    const example = /```json\n(\{ "id"[\s\S]*?)\n```/.exec(doc);
    expect(envelope(JSON.parse(example?.[1] ?? 'null')), JSON.stringify(envelope.errors)).toBe(true);
  });

  it('lists every topic of the schema in the topics section', () => {
    const kinds = ((schemaUnder('webhook body').properties as Record<string, { enum?: string[] }>).kind?.enum ?? []) as string[];
    expect(kinds.length).toBeGreaterThan(20);
    for (const kind of kinds) expect(doc).toContain(`- \`${kind}\``);
  });
});
