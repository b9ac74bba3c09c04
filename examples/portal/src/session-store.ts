import { createHash, randomBytes } from 'node:crypto';

/** Idle expiry of a portal session: 30 minutes without a request. */
export const SESSION_IDLE_MS = 30 * 60_000;
/** Absolute expiry of a portal session: 12 hours after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions {
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  idleMs?: number;
  absoluteMs?: number;
}

/** The server-side session map of the portal. */
export interface SessionStore {
  /** Starts a session for `userId`; returns its id (32 random bytes, base64url) — the cookie value. */
  create(userId: string): string;
  /**
   * The user of a live session, refreshing its idle timer; null for an unknown, idle-expired
   * (30 min) or absolutely expired (12 h) id — an expired session is deleted.
   */
  userOf(sessionId: string): string | null;
  /** Ends a session (sign-out); unknown ids are ignored. */
  delete(sessionId: string): void;
  /** Live sessions (for tests). */
  size(): number;
}

interface Session {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
}

/**
 * An in-memory session store. Sessions are keyed by the SHA-256 of their id, so the map
 * holds nothing a client could present; a restart signs everyone out.
 */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? SESSION_IDLE_MS;
  const absoluteMs = options.absoluteMs ?? SESSION_ABSOLUTE_MS;
  const sessions = new Map<string, Session>();
  const keyOf = (id: string) => createHash('sha256').update(id).digest('base64url');
  const expired = (s: Session, t: number) => t - s.lastSeenAt >= idleMs || t - s.createdAt >= absoluteMs;
  const sweep = (t: number) => {
    for (const [key, s] of sessions) if (expired(s, t)) sessions.delete(key);
  };
  return {
    create(userId) {
      const t = now();
      sweep(t);
      const id = randomBytes(32).toString('base64url');
      sessions.set(keyOf(id), { userId, createdAt: t, lastSeenAt: t });
      return id;
    },
    userOf(sessionId) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
      const key = keyOf(sessionId);
      const s = sessions.get(key);
      if (!s) return null;
      const t = now();
      if (expired(s, t)) {
        sessions.delete(key);
        return null;
      }
      s.lastSeenAt = t;
      return s.userId;
    },
    delete(sessionId) {
      sessions.delete(keyOf(sessionId));
    },
    size: () => sessions.size,
  };
}
