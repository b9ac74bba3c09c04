// Loaded with `node --import` by scripts/test-node-versions.sh (through NODE_OPTIONS, so the
// vitest workers and every child process a test spawns load it too): redirects every load of
// better-sqlite3 — a bare `better-sqlite3` or a file inside the tree's copy — to the copy in
// ANJIAN_BETTER_SQLITE3, built for the Node that is running. The tree's copy stays built for
// the Node that ran `pnpm install`, so other runs on the same checkout are not disturbed.
// Needs `module.registerHooks` (Node 22.15+, 23.5+): it covers `require` and `import` alike.
import { realpathSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const target = process.env.ANJIAN_BETTER_SQLITE3;
if (target) {
  // The real path: resolution follows symbolic links, so a linked cache is met by its real path.
  const root = pathToFileURL(realpathSync(target)).href.replace(/\/?$/, '/');
  const inTree = /^file:\/\/.*?\/node_modules\/better-sqlite3\//;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      if (resolved.url && !resolved.url.startsWith(root) && inTree.test(resolved.url)) {
        return { ...resolved, url: resolved.url.replace(inTree, root), shortCircuit: true };
      }
      return resolved;
    },
  });
}
