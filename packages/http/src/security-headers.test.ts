import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, securityHeaders, withSecurityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it('the API set: a CSP that loads and frames nothing, nosniff, no referrer, no framing', () => {
    expect(securityHeaders()).toEqual({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    expect(API_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('a host page passes its own policy and keeps the rest', () => {
    const page = "default-src 'self'; script-src 'self'; frame-ancestors 'none'";
    expect(securityHeaders({ contentSecurityPolicy: page })).toMatchObject({ 'content-security-policy': page, 'x-content-type-options': 'nosniff' });
  });
});

describe('withSecurityHeaders', () => {
  it('adds the set, keeping a header the response already has', () => {
    const r = withSecurityHeaders(new Response('{}', { headers: { 'content-security-policy': "default-src 'none'; sandbox" } }));
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });

  it('copies a response whose headers are immutable', async () => {
    const immutable = Response.redirect('http://x/elsewhere', 302);
    expect(() => immutable.headers.set('x', '1')).toThrow();
    const r = withSecurityHeaders(immutable);
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('http://x/elsewhere');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
