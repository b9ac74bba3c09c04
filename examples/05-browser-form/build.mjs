// Build the page: load the gas pack by package name in Node (the YAML loader validates with
// ajv, which compiles code: Node only) and hand it to the page as JSON, then bundle the page
// script with @anjian/core for the browser. Writes dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadPackFromPackage } from '@anjian/core/node';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
mkdirSync(dist, { recursive: true });

const loaded = await loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message.en).join('\n'));
writeFileSync(`${dist}pack.json`, JSON.stringify(loaded.pack));

await build({
  entryPoints: [fileURLToPath(new URL('./form.js', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  outfile: `${dist}form.js`,
  logLevel: 'warning',
});
writeFileSync(
  `${dist}index.html`,
  `<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>燃气安全检查 · Gas safety inspection</title>
<h1>燃气安全检查 · Gas safety inspection</h1>
<form id="inspection" novalidate>
  <label>场所类型 / Premises <select name="$premises" id="premises"></select></label>
  <fieldset id="questions"></fieldset>
  <button type="submit">判定 / Classify</button>
</form>
<section id="result" aria-live="polite"></section>
<script type="module" src="form.js"></script>
</html>
`,
);
console.log(`built ${dist}`);
