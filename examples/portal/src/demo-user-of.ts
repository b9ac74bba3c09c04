import { DEMO_USERS } from './demo-users.js';

/** The demo login: the `X-Demo-User` header, or the `anjian_demo_user` cookie. */
export function demoUserOf(request: Request): string | null {
  const header = request.headers.get('x-demo-user');
  const cookie = /(?:^|;\s*)anjian_demo_user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  let id = header;
  if (id === null && cookie) {
    try {
      id = decodeURIComponent(cookie);
    } catch {
      return null;
    }
  }
  return id && DEMO_USERS.some((u) => u.profile.id === id) ? id : null;
}
