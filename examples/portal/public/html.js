// Escape by construction: all markup of the portal's pages is built with the `html` tagged
// template below. Every interpolation is escaped for the place it lands in (text, a quoted
// attribute, a URL attribute); trusted markup passes only as `html` results or `raw()`.
// Pure, no imports, so it is tested in Node (test/html.test.ts) and in Chromium.

const BRAND = Symbol.for('anjian.portal.SafeHtml');

/** Markup that is already safe: the result of `html` or `raw()`. */
class SafeHtml {
  constructor(value) {
    this.value = value;
    this[BRAND] = true;
  }
  toString() {
    return this.value;
  }
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Escapes text for HTML text and quoted attribute values: `& < > " ' \``. The result contains
 * no character that can end a text run, a tag or a quoted attribute.
 */
export const escapeHtml = (value) => String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);

/** True for the result of `html` or `raw()`. */
export const isSafeHtml = (value) => value != null && value[BRAND] === true;

/**
 * Marks a string as trusted markup, inserted as is. Only for markup built by the portal
 * itself (never for text that came from a request, the API or the URL).
 */
export const raw = (markup) => new SafeHtml(String(markup));

/** Attributes whose value is a URL; an interpolation in them must be a safe URL. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href', 'srcset', 'data']);
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Attributes that load a resource: a refused URL becomes an empty data: URL (no request, no CSP report). */
const RESOURCE_ATTRS = new Set(['src', 'poster', 'srcset', 'data', 'background']);

/**
 * A URL for an `href`/`src`-like attribute: relative references (`#/…`, `/…`, `?…`, `a/b`),
 * http(s), mailto and tel pass; `src` also takes `blob:` and raster `data:image/…`. Anything
 * else (`javascript:`, `vbscript:`, `data:text/html`, schemes hidden by control characters or
 * entities) becomes `about:invalid#blocked` — or `data:,` in attributes that load a resource.
 */
export function safeUrl(value, attr = 'href') {
  const url = String(value);
  const blocked = RESOURCE_ATTRS.has(attr) ? 'data:,' : 'about:invalid#blocked';
  // Browsers drop ASCII whitespace and control characters inside a scheme; so do we, before
  // looking at it. Entities are decoded too: our escaping keeps them literal, but a URL that
  // only looks harmless before decoding is refused all the same.
  const strip = (s) => s.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '').toLowerCase();
  const entities = (s) =>
    s
      .replace(/&#x([0-9a-f]+);?/gi, (_m, h) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
      .replace(/&#(\d+);?/g, (_m, d) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
      .replace(/&colon;/gi, ':')
      .replace(/&(tab|newline);/gi, '');
  const probe = strip(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(probe)?.[1] ?? /^([a-z][a-z0-9+.-]*):/.exec(strip(entities(url)))?.[1];
  if (scheme === undefined) {
    // No scheme: relative, unless a colon comes before the first / ? # (a scheme we cannot read).
    const head = probe.split(/[/?#]/, 1)[0];
    return head.includes(':') ? blocked : url;
  }
  if (SAFE_SCHEMES.has(`${scheme}:`)) return url;
  if (attr === 'src' && (scheme === 'blob' || /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/=]*$/.test(probe))) return url;
  return blocked;
}

/**
 * Where each hole of a template lands, read from its static parts only (the values are
 * escaped, so they cannot change it): `{ kind: 'text' }`, `{ kind: 'attr', name }` inside a
 * quoted attribute value, or a misuse that throws: a hole in a tag, an unquoted attribute,
 * an event-handler or style attribute, a comment, a script or style element.
 */
function holeContexts(strings) {
  const contexts = [];
  let state = 'text'; // text | tag | endtag | attrName | afterAttrName | beforeValue | dq | sq | unquoted | comment | rawtext | rcdata
  let tagName = '';
  let attrName = '';
  let rawEnd = '';
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    for (let j = 0; j < s.length; j++) {
      const c = s[j];
      switch (state) {
        case 'text':
          if (s.startsWith('<!--', j)) {
            state = 'comment';
            j += 3;
          } else if (c === '<' && /[a-zA-Z/]/.test(s[j + 1] ?? '')) {
            const m = /^<\/?([a-zA-Z][\w-]*)/.exec(s.slice(j));
            tagName = m ? m[1].toLowerCase() : '';
            state = s[j + 1] === '/' ? 'endtag' : 'tag';
            j += m ? m[0].length - 1 : 0;
          }
          break;
        case 'endtag':
          if (c === '>') state = 'text';
          break;
        case 'tag':
          if (c === '>') {
            // Holes in <script>/<style> throw; <textarea>/<title> hold escaped text until their end tag.
            state = tagName === 'script' || tagName === 'style' ? 'rawtext' : tagName === 'textarea' || tagName === 'title' ? 'rcdata' : 'text';
            rawEnd = `</${tagName}`;
          } else if (/[^\s/=>"']/.test(c)) {
            state = 'attrName';
            attrName = c;
          }
          break;
        case 'attrName':
          if (c === '=') state = 'beforeValue';
          else if (c === '>') {
            state = 'tag';
            j--;
          } else if (/\s/.test(c)) state = 'afterAttrName';
          else attrName += c;
          break;
        case 'afterAttrName':
          if (c === '=') state = 'beforeValue';
          else if (c === '>' || /[^\s]/.test(c)) {
            state = 'tag';
            j--;
          }
          break;
        case 'beforeValue':
          if (c === '"') state = 'dq';
          else if (c === "'") state = 'sq';
          else if (!/\s/.test(c)) {
            state = 'unquoted';
            j--;
          }
          break;
        case 'dq':
          if (c === '"') state = 'tag';
          break;
        case 'sq':
          if (c === "'") state = 'tag';
          break;
        case 'unquoted':
          if (/\s/.test(c)) state = 'tag';
          else if (c === '>') {
            state = 'tag';
            j--;
          }
          break;
        case 'comment':
          if (s.startsWith('-->', j)) {
            state = 'text';
            j += 2;
          }
          break;
        case 'rawtext':
        case 'rcdata':
          if (s.slice(j, j + rawEnd.length).toLowerCase() === rawEnd) {
            state = 'endtag';
            j += rawEnd.length - 1;
          }
          break;
      }
    }
    if (i === strings.length - 1) break;
    const name = attrName.toLowerCase();
    if (state === 'text' || state === 'rcdata') contexts.push({ kind: 'text' });
    else if (state === 'dq' || state === 'sq') {
      if (name.startsWith('on')) throw new TypeError(`html: no interpolation in the event-handler attribute ${name} (use addEventListener)`);
      if (name === 'style') throw new TypeError('html: no interpolation in a style attribute (the CSP refuses inline styles; use a class)');
      if (name === 'srcdoc') throw new TypeError('html: no interpolation in srcdoc');
      contexts.push({ kind: 'attr', name });
    } else if (state === 'tag' || state === 'afterAttrName') contexts.push({ kind: 'tag' });
    else throw new TypeError(`html: interpolation in an unsupported place (${state}${name ? `, attribute ${name}` : ''}); quote attribute values`);
  }
  return contexts;
}

const contextCache = new WeakMap();

/** Renders one interpolated value for its context. */
function render(value, context) {
  if (value == null || value === false || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => render(v, context)).join('');
  if (isSafeHtml(value)) {
    if (context.kind === 'attr') return escapeHtml(value.value);
    return value.value;
  }
  if (context.kind === 'tag') throw new TypeError('html: only raw() markup may stand inside a tag (e.g. raw("checked"))');
  const text = String(value);
  if (context.kind === 'attr' && URL_ATTRS.has(context.name)) return escapeHtml(safeUrl(text, context.name));
  return escapeHtml(text);
}

/**
 * The portal's only way to build markup:
 * `html\`<a href="#/hazard/${encodeURIComponent(id)}">${title}</a>\``. Strings, numbers and
 * arrays are escaped (`null`, `undefined`, `false` render nothing); nested `html` results and
 * `raw()` pass through. URL attributes also go through {@link safeUrl}. Holes in tags, unquoted
 * attributes, event handlers, `style` and comments throw (a programming error, not data).
 * Returns a SafeHtml; `String(result)` or `setHtml(el, result)` puts it on the page.
 */
export function html(strings, ...values) {
  let contexts = contextCache.get(strings);
  if (!contexts) contextCache.set(strings, (contexts = holeContexts(strings)));
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i], contexts[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Joins rendered fragments with a trusted separator (default none). */
export const join = (parts, separator = '') => new SafeHtml(parts.map((p) => render(p, { kind: 'text' })).join(isSafeHtml(separator) ? separator.value : escapeHtml(separator)));

/**
 * Replaces the content of `element` with `markup`, which must be an `html` result (`''`,
 * `null` or `undefined` empty it; any other plain string throws: it would be unescaped text).
 */
export function setHtml(element, markup) {
  if (markup === '' || markup == null) {
    element.replaceChildren();
    return;
  }
  if (!isSafeHtml(markup)) throw new TypeError('setHtml: markup must come from html`…` or raw()');
  element.innerHTML = markup.value;
}
