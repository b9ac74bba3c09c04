// The pure encoder of `qrcode` (no canvas, no Node built-ins): only `create` is used.
declare module 'qrcode/lib/core/qrcode.js' {
  const core: {
    create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { modules: { size: number; data: Uint8Array } };
  };
  export default core;
}
