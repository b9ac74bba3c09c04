import { describe, expect, it } from 'vitest';
import { duplicateJsonKey } from './duplicate-json-key.js';

describe('duplicateJsonKey', () => {
  it('names the first key an object gives twice, by its pointer', () => {
    expect(duplicateJsonKey('{"type":"close","type":"issue_notice"}')).toBe('/type');
    expect(duplicateJsonKey('{"a":{"b":1},"c":[0,{"x":1,"y":{"z":1,"z":2}}]}')).toBe('/c/1/y/z');
    expect(duplicateJsonKey('{"p\\u0061ck":1,"pack":2}')).toBe('/pack');
    expect(duplicateJsonKey('{"a/b":{"m~n":1,"m~n":1}}')).toBe('/a~1b/m~0n');
  });

  it('passes keys repeated in other objects, and keys, quotes and brackets inside strings', () => {
    expect(duplicateJsonKey('{"a":{"k":1},"b":{"k":1},"c":[{"k":1},{"k":1}]}')).toBeNull();
    expect(duplicateJsonKey('{"a":"\\"a\\":1,{\\"a\\"","b":"a","c":["a","a"]}')).toBeNull();
    expect(duplicateJsonKey(JSON.stringify({ type: 'reject', reason: { 'zh-CN': '[[{,"type":1}', en: 'x' } }))).toBeNull();
    expect(duplicateJsonKey('[]')).toBeNull();
  });
});
