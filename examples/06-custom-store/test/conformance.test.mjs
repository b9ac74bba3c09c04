// The Store conformance suite of @anjian/core/testing on the journal store, under node's own
// test runner (no dependency). The suite takes any runner's describe, it and expect; with
// vitest or jest pass theirs as they are. Here `expect` is a few lines over node:assert.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runDocumentRegisterConformance, runStoreConformance } from '@anjian/core/testing';
import { openJournalStore } from '../journal-store.mjs';

/** vitest's toEqual: deep equality that ignores properties whose value is undefined. */
const defined = (v) =>
  Array.isArray(v)
    ? v.map(defined)
    : v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .map(([k, x]) => [k, defined(x)]),
        )
      : v;

/** The part of vitest's `expect` the conformance suites use, on node:assert. */
function expect(actual) {
  return {
    toBe: (expected) => assert.ok(Object.is(actual, expected), `expected ${String(actual)} to be ${String(expected)}`),
    toEqual: (expected) => assert.deepStrictEqual(defined(actual), defined(expected)),
    toBeNull: () => assert.equal(actual, null),
    toHaveLength: (n) => assert.equal(actual.length, n),
    toBeGreaterThan: (n) => assert.ok(actual > n, `expected ${actual} > ${n}`),
    toBeLessThanOrEqual: (n) => assert.ok(actual <= n, `expected ${actual} <= ${n}`),
    toContain: (item) => assert.ok(actual.includes(item), `expected ${JSON.stringify(actual)} to contain ${JSON.stringify(item)}`),
    toThrow: () => assert.throws(actual),
    rejects: { toThrow: () => assert.rejects(actual) },
    not: {
      toBe: (expected) => assert.ok(!Object.is(actual, expected), `expected ${String(actual)} not to be ${String(expected)}`),
      toBeNull: () => assert.notEqual(actual, null),
      toContain: (item) => assert.ok(!actual.includes(item), `expected ${JSON.stringify(actual)} not to contain ${JSON.stringify(item)}`),
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'anjian-journal-store-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

const options = {
  name: 'journal',
  createStore: () => openJournalStore(join(dir, `store-${++n}.jsonl`)),
  destroyStore: (store) => store.close(),
  describe,
  it: (name, fn, timeout) => it(name, { timeout }, fn),
  expect,
};
runStoreConformance(options);
runDocumentRegisterConformance(options);
