import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Issue } from '@anjian/core';
import { issueDocsUrl } from '@anjian/core/internal';

/** A folder that looks like a pack but has no `pack.yaml`, and the file that shows it. */
export interface MisnamedPack {
  /** The folder. */
  dir: string;
  /** The entry file under another name (`pack.yml`, `Pack.yaml`, `pack.json`). */
  file: string;
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);
/** An entry file under a name the loader does not read: another case, `.yml`, `.json`, an editor's `.txt`. */
const ENTRY_LIKE = /^pack\.(ya?ml|json)(\.txt)?$/i;

/**
 * The folders under `paths` that hold a pack's entry file under another name (`pack.yml`,
 * `Pack.yaml`, `pack.json`, `pack.yaml.txt`) and no `pack.yaml`. The pack search reads only
 * `pack.yaml`, so such a pack would be left out without a word — and CI would pass with it
 * unchecked. Folders of found packs (`packDirs`) are not searched.
 *
 * @example
 * ```ts
 * misnamedPacks(['/repo/packs'], ['/repo/packs/gas']); // [{ dir: '/repo/packs/fire', file: '/repo/packs/fire/pack.yml' }]
 * ```
 */
export function misnamedPacks(paths: readonly string[], packDirs: readonly string[]): MisnamedPack[] {
  const known = new Set(packDirs);
  const found: MisnamedPack[] = [];
  const seen = new Set<string>();
  for (const start of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(start).isDirectory();
    } catch {
      continue;
    }
    const queue = isDir ? [start] : [];
    while (queue.length > 0) {
      const dir = queue.shift()!;
      if (known.has(dir) || seen.has(dir)) continue;
      seen.add(dir);
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (entries.some((e) => e.isFile() && e.name === 'pack.yaml')) continue;
      const entry = entries.filter((e) => e.isFile() && ENTRY_LIKE.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))[0];
      if (entry) {
        found.push({ dir, file: join(dir, entry.name) });
        continue;
      }
      for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) queue.push(join(dir, e.name));
    }
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * The error of a {@link MisnamedPack}: at its file, saying that only `pack.yaml` is read and
 * what to rename it to. `cwd` makes the file name relative, as the other issues'.
 */
export function misnamedPackIssue(pack: MisnamedPack, cwd: string): Issue {
  const file = relative(cwd, pack.file).split(sep).join('/');
  const name = pack.file.slice(pack.dir.length + 1);
  const json = /\.json$/i.test(name);
  return {
    code: 'FILE_NOT_FOUND',
    severity: 'error',
    message: {
      'zh-CN': `这个文件夹有 ${name}，但没有 pack.yaml：anjian 只读取名为 pack.yaml 的主文件，这个检查表没有被检查。`,
      en: `this folder has ${name} but no pack.yaml: anjian reads only the entry file named pack.yaml, so this pack was not checked.`,
    },
    file,
    line: 1,
    column: 1,
    hint: {
      'zh-CN': `把 ${name} 改名为 pack.yaml（全部小写，扩展名 .yaml）${json ? '；JSON 内容可以原样保留，YAML 能读 JSON' : ''}。`,
      en: `Rename ${name} to pack.yaml (all lower case, extension .yaml)${json ? '; the JSON content can stay as it is, YAML reads JSON' : ''}.`,
    },
    docs: issueDocsUrl('FILE_NOT_FOUND'),
  };
}
