import { describe, expect, it } from 'vitest';
import { challengeSchemes } from './challenge-schemes.js';

describe('challengeSchemes: the auth-schemes of a WWW-Authenticate value', () => {
  it('one challenge, with or without parameters or a token68', () => {
    expect(challengeSchemes('Bearer realm="anjian"')).toEqual([{ scheme: 'bearer', challenge: 'Bearer realm="anjian"' }]);
    expect(challengeSchemes('Basic realm="portal", charset="UTF-8"')).toEqual([{ scheme: 'basic', challenge: 'Basic realm="portal", charset="UTF-8"' }]);
    expect(challengeSchemes('Negotiate')).toEqual([{ scheme: 'negotiate', challenge: 'Negotiate' }]);
    expect(challengeSchemes('Negotiate YII=')).toEqual([{ scheme: 'negotiate', challenge: 'Negotiate YII=' }]);
  });

  it('several challenges; a parameter (even with spaces around "=") belongs to the challenge before it; quoted commas separate nothing', () => {
    expect(challengeSchemes('Digest realm="a, b", qop = "auth",Bearer, Basic realm=x')).toEqual([
      { scheme: 'digest', challenge: 'Digest realm="a, b", qop = "auth"' },
      { scheme: 'bearer', challenge: 'Bearer' },
      { scheme: 'basic', challenge: 'Basic realm=x' },
    ]);
    expect(challengeSchemes('Basic realm="say \\"hi, there\\"", Bearer').map((c) => c.scheme)).toEqual(['basic', 'bearer']);
  });

  it('a scheme named twice is listed once, with its first challenge; empty list elements are skipped', () => {
    expect(challengeSchemes('Bearer realm="a", , bearer realm="b"')).toEqual([{ scheme: 'bearer', challenge: 'Bearer realm="a"' }]);
  });
});
