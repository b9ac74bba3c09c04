import type { DeviceRegistry, EnterpriseRecord, RentalDirectory, RoundStore } from '@anjian/core/internal';

/**
 * Directory relations over HTTP (issue 17): rental premises, inspection rounds and the
 * enterprise file. Adds `GET /enterprises/{id}/file`, `GET /landlords/{id}/rental-points`,
 * `GET|POST /rounds`, `GET /rounds/{id}`, `POST /rounds/{id}/draws`,
 * `POST /premises/{id}/tenancies` and `POST /premises/{id}/tenancies/{tenant}/end` (and their
 * part of the OpenAPI document). The directory given to the API should add landlords' tenancies to its
 * profiles (`withLandlordTenancies`), so the hazard routes apply the landlord read rule too.
 */
export interface RelationsApiOptions {
  rental: RentalDirectory;
  rounds: RoundStore;
  /**
   * The register of enterprises rounds draw from and cover. `GET /enterprises` and the check of an
   * `area` query value read it only when the API's directory has no `listEnterprises`; with one they
   * ask the directory, one page with the filter pushed down (core's `listReadableEnterprises`) — both
   * must then hold the same enterprises.
   */
  enterprises: () => Promise<readonly EnterpriseRecord[]> | readonly EnterpriseRecord[];
  /** Monitoring devices, listed in the enterprise file when given. */
  devices?: Pick<DeviceRegistry, 'listDevices'>;
  /**
   * The server's round seed key (T33): at least 32 random bytes, secret, the same across
   * restarts. Rounds opened with it publish a commitment to their draw seeds and can be drawn
   * (`POST /rounds/{id}/draws`); without it rounds open without one and draws are refused.
   */
  roundSeedKey?: Uint8Array;
  /** Recurrence window of the enterprise file in days (default 90). */
  recurrenceDays?: number;
}
