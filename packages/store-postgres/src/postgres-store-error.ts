import { StoreError } from '@anjian/core/ports';

/**
 * Thrown for bad options, malformed input to `append`, a schema newer than this release, or
 * (`TRAIL_MISMATCH`) a hazard whose list row and event log disagree: a {@link StoreError}
 * (same codes as every store).
 */
export class PostgresStoreError extends StoreError {
  override readonly name: string = 'PostgresStoreError';
  declare readonly code: 'CONFIG_INVALID' | 'INVALID_APPEND' | 'SCHEMA_TOO_NEW' | 'TRAIL_MISMATCH';
  constructor(code: 'CONFIG_INVALID' | 'INVALID_APPEND' | 'SCHEMA_TOO_NEW' | 'TRAIL_MISMATCH', message: string) {
    super(code, message);
  }
}
