// Loaded by index.html before app.js and without imports, so it runs as soon as it arrives:
// the two requests every page starts with go out while the page's modules are still loading.
/** The demo users and enterprises (GET /demo/users). */
export const bootUsers = fetch('/demo/users');
/** Who is signed in (GET /session; the cookie is HttpOnly). */
export const bootSession = fetch('/session', { credentials: 'same-origin' });
