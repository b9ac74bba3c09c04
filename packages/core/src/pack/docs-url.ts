import { repository } from '../../package.json';

/** The `repository` field of a package.json, in its object form. */
export interface RepositoryField {
  url: string;
  directory?: string;
}

/**
 * The web address of a repository's `docs/` folder (trailing slash) from a package.json
 * `repository` field: `git+https://github.com/o/r.git` → `https://github.com/o/r/blob/main/docs/`.
 * Hosts that browse files under `/blob/<ref>/` (GitHub, and GitLab through `/-/blob/`, which
 * redirects) are linked this way; any other URL gets `docs/` appended.
 *
 * @example
 * ```ts
 * repositoryDocsBase({ url: 'git+https://github.com/anjian-sdk/anjian.git' });
 * // 'https://github.com/anjian-sdk/anjian/blob/main/docs/'
 * ```
 */
export function repositoryDocsBase(field: RepositoryField | string, ref = 'main'): string {
  const raw = typeof field === 'string' ? field : field.url;
  const web = raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!/^https:\/\//.test(web)) throw new Error(`package.json repository is not an https URL: ${raw}`);
  return /^https:\/\/(github\.com|gitlab\.com)\//.test(web) ? `${web}/blob/${ref}/docs/` : `${web}/docs/`;
}

/**
 * Base address of the documentation every link of the SDK points at (issue codes, the CLI's
 * SARIF `helpUri`): the `docs/` folder of the repository named in `@anjian/core`'s package.json
 * `repository` field. Changing that one field (a fork, an internal mirror) moves every link; no
 * link points at a domain the project does not hold.
 */
export const DOCS_BASE: string = repositoryDocsBase(repository);

/**
 * Link to a page of the documentation, optionally at a heading anchor.
 *
 * @example
 * ```ts
 * docsUrl('cli.md'); // `${DOCS_BASE}cli.md`
 * docsUrl('issue-codes.md', 'yaml_tag');
 * ```
 */
export function docsUrl(page: string, anchor?: string): string {
  return `${DOCS_BASE}${page}${anchor !== undefined ? `#${anchor}` : ''}`;
}
