#!/usr/bin/env node
// Link checker for the repository's Markdown (issue 18): every relative link and every link
// into this repository's own web address (`<repository>/blob/main/…`, `/tree/main/…`) must
// name a tracked file, and its `#anchor` a heading of that file. No network: links to other
// sites are not followed. markdown-it parses the files (code blocks and spans are not links).
//
//   node scripts/check-links.mjs            every tracked *.md file
//   node scripts/check-links.mjs README.md docs/cli.md
//
// Exit 0 when every link resolves, 1 when one does not (one line each: file:line  target  why),
// 2 on bad usage or a crash.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const md = new MarkdownIt({ html: true });

/**
 * The anchor GitHub gives a heading: lower case, punctuation removed (letters of every script,
 * digits, `-` and `_` kept), each space a `-`.
 */
export function slug(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function inlineText(token) {
  return (token.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline')
    .map((c) => (c.type === 'html_inline' ? '' : c.content))
    .join('');
}

/** The anchors of a Markdown text: one per heading (repeats get `-1`, `-2`, as on GitHub) and each `<a id|name>`. */
export function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  const tokens = md.parse(markdown, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const base = slug(inlineText(tokens[i + 1]));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    const html = t.type === 'html_block' || t.type === 'inline' ? t.content : '';
    for (const m of html.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  }
  return anchors;
}

/** The link targets of a Markdown text with their line (1-based): links, images, reference definitions, HTML `href`/`src`. */
export function linksOf(markdown) {
  const links = [];
  const tokens = md.parse(markdown, {});
  for (const t of tokens) {
    const line = t.map ? t.map[0] + 1 : 0;
    if (t.type === 'html_block') for (const m of t.content.matchAll(/\b(?:href|src)="([^"]+)"/g)) links.push({ target: m[1], line });
    for (const c of t.children ?? []) {
      if (c.type === 'link_open' || c.type === 'image') {
        const target = c.attrGet(c.type === 'image' ? 'src' : 'href');
        if (target) links.push({ target, line });
      }
      if (c.type === 'html_inline') for (const m of c.content.matchAll(/\b(?:href|src)="([^"]+)"/g)) links.push({ target: m[1], line });
    }
  }
  return links;
}

/** The web prefixes under which this repository's files are linked, from the root package.json `repository`. */
export function repositoryPrefixes(root = ROOT) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url) return [];
  const web = url
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return [`${web}/blob/main/`, `${web}/tree/main/`];
}

/** Tracked files of the repository (relative paths), and the folders that contain them. */
export function trackedPaths(root = ROOT) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter(Boolean)
    .filter((f) => existsSync(join(root, f)));
  const dirs = new Set(['']);
  for (const f of files) for (let d = dirname(f); d !== '.' && !dirs.has(d); d = dirname(d)) dirs.add(d);
  return { files: new Set(files), dirs };
}

/**
 * Check one target as seen from `fromFile` (repository-relative). Returns undefined when it
 * resolves, else the reason. External links (another host, `mailto:`) resolve by definition.
 */
export function checkTarget(target, fromFile, context) {
  const { root, prefixes, tracked, anchorCache } = context;
  let path;
  let anchor;
  const prefix = prefixes.find((p) => target.startsWith(p));
  if (prefix) {
    const rest = target.slice(prefix.length);
    const hash = rest.indexOf('#');
    path = decodeURIComponent(hash === -1 ? rest : rest.slice(0, hash)).replace(/\/$/, '');
    anchor = hash === -1 ? undefined : rest.slice(hash + 1);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    return undefined;
  } else {
    const hash = target.indexOf('#');
    const file = hash === -1 ? target : target.slice(0, hash);
    anchor = hash === -1 ? undefined : target.slice(hash + 1);
    const clean = decodeURIComponent(file.split('?')[0]);
    path = clean === '' ? fromFile : relative(root, resolve(root, dirname(fromFile), clean)).replace(/\\/g, '/');
    if (path.startsWith('..')) return 'points outside the repository';
  }
  const isFile = tracked.files.has(path);
  if (!isFile && !tracked.dirs.has(path)) return existsSync(join(root, path)) ? 'not tracked by git (missing in a clean clone)' : 'no such file';
  if (anchor === undefined || anchor === '' || !isFile || !path.endsWith('.md')) return undefined;
  if (/^L\d+(-L\d+)?$/.test(anchor)) return undefined;
  let anchors = anchorCache.get(path);
  if (!anchors) {
    anchors = anchorsOf(readFileSync(join(root, path), 'utf8'));
    anchorCache.set(path, anchors);
  }
  return anchors.has(decodeURIComponent(anchor).toLowerCase()) ? undefined : `no heading "#${anchor}" in ${path}`;
}

/** A checking context for the repository at `root`. */
export function linkContext(root = ROOT) {
  return { root, prefixes: repositoryPrefixes(root), tracked: trackedPaths(root), anchorCache: new Map() };
}

/**
 * Every link of the given Markdown files (repository-relative; default: every tracked `*.md`
 * outside node_modules and test fixtures) that does not resolve.
 */
export function checkLinks(files, context = linkContext()) {
  const list = files ?? [...context.tracked.files].filter((f) => f.endsWith('.md') && !f.includes('node_modules/') && !f.startsWith('scripts/fixtures/'));
  const problems = [];
  for (const file of list) {
    const text = readFileSync(join(context.root, file), 'utf8');
    for (const { target, line } of linksOf(text)) {
      const why = checkTarget(target, file, context);
      if (why) problems.push({ file, line, target, why });
    }
  }
  return { checked: list.length, problems };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = process.argv.slice(2);
    if (args.some((a) => a.startsWith('-'))) {
      console.error('usage: node scripts/check-links.mjs [file.md…]');
      process.exit(2);
    }
    const context = linkContext();
    const files = args.length > 0 ? args.map((a) => relative(ROOT, resolve(a)).replace(/\\/g, '/')) : undefined;
    for (const f of files ?? []) if (!statSync(join(ROOT, f), { throwIfNoEntry: false })?.isFile()) throw new Error(`no such file: ${f}`);
    const { checked, problems } = checkLinks(files, context);
    for (const p of problems) console.log(`${p.file}:${p.line}  ${p.target}  ${p.why}`);
    console.log(`${problems.length === 0 ? '✓' : '✗'} ${checked} Markdown files, ${problems.length} broken link${problems.length === 1 ? '' : 's'}`);
    process.exit(problems.length === 0 ? 0 : 1);
  } catch (error) {
    console.error(`check-links: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
