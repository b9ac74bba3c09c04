// What the PDF tests need on the machine: scripts/test-setup.sh installs both
// (fonts-noto-cjk, poppler-utils) before `pnpm test`.
import { execFileSync } from 'node:child_process';
import { findSystemCjkFont } from '../src/index.js';

export const font = findSystemCjkFont();

export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
