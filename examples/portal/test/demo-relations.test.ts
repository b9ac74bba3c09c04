/**
 * The demo's relations wrap the API's directory to add landlords' tenancies to their profiles:
 * the wrapped directory keeps the given one's methods — it lists what it resolves
 * (`listEnterprises`, which GET /enterprises and the area check push their filter down to),
 * one register with the directory's, a change included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticDirectory } from '@anjian/core';
import { startDemoRelations, type DemoRelations } from '../src/demo-relations.js';

let dataDir: string;
let relations: DemoRelations;
const inner = createStaticDirectory(
  [{ id: 'owner-lvyuan', roles: ['enterprise'], enterpriseIds: ['ent-lvyuan'] }],
  [
    { id: 'ent-lvyuan', name: '绿园餐厅', area: 'D1/G1' },
    { id: 'ent-ruyi', name: '如意宾馆', area: 'D1/G2' },
  ],
);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-relations-'));
  relations = await startDemoRelations({ dataDir, directory: inner, clock: { now: () => new Date('2026-11-30T01:00:00Z') }, packDomain: () => null, enterprises: inner.register() });
});

afterAll(() => {
  relations?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo relations’ directory', () => {
  it('lists the enterprises it resolves, as the directory it wraps, a change included', async () => {
    const list = relations.directory.listEnterprises;
    expect(typeof list).toBe('function');
    expect((await list!({ areas: ['D1/G2'], limit: 10 })).map((e) => e.id)).toEqual(['ent-ruyi']);
    inner.setEnterprise({ id: 'ent-xinfa', name: '鑫发小吃店', area: 'D1/G2' });
    expect((await list!({ areas: ['D1/G2'], limit: 10 })).map((e) => e.id)).toEqual(['ent-ruyi', 'ent-xinfa']);
    expect(await relations.directory.enterprise('ent-xinfa')).toMatchObject({ name: '鑫发小吃店' });
  });

  it('adds a landlord’s tenancies to its profile (resolve is the one method it changes)', async () => {
    const owner = await relations.directory.resolve('owner-lvyuan');
    expect(owner?.id).toBe('owner-lvyuan');
    expect(owner?.tenancies?.length).toBeGreaterThan(0); // the demo's rental: 绿园餐厅 lets a shopfront
  });
});
