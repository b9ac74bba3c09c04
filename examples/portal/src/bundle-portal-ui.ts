import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from './bundle-cache.js';
import { CONTENT_TYPES } from './serve-static.js';
import { staticAsset, type StaticAsset } from './static-asset.js';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const publicDir = join(portalDir, 'public');

/** The UI as served: fingerprinted files under `/ui/`, and what the page links to. */
export interface PortalUi {
  /** `/ui/app.<hash>.js` and `/ui/style.<hash>.css` → asset (served with a year's `immutable` cache). */
  assets: Map<string, StaticAsset>;
  /** The entry module's path (`/ui/app.<hash>.js`). */
  entry: string;
  /** The stylesheet's path (`/ui/style.<hash>.css`). */
  stylesheet: string;
}

/**
 * Bundles `public/app.js` and every module it imports, also those the pages import when first
 * shown (esbuild, minified, once at start), into one file, and fingerprints the stylesheet.
 * One file instead of a dozen modules: on HTTP/1.1 a browser opens at most six connections to
 * a host, each new one paying the network's latency again, so a dozen modules — or a few
 * code-split chunks — cost two or three round trips on a slow network; one file costs one
 * (measured with `pnpm bench:portal`: four code-split chunks were slower than one file with
 * the later pages in it). The files under `public/` stay readable as written (and are still
 * served under their own names); core's browser part (`/vendor/anjian-core.js`, built by
 * bundle-browser-core.ts and passed in) is bundled in, ECharts (`/vendor/echarts.js`,
 * dashboard only) stays external. src/index-page.ts inlines the result on first visits. A test
 * run builds it once for all its portals (bundle-cache.ts).
 */
export async function bundlePortalUi(browserCore: string): Promise<PortalUi> {
  const outdir = join(portalDir, '.ui-bundle'); // never written (write: false); names the outputs
  const outputFiles = await buildBundle(
    {
      entryPoints: [join(publicDir, 'app.js')],
      bundle: true,
      splitting: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      // core's browser part goes into the same file (its own request would hold the page back);
      // ECharts stays a separate file, loaded by the dashboard only
      external: ['/vendor/echarts.js'],
      plugins: [
        {
          name: 'anjian-core',
          setup(build: { onResolve(o: { filter: RegExp }, f: () => object): void; onLoad(o: { filter: RegExp; namespace: string }, f: () => object): void }) {
            build.onResolve({ filter: /^\/vendor\/anjian-core\.js$/ }, () => ({ path: 'anjian-core', namespace: 'anjian-core' }));
            build.onLoad({ filter: /.*/, namespace: 'anjian-core' }, () => ({ contents: browserCore, loader: 'js' }));
          },
        },
      ],
      entryNames: '[name].[hash]',
      outdir,
      minify: true,
      logLevel: 'error',
    },
    // the plugin's module, which the options do not show
    { 'anjian-core:anjian-core': browserCore },
  );
  const assets = new Map<string, StaticAsset>();
  for (const file of outputFiles) assets.set(`/ui/${file.path.slice(outdir.length + 1)}`, staticAsset(file.contents, CONTENT_TYPES['.js']!));
  const entry = [...assets.keys()].find((p) => p.endsWith('.js'))!;
  const css = staticAsset(readFileSync(join(publicDir, 'style.css')), CONTENT_TYPES['.css']!);
  const stylesheet = `/ui/style.${css.hash}.css`;
  assets.set(stylesheet, css);
  return { assets, entry, stylesheet };
}
