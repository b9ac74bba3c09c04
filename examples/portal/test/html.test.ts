/**
 * The portal's markup helper (public/html.js): every interpolation escaped for text and quoted
 * attributes, URL attributes through safeUrl, misuse (holes in tags, unquoted attributes,
 * event handlers, style, comments, scripts) thrown — checked over the shared XSS payloads.
 * Chromium renders the same payloads in test/xss.e2e.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a browser ES module without types
import { escapeHtml, html, isSafeHtml, join as joinHtml, raw, safeUrl } from '../public/html.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e]!);
const BLOCKED = 'about:invalid#blocked';

/**
 * The template literals of a browser module: each one's tag (the identifier before the
 * backtick, '' if none) and static text. A small scanner: strings, comments and nested
 * `${…}` expressions are followed; regex literals are assumed to hold no quote or backtick.
 */
function templateLiterals(code: string): { tag: string; text: string }[] {
  const found: { tag: string; text: string }[] = [];
  const stack: ({ kind: 'code'; depth: number } | { kind: 'template'; tag: string; text: string })[] = [{ kind: 'code', depth: 0 }];
  for (let i = 0; i < code.length; i++) {
    const top = stack[stack.length - 1]!;
    const c = code[i]!;
    if (top.kind === 'template') {
      if (c === '\\') {
        top.text += code.slice(i, i + 2);
        i++;
      } else if (c === '`') {
        found.push({ tag: top.tag, text: top.text });
        stack.pop();
      } else if (c === '$' && code[i + 1] === '{') {
        stack.push({ kind: 'code', depth: 0 });
        i++;
        top.text += '${}';
      } else top.text += c;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i) + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
      continue;
    }
    if (c === '`') {
      stack.push({ kind: 'template', tag: /([\w$]+)\s*$/.exec(code.slice(Math.max(0, i - 40), i))?.[1] ?? '', text: '' });
      continue;
    }
    if (c === '{') top.depth++;
    if (c === '}') {
      if (top.depth === 0 && stack.length > 1) stack.pop();
      else top.depth--;
    }
  }
  return found;
}

describe('the payload list', () => {
  it('has at least 60 distinct payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
  });
});

describe('html`…` escapes every payload', () => {
  it.each(XSS_PAYLOADS.map((p, i) => [i, p]))('payload %i in text and in double- and single-quoted attributes', (_i, payload) => {
    const text = String(html`<td>${payload}</td>`);
    const inner = text.slice(4, -5);
    // Nothing left that can end a text run, open a tag, or close a quoted attribute.
    expect(inner).not.toMatch(/[<>"'`]/);
    expect(decode(inner)).toBe(payload);

    const dq = String(html`<tr data-hazard="${payload}" title="${payload}"></tr>`);
    expect(dq.match(/"/g)).toHaveLength(4);
    expect(decode(/data-hazard="([^"]*)"/.exec(dq)![1]!)).toBe(payload);
    const sq = String(html`<tr title='${payload}'></tr>`);
    expect(sq.match(/'/g)).toHaveLength(2);
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p]))('payload %i in href and src: a safe URL or blocked', (_i, payload) => {
    const a = String(html`<a href="${payload}">x</a>`);
    const href = decode(/href="([^"]*)"/.exec(a)![1]!);
    expect(href === BLOCKED || href === payload).toBe(true);
    expect(href.replace(/[\s\u0000-\u001f\u200b\u202e]/g, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/);
    const img = String(html`<img src="${payload}" alt="">`);
    expect(decode(/src="([^"]*)"/.exec(img)![1]!).toLowerCase()).not.toMatch(/^\s*(javascript|vbscript|data:text)/);
  });

  it('an id in a hash route stays one path segment with encodeURIComponent', () => {
    const id = 'x"><img src=x onerror=__xss(0)>/../admin?#';
    const a = String(html`<a href="#/hazard/${encodeURIComponent(id)}">open</a>`);
    expect(a).toBe('<a href="#/hazard/x%22%3E%3Cimg%20src%3Dx%20onerror%3D__xss(0)%3E%2F..%2Fadmin%3F%23">open</a>');
  });
});

describe('values', () => {
  it('renders null, undefined, false and "" as nothing, numbers as text, arrays item by item', () => {
    expect(String(html`<p>${null}${undefined}${false}${''}${0}${3.5}</p>`)).toBe('<p>03.5</p>');
    expect(String(html`<ul>${['<a>', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`)).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('passes nested html and raw() through in text, escapes them inside attribute values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(isSafeHtml(inner)).toBe(true);
    expect(String(html`<p>${inner}${raw('<br>')}</p>`)).toBe('<p><b>&lt;i&gt;</b><br></p>');
    expect(String(html`<p title="${inner}"></p>`)).toBe('<p title="&lt;b&gt;&amp;lt;i&amp;gt;&lt;/b&gt;"></p>');
  });

  it('allows raw() boolean attributes inside a tag', () => {
    // The pages write `${condition && raw(' selected')}`; constants stand in for the condition.
    // eslint-disable-next-line no-constant-binary-expression
    expect(String(html`<option value="${'a"b'}"${true && raw(' selected')}>x</option>`)).toBe('<option value="a&quot;b" selected>x</option>');
    // eslint-disable-next-line no-constant-binary-expression
    expect(String(html`<option value="a"${false && raw(' selected')}>x</option>`)).toBe('<option value="a">x</option>');
  });

  it('joins fragments with an escaped or trusted separator', () => {
    expect(String(joinHtml([html`<b>1</b>`, '<2>'], raw('<br>')))).toBe('<b>1</b><br>&lt;2&gt;');
    expect(String(joinHtml(['a', 'b'], '<'))).toBe('a&lt;b');
  });

  it('escapes the six characters & < > " \' `', () => {
    expect(escapeHtml(`&<>"'\``)).toBe('&amp;&lt;&gt;&quot;&#39;&#96;');
  });

  it('keeps text in <textarea> and <title> escaped', () => {
    expect(String(html`<textarea>${'</textarea><script>__xss(1)</script>'}</textarea>`)).toBe('<textarea>&lt;/textarea&gt;&lt;script&gt;__xss(1)&lt;/script&gt;</textarea>');
  });
});

describe('safeUrl', () => {
  it.each([
    ['#/hazard/hz-1', '#/hazard/hz-1'],
    ['/api/evidence/ev-1', '/api/evidence/ev-1'],
    ['?a=1', '?a=1'],
    ['a/b:c', 'a/b:c'],
    ['https://example.org/x', 'https://example.org/x'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['tel:+8613900000001', 'tel:+8613900000001'],
    ['javascript:alert(1)', BLOCKED],
    [' JAVASCRIPT:alert(1)', BLOCKED],
    ['java\tscript:alert(1)', BLOCKED],
    ['java\u0000script:x', BLOCKED],
    ['vbscript:x', BLOCKED],
    ['data:text/html,x', BLOCKED],
    ['&#106;avascript:x', BLOCKED],
    ['javascript&colon;x', BLOCKED],
    ['file:///etc/passwd', BLOCKED],
  ])('href %j → %j', (input, expected) => {
    expect(safeUrl(input, 'href')).toBe(expected);
  });

  it('lets src take blob: and base64 raster data: images, never SVG or HTML data (refused: an empty data: URL)', () => {
    expect(safeUrl('blob:http://localhost/1234', 'src')).toBe('blob:http://localhost/1234');
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', 'src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeUrl('data:image/svg+xml,<svg onload=x>', 'src')).toBe('data:,');
    expect(safeUrl('javascript:x', 'src')).toBe('data:,');
    expect(safeUrl('blob:x', 'href')).toBe(BLOCKED);
  });
});

describe('misuse throws', () => {
  it.each([
    ['a hole inside a tag', () => html`<input ${'autofocus onfocus=x'}>`],
    ['an unquoted attribute', () => html`<input value=${'x'}>`],
    ['an event-handler attribute', () => html`<button onclick="${'go()'}">x</button>`],
    ['an event-handler attribute in capitals', () => html`<button OnClick='${'go()'}'>x</button>`],
    ['a style attribute', () => html`<p style="${'color:red'}">x</p>`],
    ['a comment', () => html`<!-- ${'x'} -->`],
    ['a script element', () => html`<script>var a = ${'1'};</script>`],
    ['a style element', () => html`<style>${'p{}'}</style>`],
    ['an iframe srcdoc', () => html`<iframe srcdoc="${'<p>'}"></iframe>`],
  ])('%s', (_name, build) => {
    expect(build).toThrow(TypeError);
  });
});

describe('the pages use it', () => {
  const sources = readdirSync(publicDir)
    .filter((f) => f.endsWith('.js') && f !== 'html.js')
    .map((f) => [f, readFileSync(join(publicDir, f), 'utf8')] as const);

  it.each(sources)('%s assigns no innerHTML/outerHTML and calls no insertAdjacentHTML or document.write', (_file, code) => {
    expect(code).not.toMatch(/\.(inner|outer)HTML\s*[+]?=/);
    expect(code).not.toMatch(/insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });

  it.each(sources)('%s builds no markup in plain template literals or strings', (_file, code) => {
    // A template literal that contains a tag and is not tagged `html` would be unescaped markup.
    const literals = templateLiterals(code);
    if (code.includes("from './html.js'")) expect(literals.filter((l) => l.tag === 'html').length).toBeGreaterThan(0);
    expect(literals.filter((l) => l.tag !== 'html' && /<\/?[a-z]/i.test(l.text)).map((l) => l.text.slice(0, 60))).toEqual([]);
    // Markup in a plain string is only allowed as a constant passed to raw().
    expect(code).not.toMatch(/(?<!raw\()['"]<[a-z][^'"]*['"]/i);
  });

  it.each(sources)('%s has no inline style attribute or event-handler attribute (the CSP refuses them)', (_file, code) => {
    expect(code).not.toMatch(/\sstyle="/);
    expect(code).not.toMatch(/\son[a-z]+="/);
  });

  it('index.html has no inline script, style or handler', () => {
    const page = readFileSync(join(publicDir, 'index.html'), 'utf8');
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });
});
