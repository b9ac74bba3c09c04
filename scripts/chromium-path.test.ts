import { describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumPath, HEADLESS_SHELL } from './chromium-path.mjs';

describe('chromiumPath', () => {
  it('takes CHROMIUM_PATH first, then the headless shell when installed, then chromium', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome' }, () => true)).toBe('/opt/chrome');
    expect(chromiumPath({}, (p) => p === HEADLESS_SHELL)).toBe(HEADLESS_SHELL);
    expect(chromiumPath({}, () => false)).toBe(CHROMIUM);
    expect(chromiumPath({ CHROMIUM_PATH: '' }, () => false)).toBe(CHROMIUM);
  });
});
