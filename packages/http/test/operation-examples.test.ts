/**
 * The examples of the OpenAPI document (`src/operation-examples.ts`) are the real answers of
 * one chain run on the test server — the demo-kitchen pack, the fixed clock: an inspection
 * reported by the owner, a notice issued by the grid, an upload, the reads. This test runs that
 * chain and fails when an example is not what core and the API answer now, so an example
 * cannot drift from the code. `UPDATE_OPERATION_EXAMPLES=1 pnpm vitest run
 * packages/http/test/operation-examples.test.ts` writes the answers into the file instead.
 * (The abridged documents — pack schema, OpenAPI — and the document endpoints' examples are
 * not part of the run and stay as written.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { OPERATION_EXAMPLES, type OperationExamples } from '../src/operation-examples.js';
import { createHarness, FILE_BYTES, noAlarmInspection } from './harness.js';

const FILE = fileURLToPath(new URL('../src/operation-examples.ts', import.meta.url));

/** Runs the chain and returns each operation's examples as the API answers them. */
async function realExamples(): Promise<Record<string, OperationExamples>> {
  const h = await createHarness();
  const ok = async (status: number, actor: string, method: string, path: string, options?: Parameters<typeof h.call>[3]) => {
    const r = await h.call(actor, method, path, options);
    if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as unknown;
  };
  const out: Record<string, OperationExamples> = {};
  out.listPacks = { response: await ok(200, 'owner-e1', 'GET', '/packs') };
  out.getPack = { response: await ok(200, 'owner-e1', 'GET', '/packs/demo-kitchen'), parameters: { id: 'demo-kitchen' } };
  const inspection = noAlarmInspection();
  const submitted = (await ok(200, 'owner-e1', 'POST', '/inspections?report=true', { body: inspection, headers: { 'idempotency-key': 'inspection-1' } })) as { reports: { hazardId: string }[] };
  out.submitInspection = { request: inspection, response: submitted };
  const id = submitted.reports[0]!.hazardId;
  const notice = { type: 'issue_notice' };
  out.sendCommand = { request: notice, response: await ok(200, 'grid-g1', 'POST', `/hazards/${id}/commands`, { body: notice, headers: { 'idempotency-key': 'notice-1' } }), parameters: { id } };
  out.listHazards = { response: await ok(200, 'owner-e1', 'GET', '/hazards') };
  out.getHazard = { response: await ok(200, 'owner-e1', 'GET', `/hazards/${id}`), parameters: { id } };
  out.getQueue = { response: await ok(200, 'owner-e1', 'GET', '/queues/enterprise'), parameters: { role: 'enterprise' } };
  out.getStats = { response: await ok(200, 'admin-gas', 'GET', '/stats?groupBy=month') };
  out.getOutbox = { response: await ok(200, 'admin-gas', 'GET', '/outbox') };
  out.verifyAudit = { response: await ok(200, 'admin-gas', 'GET', '/audit/verify') };
  out.getHazardAudit = { response: await ok(200, 'admin-gas', 'GET', `/hazards/${id}/audit`), parameters: { id } };
  const jpeg = { body: FILE_BYTES['image/jpeg'], headers: { 'content-type': 'image/jpeg' } };
  const unbound = (await ok(201, 'owner-e1', 'POST', '/evidence', jpeg)) as { id: string };
  out.uploadEvidence = { response: unbound };
  out.getEvidence = { parameters: { id: unbound.id } };
  const photo = { ...jpeg, body: new Uint8Array([...FILE_BYTES['image/jpeg'], 0x31]) };
  const bound = (await ok(201, 'owner-e1', 'POST', `/hazards/${id}/evidence`, photo)) as { id: string };
  out.uploadHazardEvidence = { response: bound, parameters: { id } };
  // Evidence ids are random (unguessable): the examples show `ev-` and the first 32 hex digits of the file's SHA-256.
  let json = JSON.stringify(out);
  for (const record of [unbound, bound] as { id: string; sha256: string }[]) json = json.replaceAll(record.id, `ev-${record.sha256.slice(0, 32)}`);
  return JSON.parse(json) as Record<string, OperationExamples>;
}

/** Writes the file with `real` in place of those operations' examples, the others kept, in the same order; formats it with the repository's prettier. */
function writeFile(real: Record<string, OperationExamples>): void {
  const text = readFileSync(FILE, 'utf8');
  const head = text.slice(0, text.indexOf('export const OPERATION_EXAMPLES'));
  const all = { ...OPERATION_EXAMPLES, ...real };
  writeFileSync(FILE, `${head}export const OPERATION_EXAMPLES: Readonly<Record<string, OperationExamples>> = ${JSON.stringify(all, null, 2)};\n`);
  execFileSync('pnpm', ['exec', 'prettier', '--write', FILE], { stdio: 'ignore' });
}

it('every example of a chain operation is the answer the API gives on the test server now', async () => {
  const real = await realExamples();
  if (process.env.UPDATE_OPERATION_EXAMPLES === '1') writeFile(real);
  else
    for (const [operationId, examples] of Object.entries(real))
      expect({ operationId, ...OPERATION_EXAMPLES[operationId] }, 'run UPDATE_OPERATION_EXAMPLES=1 pnpm vitest run packages/http/test/operation-examples.test.ts').toEqual({
        operationId,
        ...examples,
      });
});
