import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runNotifierConformance, type NotifierTestReceiver } from '@anjian/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleNotifier, createSmsNotifier, DEFAULT_SMS_TEMPLATES, normalizeMainlandPhone, renderSmsTemplate, SmsConfigError, SmsTemplateError } from '../src/index.js';

describe('normalizeMainlandPhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(+86) 199.1234.5678', '19912345678'],
  ])('accepts %s', (input, expected) => expect(normalizeMainlandPhone(input)).toBe(expected));

  it.each(['010-12345678', '12800138000', '1380013800', '138001380000', '+1 415 555 0100', '', 'abc'])('rejects %s', (input) => expect(normalizeMainlandPhone(input)).toBeNull());

  it('returns only 11-digit mobile numbers for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = normalizeMainlandPhone(s);
        return out === null || /^1[3-9]\d{9}$/.test(out);
      }),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});

const params = { enterprise: '某某餐饮店', hazard: '未安装可燃气体报警器', hazardNo: 'YH-2026-0001', due: '2026年12月8日', level: 'general' };

describe('templates', () => {
  it('renders every default template with a complete parameter set, in 中文', () => {
    const full = {
      ...params,
      department: '市应急管理局执法支队',
      reason: '照片未显示报警器',
      summary: '报警设备1台',
      title: '一级动火作业',
      permitNo: 'XK-3F9A2C',
      start: '2026-12-07 18:00',
      // (a penalty notice's texts need no date: they state the periods from receipt)
      article: '《中华人民共和国安全生产法》第一百零二条',
    };
    for (const kind of Object.keys(DEFAULT_SMS_TEMPLATES)) {
      const text = renderSmsTemplate(DEFAULT_SMS_TEMPLATES, kind, full);
      expect(text).not.toMatch(/[{}]/);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(renderSmsTemplate(DEFAULT_SMS_TEMPLATES, 'hazard.notice_issued', params)).toContain('一般事故隐患');
  });

  it('refuses a missing parameter or an unknown kind instead of sending a broken text', () => {
    expect(() => renderSmsTemplate(DEFAULT_SMS_TEMPLATES, 'hazard.overdue', { enterprise: 'x' })).toThrow(SmsTemplateError);
    expect(() => renderSmsTemplate(DEFAULT_SMS_TEMPLATES, 'nope', params)).toThrow(/no SMS template/);
    expect(() => renderSmsTemplate(DEFAULT_SMS_TEMPLATES, 'constructor', params)).toThrow(/no SMS template/);
  });
});

let server: Server;
let endpoint = '';
const got: Array<{ headers: Record<string, unknown>; body: string }> = [];
let answer = { status: 200, body: '{"code":0}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const mapping = {
  toRequest: ({ phone, text, idempotencyKey }: { phone: string; text: string; idempotencyKey: string }) => ({
    headers: { 'content-type': 'application/json', 'x-request-id': idempotencyKey },
    body: JSON.stringify({ mobile: phone, content: text }),
  }),
  parseResponse: (status: number, body: string) => {
    const code = status === 200 ? (JSON.parse(body) as { code: number }).code : -1;
    if (code === 0) return { ok: true as const, status };
    return { ok: false as const, status, retryable: code !== 40001, error: `gateway code ${code}` };
  },
};

describe('createSmsNotifier against an HTTP gateway', () => {
  it('sends the signed text to the normalised number with the outbox id as request id', async () => {
    got.length = 0;
    answer = { status: 200, body: '{"code":0}' };
    const sms = createSmsNotifier({ endpoint, signature: '某市应急管理局', ...mapping });
    const result = await sms.deliver({ id: 'outbox-9', kind: 'hazard.overdue', to: '+86 138 0013 8000', params });
    expect(result.ok).toBe(true);
    const sent = JSON.parse(got[0]!.body) as { mobile: string; content: string };
    expect(sent.mobile).toBe('13800138000');
    expect(sent.content.startsWith('【某市应急管理局】某某餐饮店：隐患“未安装可燃气体报警器”')).toBe(true);
    expect(got[0]!.headers['x-request-id']).toBe('outbox-9');
  });

  it('maps provider answers through parseResponse: permanent vs retryable', async () => {
    const sms = createSmsNotifier({ endpoint, signature: '测试', ...mapping });
    answer = { status: 200, body: '{"code":40001}' };
    expect(await sms.deliver({ id: '1', kind: 'hazard.closed', to: '13800138000', params })).toMatchObject({ ok: false, retryable: false });
    answer = { status: 503, body: '' };
    expect(await sms.deliver({ id: '1', kind: 'hazard.closed', to: '13800138000', params })).toMatchObject({ ok: false, retryable: true });
  });

  it('reads at most 64 KiB of the gateway answer: a gateway streaming 64 MB is cut off and the message fails permanently, in both languages', async () => {
    // Found by attacking the relay: the answer was read with text(), whole — a gateway answering 1.5 GB would
    // grow the sending process by as much (the webhook notifier grew by 1.6 GB the same way).
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let closed: () => void = () => undefined;
    const cut = new Promise<void>((resolve) => (closed = resolve));
    const huge = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => closed());
      const pump = () => {
        while (written < 64 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve));
    try {
      const sms = createSmsNotifier({ endpoint: `http://127.0.0.1:${(huge.address() as AddressInfo).port}/send`, signature: '测试', ...mapping });
      const result = await sms.deliver({ id: 'outbox-huge', kind: 'hazard.closed', to: '13800138000', params });
      expect(result).toMatchObject({ ok: false, retryable: false, status: 200 });
      expect(result.ok ? '' : result.error).toMatch(/more than 64 KiB.*超过 64 KiB/);
      await cut;
      expect(written).toBeLessThan(16 * 1024 * 1024);
    } finally {
      huge.closeAllConnections();
      await new Promise((resolve) => huge.close(resolve));
    }
  });

  it('fails permanently, without calling the gateway, for a bad number or a broken template', async () => {
    got.length = 0;
    const sms = createSmsNotifier({ endpoint, signature: '测试', ...mapping });
    expect(await sms.deliver({ id: '1', kind: 'hazard.closed', to: '010-1234567', params })).toMatchObject({ ok: false, retryable: false });
    expect(await sms.deliver({ id: '1', kind: 'hazard.closed', to: '13800138000', params: {} })).toMatchObject({ ok: false, retryable: false });
    expect(got).toHaveLength(0);
  });

  it('rejects bad configuration', () => {
    expect(() => createSmsNotifier({ endpoint: 'x', signature: 'a', ...mapping })).toThrow(SmsConfigError);
    expect(() => createSmsNotifier({ endpoint, signature: '【a】', ...mapping })).toThrow(/signature/);
  });
});

describe('createConsoleNotifier', () => {
  it('prints what would be sent and validates like the real notifier', async () => {
    const lines: string[] = [];
    const dev = createConsoleNotifier({ signature: '开发', write: (l) => lines.push(l) });
    expect((await dev.deliver({ id: 'm1', kind: 'hazard.closed', to: '13800138000', params })).ok).toBe(true);
    expect(lines[0]).toContain('【开发】某某餐饮店');
    expect((await dev.deliver({ id: 'm2', kind: 'hazard.closed', to: 'x', params })).ok).toBe(false);
    expect(dev.sent.map((m) => m.id)).toEqual(['m1']);
  });
});

/** A fetch that asks the conformance receiver how to answer, passing the idempotency key the mapping put in a header. */
const conformanceFetch = (receiver: NotifierTestReceiver): typeof fetch =>
  (async (_url: string | URL | Request, init?: RequestInit) => {
    const key = new Headers(init?.headers).get('X-Idempotency-Key') ?? '';
    const answer = receiver(key);
    if (answer === 'unreachable') throw new TypeError('fetch failed: connect ECONNREFUSED');
    return new Response('{}', { status: typeof answer === 'object' ? answer.status : answer === 'accept' ? 200 : answer === 'transient' ? 503 : 400 });
  }) as typeof fetch;

runNotifierConformance({
  name: 'notify-sms',
  describe,
  it,
  expect,
  message: (id) => ({ id, kind: 'hazard.overdue', to: '13800138000', params }),
  undeliverable: (id) => ({ id, kind: 'hazard.overdue', to: '010-12345678', params }),
  createNotifier: (receiver) =>
    createSmsNotifier({
      endpoint: 'https://sms.example/send',
      signature: '某市应急管理局',
      toRequest: (input) => ({ headers: { 'X-Idempotency-Key': input.idempotencyKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ to: input.phone, text: input.text }) }),
      fetch: conformanceFetch(receiver),
    }),
});
