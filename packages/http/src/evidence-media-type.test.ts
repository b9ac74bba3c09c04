import { describe, expect, it } from 'vitest';
import { sniffEvidenceType } from './evidence-media-type.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffEvidenceType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('%s', (_name, data, type) => {
    expect(sniffEvidenceType(data)).toBe(type);
  });

  it.each([
    ['HTML', bytes('<html><script>alert(1)</script>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['RIFF that is not WebP', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['truncated PNG', bytes([0x89], 'PNG')],
    ['empty', new Uint8Array(0)],
  ])('%s is none of them', (_name, data) => {
    expect(sniffEvidenceType(data)).toBeNull();
  });
});
