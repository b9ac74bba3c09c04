/** Result of resolving an include path. @internal */
export type ResolvedInclude = { ok: true; path: string } | { ok: false; reason: { 'zh-CN': string; en: string } };

/**
 * Resolve an `include:` entry against the directory of the including file, as a POSIX
 * path relative to the pack root. Only plain relative paths inside the pack are accepted:
 * no `..` or `.` segments, no absolute paths, drive letters, URLs, backslashes or control
 * characters (security: a pack reads nothing outside its folder).
 *
 * @internal
 */
export function resolveIncludePath(fromFile: string, include: string): ResolvedInclude {
  const bad = (zh: string, en: string): ResolvedInclude => ({ ok: false, reason: { 'zh-CN': zh, en } });
  if (include.startsWith('/')) return bad('不能使用以 / 开头的绝对路径', 'absolute paths starting with / are not allowed');
  if (/^[A-Za-z]:/.test(include) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(include)) return bad('不能使用盘符或网址', 'drive letters and URLs are not allowed');
  if (include.includes('\\')) return bad('请使用 / 作为路径分隔符，不能用 \\', 'use / as the separator, not \\');
  if (/[\x00-\x1f\x7f]/.test(include)) return bad('路径中有控制字符', 'the path contains control characters');
  const segments = include.split('/');
  for (const s of segments) {
    if (s === '..') return bad('不能使用 .. 离开检查表目录', '.. may not be used to leave the pack folder');
    if (s === '.' || s === '') return bad('路径中不能有 . 或空的部分', 'the path may not contain . or empty parts');
  }
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  return { ok: true, path: dir + include };
}
