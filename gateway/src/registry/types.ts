/** The records the schema registry keeps (one JSON file per accepted version). */

export type RegistryAction = 'seed' | 'publish' | 'rollback';

/** One subgraph in a version: everything needed to compose it again. */
export interface RegistryMember {
  name: string;
  url: string;
  /** Duty-matrix department code (HOUSING …); absent for a subgraph outside the matrix. */
  department?: string;
  sdl: string;
}

/** A member as the endpoints list it: without its SDL body. */
export type MemberSummary = Omit<RegistryMember, 'sdl'>;

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

/** One difference between two public schemas, as @graphql-inspector/core names it. */
export interface SchemaChange {
  criticality: Criticality;
  /** e.g. FIELD_REMOVED, FIELD_TYPE_CHANGED. */
  type: string;
  message: string;
  /** Schema coordinate, e.g. Household.dwelling or Query.households.first. */
  path?: string;
  /** Why it is breaking or dangerous, when the library says. */
  reason?: string;
}

export interface RegistryVersion {
  version: number;
  createdAt: string;
  action: RegistryAction;
  /** The subgraph published or removed (absent for seed and rollback). */
  subgraph?: string;
  /** Set when the publish removed `subgraph`. */
  removed?: boolean;
  /** Who: the token subject of the caller. */
  by: string;
  /** Published despite breaking changes. */
  forced: boolean;
  /** What changed in the public schema against `previous`. */
  changes: SchemaChange[];
  /** The version that was current before this one (null for the seed). */
  previous: number | null;
  /** For a rollback: the version whose members and supergraph it restored. */
  rolledBackTo?: number;
  /** sha256 (hex) of the supergraph text. */
  supergraphSha: string;
  subgraphs: RegistryMember[];
}

/** A version as history shows it: the members without SDL bodies. */
export type VersionSummary = Omit<RegistryVersion, 'subgraphs'> & { subgraphs: MemberSummary[]; current: boolean };

/** What publish and rollback answer when the change was accepted. */
export interface RegistryOutcome {
  status: 'published' | 'unchanged' | 'rolled-back' | 'dry-run';
  /** The version now current (for a dry run: the current one, which stays). */
  version: number;
  /** True once the gateway that took the request serves `supergraphSha` (false for a dry run). */
  live: boolean;
  supergraphSha: string;
  subgraph?: string;
  /** Every change, breaking ones included when forced or rolled back. */
  changes: SchemaChange[];
  /** The DANGEROUS changes' messages: accepted, but clients may notice. */
  warnings: string[];
  /**
   * With an SDL given: whether it is what the subgraph at its URL serves. A note when it is not
   * (published before deploying, or the wrong file), or when that could not be asked.
   */
  notes?: string[];
  forced?: boolean;
  rolledBackTo?: number;
  /** 'updated' | 'not updated: <reason>' (absent for unchanged and dry runs). */
  dutyMatrix?: string;
}
