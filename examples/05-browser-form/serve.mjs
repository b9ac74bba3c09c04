// Serve dist/ with a Content-Security-Policy that allows scripts from this origin only: no
// inline script, no eval (@anjian/core classifies without compiling code in the page).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'none'; base-uri 'none'";

/** A server for dist/ (not listening yet). */
export function createPageServer() {
  const files = { '/': ['index.html', 'text/html; charset=utf-8'], '/form.js': ['form.js', 'text/javascript; charset=utf-8'] };
  return createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file ? file[1] : 'text/plain', 'content-security-policy': CSP });
    res.end(file ? readFileSync(new URL(`./dist/${file[0]}`, import.meta.url)) : 'not found');
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  createPageServer().listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/`));
}
