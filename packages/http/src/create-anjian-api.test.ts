import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStaticDirectory, type Store } from '@anjian/core';
import { TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { createAnjianApi } from './create-anjian-api.js';

const directory = createStaticDirectory([{ id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] }]);

describe('createAnjianApi', () => {
  it('without basePath serves at the root, and /api paths are 404 problems', async () => {
    const api = createAnjianApi({ store: createMemoryStore(), directory, calendar: TEST_CALENDAR_2026, packs: [], authenticate: async () => 'grid-g1' });
    expect((await api.fetch(new Request('http://x/packs'))).status).toBe(200);
    const r = await api.fetch(new Request('http://x/api/packs'));
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(Object.keys(api.openapi.paths as object)).toContain('/hazards/{id}/commands');
  });

  it("every answer's Date header is the API's clock (a page weighing time reads the server's now from it)", async () => {
    const clock = { now: () => new Date('2027-03-04T05:06:07.890Z') };
    const api = createAnjianApi({ store: createMemoryStore(), directory, calendar: TEST_CALENDAR_2026, packs: [], clock, authenticate: async () => 'grid-g1' });
    for (const path of ['/packs', '/hazards', '/no-such-route']) {
      expect((await api.fetch(new Request(`http://x${path}`))).headers.get('date'), path).toBe('Thu, 04 Mar 2027 05:06:07 GMT');
    }
  });

  it('a basePath prefixes routes and the OpenAPI paths (a trailing slash is ignored)', async () => {
    const api = createAnjianApi({ store: createMemoryStore(), directory, calendar: TEST_CALENDAR_2026, packs: [], basePath: '/v1/', authenticate: async () => 'grid-g1' });
    expect((await api.fetch(new Request('http://x/v1/packs'))).status).toBe(200);
    expect((await api.fetch(new Request('http://x/packs'))).status).toBe(404);
    expect(Object.keys(api.openapi.paths as object)).toContain('/v1/hazards');
  });

  it('a failing port is a 500 INTERNAL problem that does not leak the error', async () => {
    const store = { ...createMemoryStore(), query: async () => Promise.reject(new Error('password=hunter2 connection refused')) } as Store;
    const api = createAnjianApi({ store, directory, calendar: TEST_CALENDAR_2026, packs: [], logger: false, authenticate: async () => 'grid-g1' });
    const r = await api.fetch(new Request('http://x/hazards', { headers: { 'accept-language': 'en' } }));
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toEqual({
      type: 'urn:anjian:problem:internal',
      title: 'Server error',
      status: 500,
      detail: 'internal server error',
      code: 'INTERNAL',
      instance: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
    });
  });

  it('an authChallenge that is not a WWW-Authenticate challenge is a TypeError at creation, not a broken 401 later', () => {
    const create = (authChallenge: string) => () => createAnjianApi({ store: createMemoryStore(), directory, calendar: TEST_CALENDAR_2026, packs: [], authChallenge, authenticate: async () => null });
    for (const bad of ['', ' Bearer', 'Bearer ', 'Bearer realm="a"\r\nSet-Cookie: x=1', 'Bearer realm="安检"', '"Bearer"']) {
      expect(create(bad), JSON.stringify(bad)).toThrow(TypeError);
    }
    expect(create('Negotiate')).not.toThrow();
    expect(create('Bearer realm="a", Basic realm="b"')).not.toThrow();
  });

  it('authenticate is not called on public routes, and its failure is a 500 on protected ones', async () => {
    let calls = 0;
    const api = createAnjianApi({
      store: createMemoryStore(),
      directory,
      calendar: TEST_CALENDAR_2026,
      packs: [],
      logger: false,
      authenticate: async () => {
        calls++;
        throw new Error('identity provider down');
      },
    });
    expect((await api.fetch(new Request('http://x/openapi.json'))).status).toBe(200);
    expect(calls).toBe(0);
    expect((await api.fetch(new Request('http://x/stats'))).status).toBe(500);
    expect(calls).toBe(1);
  });
});
