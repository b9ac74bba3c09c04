/**
 * Thrown for bad options, malformed input to `append`, a schema newer than this release, or
 * (`TRAIL_MISMATCH`) a hazard whose list row and event log disagree.
 */
export class PostgresStoreError extends Error {
  override readonly name = 'PostgresStoreError';
  constructor(
    readonly code: 'CONFIG_INVALID' | 'INVALID_APPEND' | 'SCHEMA_TOO_NEW' | 'TRAIL_MISMATCH',
    message: string,
  ) {
    super(message);
  }
}
