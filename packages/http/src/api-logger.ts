/**
 * One structured log record of the API. `level` `error` for every 5xx and every derived value a
 * read answered as unavailable (with the error, which never reaches the response body), `warn` for refused requests worth watching (a body over
 * the limit).
 */
export interface ApiLogEntry {
  /** ISO instant. */
  time: string;
  level: 'error' | 'warn';
  /**
   * What happened: `request_failed` (a 5xx), `derived_value_unavailable` (a read answered a
   * value it could not compute as unavailable, status 200: a year's holiday arrangement not
   * loaded), `body_too_large`, `on_error_failed`.
   */
  event: string;
  /** Correlates the log with the response: a 500 body carries it as `instance` (`urn:uuid:…`). */
  requestId: string;
  method: string;
  /** Path only: query strings may carry search terms and are left out. */
  path: string;
  status: number;
  /** The error of a 5xx: name, message and stack, for operators only. */
  error?: { name: string; message: string; stack?: string; code?: string };
  /** Extra numbers (the body limit, bytes received). */
  [key: string]: unknown;
}

/** Where the API writes its log records; MUST NOT throw (a throwing logger is ignored). */
export type ApiLogger = (entry: ApiLogEntry) => void;

/** The default {@link ApiLogger}: one JSON object per line on stderr (`console.error`). */
export const jsonLineLogger: ApiLogger = (entry) => {
  console.error(JSON.stringify(entry));
};

/** The error's name, message, stack and code as plain data (for a log record). */
export function describeError(error: unknown): NonNullable<ApiLogEntry['error']> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: typeof error, message: String(error) };
}

/** Calls `logger` and swallows what it throws: logging never turns a response into a failure. */
export function safeLog(logger: ApiLogger, entry: ApiLogEntry): void {
  try {
    logger(entry);
  } catch {
    // A broken logger must not break the response it reports on.
  }
}
