// Helpers of verifyChain's default path: compare a stored hex hash with a digest and fold
// the log head, without building hex strings per event.

/** For each byte, the ASCII codes of its two lower-case hex digits, packed `hi << 8 | lo`. */
const HEX_ASCII = Uint16Array.from({ length: 256 }, (_, i) => {
  const digits = i.toString(16).padStart(2, '0');
  return (digits.charCodeAt(0) << 8) | digits.charCodeAt(1);
});

/** Whether `hex` is exactly the 64 lower-case hex digits of the 32-byte `digest`. */
export function hexEqualsDigest(hex: string, digest: Uint8Array): boolean {
  if (typeof hex !== 'string' || hex.length !== 64) return false;
  for (let i = 0; i < 32; i++) {
    const pair = HEX_ASCII[digest[i] as number] as number;
    if (hex.charCodeAt(2 * i) !== pair >>> 8 || hex.charCodeAt(2 * i + 1) !== (pair & 0xff)) return false;
  }
  return true;
}

/** Writes the 64 ASCII hex digits of the 32-byte `digest` into `out` at `offset`. */
export function writeHexAscii(digest: Uint8Array, out: Uint8Array, offset: number): void {
  for (let i = 0; i < 32; i++) {
    const pair = HEX_ASCII[digest[i] as number] as number;
    out[offset + 2 * i] = pair >>> 8;
    out[offset + 2 * i + 1] = pair & 0xff;
  }
}
