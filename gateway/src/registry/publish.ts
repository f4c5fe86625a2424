import { fetchLiveSdl } from '../sdl-sources';
import { assertHttpUrl, DEPARTMENT_CODE_PATTERN } from '../service-list';
import { SECTOR_VIEW_NAME } from '../sector-view';
import { breakingOf, schemaChanges, warningsOf } from './checks';
import { composeMembers } from './compose';
import { badInput, RegistryError } from './errors';
import { sha256, type RegistryStore } from './store';
import type { MemberSummary, RegistryMember, RegistryOutcome, RegistryVersion, VersionSummary } from './types';

/** What a department publishes: its subgraph's name, and what changes (omitted = kept). */
export interface PublishRequest {
  subgraph: string;
  /** Required for a new subgraph; an existing one keeps its URL. */
  url?: string;
  /** Omitted: fetched from the subgraph's URL (`{ _service { sdl } }`). */
  sdl?: string;
  /** Duty-matrix department code; omitted: kept (or none for a new subgraph). */
  department?: string;
  /** Take the subgraph out of the supergraph (the breaking check applies). */
  remove?: boolean;
}

export interface PublishOptions {
  /** Accept breaking changes. */
  force?: boolean;
  /** Compose and check only; nothing is written. */
  dryRun?: boolean;
  /** Who publishes (token subject). */
  by: string;
  /** False for a department officer: the department code of an existing member is the admin's to change. */
  mayChangeDepartment?: boolean;
}

export interface RegistryDeps {
  store: RegistryStore;
  /** Makes the store's current supergraph live; resolves once the gateway serves `supergraphSha`. */
  goLive: (supergraphSha: string) => Promise<void>;
  /** After a version went live (the duty matrix sync); never throws, says what happened. */
  afterLive?: (members: RegistryMember[]) => Promise<string>;
  /** Reads a running subgraph's SDL. Default: fetchLiveSdl, signed with SUBGRAPH_SIGNING_SECRET. */
  fetchSdl?: (url: string) => Promise<string>;
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,62}$/;

function validate(request: PublishRequest): void {
  const { subgraph, url, sdl, department, remove } = request;
  if (typeof subgraph !== 'string' || !SUBGRAPH_NAME.test(subgraph)) {
    throw badInput('subgraph must be a lower-case name such as "housing" (letters, digits, dashes)', { field: 'subgraph' });
  }
  if (subgraph === SECTOR_VIEW_NAME) throw badInput(`"${SECTOR_VIEW_NAME}" is derived by the gateway and cannot be published`, { field: 'subgraph' });
  if (url !== undefined) {
    if (typeof url !== 'string') throw badInput('url must be a string', { field: 'url' });
    try {
      assertHttpUrl(url, 'url');
    } catch (err) {
      throw badInput((err as Error).message, { field: 'url' });
    }
  }
  if (sdl !== undefined && (typeof sdl !== 'string' || sdl.trim() === '')) throw badInput('sdl must be a non-empty string', { field: 'sdl' });
  if (department !== undefined && (typeof department !== 'string' || !DEPARTMENT_CODE_PATTERN.test(department))) {
    throw badInput('department must be a duty-matrix department code such as "HOUSING"', { field: 'department' });
  }
  if (remove && (url !== undefined || sdl !== undefined || department !== undefined)) {
    throw badInput('remove takes only the subgraph name', { field: 'remove' });
  }
}

const sameDepartments = (a: RegistryMember[], b: RegistryMember[]) =>
  a.length === b.length && a.every((m, i) => m.name === b[i].name && m.department === b[i].department);

const summary = ({ sdl: _sdl, ...member }: RegistryMember): MemberSummary => member;

/**
 * The schema registry: publish (compose, check, write, go live), rollback, history. Every write
 * holds the directory lock from reading the current version to going live, so two publishers
 * never compose against the same base.
 */
export class SchemaRegistry {
  private readonly store: RegistryStore;
  private readonly fetchSdl: (url: string) => Promise<string>;

  constructor(private readonly deps: RegistryDeps) {
    this.store = deps.store;
    this.fetchSdl = deps.fetchSdl ?? ((url) => fetchLiveSdl(url));
  }

  async publish(request: PublishRequest, options: PublishOptions): Promise<RegistryOutcome> {
    validate(request);
    // Read outside the lock: a slow subgraph must not hold up other publishers.
    const liveSdl = request.sdl ?? (request.remove ? undefined : await this.sdlFromUrl(request));
    // A given SDL is compared with what the subgraph serves; a subgraph that cannot be asked only earns a note.
    const served = request.sdl !== undefined && !request.remove ? this.sdlFromUrl(request) : undefined;
    served?.catch(() => undefined);
    return this.store.withLock(async () => {
      const { record: current, supergraph: currentSupergraph } = await this.requireCurrent();
      const members = this.candidateMembers(current, request, liveSdl, options);
      const unchanged: RegistryOutcome = { status: 'unchanged', version: current.version, live: true, supergraphSha: current.supergraphSha, subgraph: request.subgraph, changes: [], warnings: [] };
      if (members === 'unchanged') return unchanged;
      const supergraph = composeMembers(members);
      // The same SDL in another layout (a subgraph prints its own) composes to the same bytes.
      if (supergraph === currentSupergraph && sameDepartments(current.subgraphs, members)) return unchanged;
      const changes = await schemaChanges(currentSupergraph, supergraph);
      const breaking = breakingOf(changes);
      if (breaking.length && !options.force) {
        throw new RegistryError(
          'BREAKING_CHANGES',
          `${breaking.length} breaking change(s) against version ${current.version}: ${breaking[0].message}${breaking.length > 1 ? ' …' : ''} (force to publish anyway)`,
          409,
          { breaking, changes },
        );
      }
      const forced = breaking.length > 0;
      const notes = served ? await this.servedDrift(members, request.subgraph, supergraph, served) : [];
      const base = { subgraph: request.subgraph, changes, warnings: warningsOf(changes), ...(forced ? { forced } : {}), ...(notes.length ? { notes } : {}) };
      if (options.dryRun) return { status: 'dry-run', version: current.version, live: false, supergraphSha: sha256(supergraph), ...base };

      const record: RegistryVersion = {
        version: await this.store.nextVersion(),
        createdAt: new Date().toISOString(),
        action: 'publish',
        subgraph: request.subgraph,
        ...(request.remove ? { removed: true } : {}),
        by: options.by,
        forced,
        changes,
        previous: current.version,
        supergraphSha: sha256(supergraph),
        subgraphs: members,
      };
      const dutyMatrix = await this.makeCurrent(record, supergraph, current.version);
      return { status: 'published', version: record.version, live: true, supergraphSha: record.supergraphSha, dutyMatrix, ...base };
    });
  }

  /** Restores an earlier version's members and supergraph as a NEW version; default: the current one's previous. */
  async rollback(options: { to?: number; by: string }): Promise<RegistryOutcome> {
    if (options.to !== undefined && (!Number.isInteger(options.to) || options.to < 1)) throw badInput('to must be a version number', { field: 'to' });
    return this.store.withLock(async () => {
      const { record: current, supergraph: currentSupergraph } = await this.requireCurrent();
      const targetVersion = options.to ?? current.previous;
      if (targetVersion == null) throw new RegistryError('NO_PREVIOUS_VERSION', `version ${current.version} is the first; there is nothing to roll back to`, 409);
      if (targetVersion === current.version) throw new RegistryError('ALREADY_CURRENT', `version ${targetVersion} is already current`, 409);
      const target = await this.store.read(targetVersion);
      if (!target) throw new RegistryError('NOT_FOUND', `there is no version ${targetVersion}`, 404, { field: 'to' });
      const supergraph = await this.store.readSupergraph(targetVersion);
      // No breaking check: a rollback is the way out of a bad publish. The changes are still listed.
      const changes = await schemaChanges(currentSupergraph, supergraph);
      const record: RegistryVersion = {
        version: await this.store.nextVersion(),
        createdAt: new Date().toISOString(),
        action: 'rollback',
        by: options.by,
        forced: false,
        changes,
        previous: current.version,
        rolledBackTo: targetVersion,
        supergraphSha: target.supergraphSha,
        subgraphs: target.subgraphs,
      };
      const dutyMatrix = await this.makeCurrent(record, supergraph, current.version);
      return { status: 'rolled-back', version: record.version, live: true, supergraphSha: record.supergraphSha, rolledBackTo: targetVersion, changes, warnings: warningsOf(changes), dutyMatrix };
    });
  }

  history(): Promise<VersionSummary[]> {
    return this.store.history();
  }

  /** The current version's members, without SDL bodies. */
  async members(): Promise<{ version: number; supergraphSha: string; subgraphs: MemberSummary[] }> {
    const { record } = await this.requireCurrent();
    return { version: record.version, supergraphSha: record.supergraphSha, subgraphs: record.subgraphs.map(summary) };
  }

  /** The duty matrix sync for the current members (the gateway runs it once after start). */
  async syncCurrent(): Promise<string> {
    // Under the lock: a publish landing meanwhile must not have its sync overtaken by this older one.
    return this.store.withLock(async () => {
      const { record } = await this.requireCurrent();
      return this.deps.afterLive ? this.deps.afterLive(record.subgraphs) : 'not updated: no sync configured';
    });
  }

  private async requireCurrent(): Promise<{ record: RegistryVersion; supergraph: string }> {
    const current = await this.store.current();
    if (!current) throw new Error(`the schema registry in ${this.store.dir} is empty (the gateway seeds it when it starts)`);
    return current;
  }

  private async sdlFromUrl(request: PublishRequest): Promise<string> {
    let url = request.url;
    if (!url) {
      const current = await this.store.current();
      url = current?.record.subgraphs.find((m) => m.name === request.subgraph)?.url;
      if (!url) throw badInput(`"${request.subgraph}" is not a member yet: give its url (and its sdl, or a url that serves it)`, { field: 'url' });
    }
    try {
      return await this.fetchSdl(url);
    } catch (err) {
      throw new RegistryError('SDL_UNAVAILABLE', `${(err as Error).message}; give the SDL instead`, 502, { url });
    }
  }

  /** Notes when the published SDL is not what the subgraph at its URL serves (judged by the supergraph each composes to). */
  private async servedDrift(members: RegistryMember[], subgraph: string, supergraph: string, served: Promise<string>): Promise<string[]> {
    const member = members.find((m) => m.name === subgraph)!;
    let sdl: string;
    try {
      sdl = await served;
    } catch (err) {
      return [`not compared with what ${member.url} serves: ${(err as Error).message}`];
    }
    if (sdl === member.sdl) return [];
    let servedSupergraph: string | undefined;
    try {
      servedSupergraph = composeMembers(members.map((m) => (m === member ? { ...m, sdl } : m)));
    } catch {
      // What it serves does not even compose: certainly not the published SDL.
    }
    return servedSupergraph === supergraph
      ? []
      : [`${member.url} serves another schema than this SDL: until the subgraph that serves it is deployed there, queries for what the SDL adds or changes fail`];
  }

  /** The members after this request, or 'unchanged' when it would change nothing. */
  private candidateMembers(current: RegistryVersion, request: PublishRequest, sdl: string | undefined, options: PublishOptions): RegistryMember[] | 'unchanged' {
    const existing = current.subgraphs.find((m) => m.name === request.subgraph);
    if (request.remove) {
      if (!existing) throw new RegistryError('NOT_FOUND', `"${request.subgraph}" is not a member of version ${current.version}`, 404, { field: 'subgraph' });
      if (current.subgraphs.length === 1) throw badInput('the last subgraph cannot be removed');
      return current.subgraphs.filter((m) => m !== existing);
    }
    const url = request.url ?? existing?.url;
    if (!url) throw badInput(`"${request.subgraph}" is not a member yet: give its url`, { field: 'url' });
    const department = request.department ?? existing?.department;
    if (existing && department !== existing.department && options.mayChangeDepartment === false) {
      throw new RegistryError('FORBIDDEN', `only an admin may change the department of "${request.subgraph}" (${existing.department ?? 'none'})`, 403);
    }
    const holder = department ? current.subgraphs.find((m) => m.department === department && m.name !== request.subgraph) : undefined;
    if (holder) throw new RegistryError('DEPARTMENT_TAKEN', `department ${department} is already served by subgraph "${holder.name}"`, 409, { field: 'department', subgraph: holder.name });

    const next: RegistryMember = { name: request.subgraph, url, ...(department ? { department } : {}), sdl: sdl! };
    if (existing && existing.url === next.url && existing.sdl === next.sdl && existing.department === next.department) return 'unchanged';
    return existing ? current.subgraphs.map((m) => (m === existing ? next : m)) : [...current.subgraphs, next];
  }

  /** Commit, go live, sync the duty matrix; a version the gateway cannot serve is undone. */
  private async makeCurrent(record: RegistryVersion, supergraph: string, previous: number): Promise<string> {
    try {
      await this.store.commit(record, supergraph);
      await this.deps.goLive(record.supergraphSha);
    } catch (err) {
      await this.store.revert(record.version, previous);
      await this.deps.goLive((await this.store.read(previous))!.supergraphSha).catch(() => undefined);
      throw new RegistryError('NOT_LIVE', `version ${record.version} was not made live (${(err as Error).message}); the registry is back at version ${previous}`, 500);
    }
    return this.deps.afterLive ? this.deps.afterLive(record.subgraphs) : 'not updated: no sync configured';
  }
}
