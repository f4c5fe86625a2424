import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../atomic-write';
import { withLock, type LockOptions } from './lock';
import type { RegistryVersion, VersionSummary } from './types';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** 7 → "000007": file names sort in version order. */
const padded = (version: number) => String(version).padStart(6, '0');

/**
 * The registry on disk. One directory, shared by every gateway replica and publisher:
 *
 *   versions/000001.json      the version record (members with their SDL, changes, who, when)
 *   versions/000001.graphql   its supergraph
 *   current.json              { "version": N }: the commit point
 *   supergraph.graphql        the current supergraph: the file the gateways serve and watch
 *   .lock                     held while publishing
 *
 * Writes go version files → current.json → supergraph.graphql, each replaced atomically, so a
 * reader never sees half a file, and a crash in between is repaired from current.json (`repair`).
 */
export class RegistryStore {
  readonly dir: string;
  readonly supergraphPath: string;
  private readonly versionsDir: string;
  private readonly currentPath: string;
  private readonly lockPath: string;

  constructor(dir: string, private readonly lockOptions: LockOptions = {}) {
    this.dir = path.resolve(dir);
    this.supergraphPath = path.join(this.dir, 'supergraph.graphql');
    this.versionsDir = path.join(this.dir, 'versions');
    this.currentPath = path.join(this.dir, 'current.json');
    this.lockPath = path.join(this.dir, '.lock');
  }

  /** Serialises writers across processes (see lock.ts). */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await fs.mkdir(this.versionsDir, { recursive: true });
    return withLock(this.lockPath, fn, this.lockOptions);
  }

  /** The current version number, or null for an empty registry. */
  async currentVersion(): Promise<number | null> {
    let text: string;
    try {
      text = await fs.readFile(this.currentPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const version = (JSON.parse(text) as { version?: unknown }).version;
    if (!Number.isInteger(version)) throw new Error(`${this.currentPath} does not name a version`);
    return version as number;
  }

  async read(version: number): Promise<RegistryVersion | null> {
    try {
      return JSON.parse(await fs.readFile(this.versionFile(version, 'json'), 'utf8')) as RegistryVersion;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  readSupergraph(version: number): Promise<string> {
    return fs.readFile(this.versionFile(version, 'graphql'), 'utf8');
  }

  /** The current record and its supergraph, or null for an empty registry. */
  async current(): Promise<{ record: RegistryVersion; supergraph: string } | null> {
    const version = await this.currentVersion();
    if (version == null) return null;
    const record = await this.read(version);
    if (!record) throw new Error(`the registry's current version ${version} has no record in ${this.versionsDir}`);
    return { record, supergraph: await this.readSupergraph(version) };
  }

  /** The next free version number (a number whose files a failed publish removed is reused). */
  async nextVersion(): Promise<number> {
    const names = await fs.readdir(this.versionsDir).catch(() => [] as string[]);
    const numbers = names.map((n) => /^(\d+)\.json$/.exec(n)?.[1]).filter(Boolean).map(Number);
    return Math.max(0, (await this.currentVersion()) ?? 0, ...numbers) + 1;
  }

  /** Every version, oldest first, members without SDL bodies. */
  async history(): Promise<VersionSummary[]> {
    const current = await this.currentVersion();
    const names = (await fs.readdir(this.versionsDir).catch(() => [] as string[])).filter((n) => /^\d+\.json$/.test(n)).sort();
    const out: VersionSummary[] = [];
    for (const name of names) {
      const record = JSON.parse(await fs.readFile(path.join(this.versionsDir, name), 'utf8')) as RegistryVersion;
      out.push({ ...record, subgraphs: record.subgraphs.map(({ sdl: _sdl, ...member }) => member), current: record.version === current });
    }
    return out;
  }

  /** Writes a new version and makes it current. Call with the lock held. */
  async commit(record: RegistryVersion, supergraph: string): Promise<void> {
    // 'wx': never overwrite a version another writer made (it would have needed our lock).
    await fs.writeFile(this.versionFile(record.version, 'graphql'), supergraph, { flag: 'wx' });
    await fs.writeFile(this.versionFile(record.version, 'json'), `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
    await writeFileAtomic(this.currentPath, `${JSON.stringify({ version: record.version })}\n`);
    await writeFileAtomic(this.supergraphPath, supergraph);
  }

  /**
   * Undoes a commit the gateway could not serve: `previous` is current again and served, and the
   * failed version's files go (it never was live, so history should not show it).
   */
  async revert(failed: number, previous: number): Promise<void> {
    await writeFileAtomic(this.currentPath, `${JSON.stringify({ version: previous })}\n`);
    await writeFileAtomic(this.supergraphPath, await this.readSupergraph(previous));
    await fs.rm(this.versionFile(failed, 'json'), { force: true });
    await fs.rm(this.versionFile(failed, 'graphql'), { force: true });
  }

  /**
   * Makes supergraph.graphql match current.json again after a crash between the two writes (or a
   * hand edit). Returns true when it had to rewrite the file.
   */
  async repair(): Promise<boolean> {
    const version = await this.currentVersion();
    if (version == null) return false;
    const wanted = await this.readSupergraph(version);
    const served = await fs.readFile(this.supergraphPath, 'utf8').catch(() => undefined);
    if (served === wanted) return false;
    await writeFileAtomic(this.supergraphPath, wanted);
    return true;
  }

  private versionFile(version: number, ext: 'json' | 'graphql'): string {
    return path.join(this.versionsDir, `${padded(version)}.${ext}`);
  }
}
