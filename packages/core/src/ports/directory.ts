/**
 * Who an actor is: roles and jurisdiction.
 *
 * @module
 */
import type { EnterpriseListQuery } from './enterprise-list.js';
import type { TenancyRecord } from './rental-directory.js';

/** Roles of the review chain. */
export type Role = 'enterprise' | 'grid' | 'enforcement' | 'department_admin' | 'system';

/** All roles, in a stable order. */
export const ROLES: readonly Role[] = Object.freeze(['enterprise', 'grid', 'enforcement', 'department_admin', 'system']);

/** An enforcement department: the domains it supervises and the areas it covers. */
export interface DepartmentScope {
  id: string;
  /** Domains (`gas`, `fire`, …) the department supervises. */
  domains: readonly string[];
  /** Area codes it covers. An area covers its sub-areas: `D1` covers `D1/G3`. */
  areas: readonly string[];
}

/**
 * An actor as the chain sees it when deciding a command. Built by the {@link Directory}
 * at command time, so a role revoked in the middle of a session takes effect at once.
 */
export interface ActorProfile {
  id: string;
  roles: readonly Role[];
  /** The person's name as documents print it (执法人员姓名); enforcement documents need it. */
  name?: string;
  /** Enterprises the actor may act for (role `enterprise`). */
  enterpriseIds?: readonly string[];
  /** Grid areas the actor patrols (role `grid`). */
  gridAreas?: readonly string[];
  /** Departments the actor belongs to (role `enforcement`). */
  departments?: readonly DepartmentScope[];
  /**
   * 执法证号: the officer's law-enforcement certificate number. Two-officer acts need it
   * for both officers and record it in the event.
   */
  certificateNo?: string;
  /**
   * Tenancies at premises one of `enterpriseIds` holds (the actor's enterprise is the
   * landlord): with role `enterprise`, the actor reads those tenants' hazards in the
   * premises' area. Derived from a `RentalDirectory` by `withLandlordTenancies`, never
   * taken from a request; a tenancy whose landlord is not one of `enterpriseIds` grants nothing.
   */
  tenancies?: readonly TenancyRecord[];
  /**
   * The person's mobile number, where a host sends the texts addressed to this actor (a grid
   * inspector's area digest, a permit waiting for the approver's approval). A fact of the
   * directory, like the enterprise's {@link EnterpriseRecord.phone}: a host looks it up here
   * when it sends, and an actor without one is not reachable — the message is a dead letter
   * naming the actor, never dropped. Core never prints it.
   */
  phone?: string;
}

/** An enterprise as registered with the supervising departments. */
export interface EnterpriseRecord {
  id: string;
  name: string;
  /** Registered area code (e.g. `D1/G1`): a hazard of the enterprise is in this area. */
  area: string;
  /** Registered address (住所/经营场所), printed on enforcement documents. */
  address?: string;
  /** 法定代表人（主要负责人）, printed on enforcement documents. */
  legalRepresentative?: string;
  /**
   * Contact telephone, printed where a document asks for it; the number a host texts the
   * enterprise's notifications to (a notice, an overdue warning, a landlord's copy). An
   * enterprise without one is not reachable by text: the host's relay dead-letters the message
   * (`PermanentDeliveryError` or `{ ok: false, retryable: false }`), never drops it.
   */
  phone?: string;
  /**
   * Which standard the enterprise's hazardous-work permits are held to: `hazchem` for a
   * hazardous-chemical enterprise (危险化学品企业, GB 30871-2022), `general` for any other
   * (工贸企业 and the like: GB 46768-2025 for confined space). A fact of the registration, never
   * of a request: the permit service derives a permit's rules from it, and refuses a permit of
   * an enterprise whose record does not state it (fail closed, nothing defaulted). Optional
   * only so that a directory without permits need not state it.
   */
  regime?: 'hazchem' | 'general';
}

/**
 * Resolves actor ids to profiles (an identity provider, an HR system, a table), and
 * enterprise ids to their registered record.
 *
 * - `resolve(id)` MUST return `null` for an unknown, disabled or expired actor; the chain
 *   then denies the command (and records the denial). It MUST NOT return a cached profile
 *   older than the host's session policy allows.
 * - It MAY be called concurrently; it MUST NOT mutate a profile it returned earlier.
 * - Errors (the identity provider is down) are thrown and propagate to the caller: the
 *   command is neither accepted nor recorded as denied.
 * - `enterprise(id)` MUST return `null` for an unknown or deregistered enterprise; the
 *   area it returns is where the enterprise's hazards belong (the chain never takes an
 *   area from a request).
 * - `listEnterprises(query)` is optional: a directory over a large register (10 000 enterprises
 *   and more) implements it so a host lists one page with the filter pushed down (an index on
 *   id and area) instead of loading the register. When implemented it MUST answer exactly what
 *   `listEnterprisesOf(everyEnterprise, query)` answers (the one definition, `@anjian/core/ports`):
 *   - only enterprises `enterprise(id)` answers (none deregistered), each as it answers it;
 *   - ordered by id in JavaScript's string order (UTF-16 code units; for ASCII ids what SQLite's
 *     `BINARY` or PostgreSQL's `COLLATE "C"` compares), no id twice;
 *   - `after`: only ids sorting after it (keyset paging: the last id of a page continues);
 *   - `areas`: only enterprises registered in one of them or a sub-area (`D1` covers `D1/G3`, not
 *     `D10`: `areaCovers`); an empty list matches none; omitted narrows nothing;
 *   - `q`: only those whose name or id contains it, as given (case-sensitive; `%` and `_` are
 *     plain characters, not patterns);
 *   - at most `limit` (an integer from 1); fewer only when no more match;
 *   - a query that is not an `EnterpriseListQuery` — a `limit` that is not an integer from 1, a
 *     field it does not define (`area` for `areas`), a field of another type — is refused
 *     (`checkEnterpriseListQuery`: `RangeError`, `TypeError`), never answered as a wider list.
 *
 *   It MUST NOT apply a read policy of its own: who may read which enterprise is decided on the
 *   server (`listReadableEnterprises`), which narrows the query by the reader's scopes first.
 *   Run `runEnterpriseListConformance` of `@anjian/core/testing` against it. `createStaticDirectory`
 *   implements it over the same table `enterprise(id)` reads (its `register()` is that table whole,
 *   for whatever else reads the register), so a host on it lists as on a database.
 */
export interface Directory {
  resolve(actorId: string): Promise<ActorProfile | null>;
  enterprise(enterpriseId: string): Promise<EnterpriseRecord | null>;
  /** One page of the register, the filter pushed down (optional; see the interface's rules). */
  listEnterprises?(query: EnterpriseListQuery): Promise<readonly EnterpriseRecord[]>;
}
