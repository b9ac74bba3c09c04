/**
 * Who an actor is: roles and jurisdiction.
 *
 * @module
 */
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
  /** Contact telephone, printed where a document asks for it. */
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
 */
export interface Directory {
  resolve(actorId: string): Promise<ActorProfile | null>;
  enterprise(enterpriseId: string): Promise<EnterpriseRecord | null>;
}
