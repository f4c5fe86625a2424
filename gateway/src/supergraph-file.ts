import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { DocumentNode } from 'graphql';
import { validateSupergraphSdl, type SupergraphSubgraph } from './supergraph-validate';
import { displayPath } from './paths';

export interface LoadedSupergraph {
  path: string;
  document: DocumentNode;
  subgraphs: SupergraphSubgraph[];
  /** sha256 of the file text, short form; shown in /ready and logs. */
  hash: string;
  loadedAt: Date;
}

export type ReloadResult =
  | { status: 'unchanged' }
  | { status: 'reloaded'; supergraph: LoadedSupergraph }
  | { status: 'rejected'; error: string };

export interface SupergraphFileOptions {
  logger: Logger;
  /**
   * Makes a validated candidate live; throws if the runtime cannot use it. Only after it
   * resolves does the candidate become the "last good" supergraph.
   */
  apply: (candidate: LoadedSupergraph) => Promise<void>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Message for a start without any usable supergraph: the fix is always the same command. */
export class NoSupergraphError extends Error {
  constructor(file: string, reason: string) {
    super(`No usable supergraph at ${displayPath(file)}: ${reason}. Run \`npm run compose\` to create it.`);
    this.name = 'NoSupergraphError';
  }
}

/**
 * Owns the supergraph file: the last good version, and reloads when the file changes.
 *
 * fs.watch watches the *directory* because compose replaces the file by rename (a watch on
 * the file itself would stay on the old inode); a stat poll backs it up because fs.watch is
 * unreliable on network and container filesystems. A bad file is logged and ignored, so the
 * gateway keeps serving the last good schema.
 */
export class SupergraphFile {
  readonly path: string;
  current?: LoadedSupergraph;
  lastError?: string;

  private readonly logger: Logger;
  private readonly apply: (candidate: LoadedSupergraph) => Promise<void>;
  private lastSeenHash?: string;
  private lastStat?: string;
  private queue: Promise<unknown> = Promise.resolve();
  private watcher?: fs.FSWatcher;
  private poller?: NodeJS.Timeout;
  private debounce?: NodeJS.Timeout;
  private closed = false;

  constructor(filePath: string, options: SupergraphFileOptions) {
    this.path = path.resolve(filePath);
    this.logger = options.logger;
    this.apply = options.apply;
  }

  /** Reads and validates the file once; throws NoSupergraphError if it is missing or invalid. */
  async readInitial(): Promise<LoadedSupergraph> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new NoSupergraphError(this.path, code === 'ENOENT' ? 'file not found' : (err as Error).message);
    }
    this.lastStat = await this.statSignature();
    const check = validateSupergraphSdl(text);
    if (!check.ok) throw new NoSupergraphError(this.path, check.error);
    this.lastSeenHash = sha(text);
    return { path: this.path, document: check.document, subgraphs: check.subgraphs, hash: this.lastSeenHash, loadedAt: new Date() };
  }

  /** Marks the initial supergraph as live (after the server applied it). */
  setCurrent(supergraph: LoadedSupergraph): void {
    this.current = supergraph;
  }

  /** Re-reads the file now; serialised so overlapping events never apply out of order. */
  reload(): Promise<ReloadResult> {
    const run = this.queue.then(() => this.doReload());
    this.queue = run.catch(() => undefined);
    return run;
  }

  watch(pollIntervalMs: number): void {
    const dir = path.dirname(this.path);
    const base = path.basename(this.path);
    try {
      this.watcher = fs.watch(dir, { persistent: false }, (_event, filename) => {
        if (filename == null || filename.toString() === base) this.scheduleReload();
      });
      this.watcher.on('error', (err) => {
        this.logger.warn({ err, path: this.path }, 'supergraph file watcher failed; relying on polling');
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch (err) {
      this.logger.warn({ err, path: this.path }, 'cannot watch the supergraph directory; relying on polling');
    }
    if (pollIntervalMs > 0) {
      this.poller = setInterval(() => void this.pollOnce(), pollIntervalMs);
      this.poller.unref();
    }
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    if (this.poller) clearInterval(this.poller);
    if (this.debounce) clearTimeout(this.debounce);
  }

  /** Editors and compose fire several events per save; reload once they settle. */
  private scheduleReload(): void {
    if (this.closed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.reload(), 50);
    this.debounce.unref();
  }

  private async pollOnce(): Promise<void> {
    if (this.closed) return;
    const sig = await this.statSignature();
    if (sig !== this.lastStat) this.scheduleReload();
  }

  private async statSignature(): Promise<string> {
    try {
      const st = await fsp.stat(this.path);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  private async doReload(): Promise<ReloadResult> {
    this.lastStat = await this.statSignature();
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (err) {
      return this.reject(`cannot read the file: ${(err as Error).message}`, 'missing');
    }
    const hash = sha(text);
    if (hash === this.lastSeenHash) {
      // Same bytes as last time: report the earlier verdict without logging it again.
      return this.lastError ? { status: 'rejected', error: this.lastError } : { status: 'unchanged' };
    }

    const check = validateSupergraphSdl(text);
    if (!check.ok) return this.reject(check.error, hash);

    const candidate: LoadedSupergraph = {
      path: this.path,
      document: check.document,
      subgraphs: check.subgraphs,
      hash,
      loadedAt: new Date(),
    };
    const previous = this.current;
    try {
      await this.apply(candidate);
    } catch (err) {
      return this.reject(`the gateway runtime rejected it: ${(err as Error).message}`, hash);
    }
    this.lastSeenHash = hash;
    this.lastError = undefined;
    this.current = candidate;
    this.logger.info(
      { path: this.path, hash, previousHash: previous?.hash, subgraphs: candidate.subgraphs.map((s) => s.name) },
      'supergraph reloaded',
    );
    return { status: 'reloaded', supergraph: candidate };
  }

  /** Remembers the bad version so one bad save is logged once, not on every poll. */
  private reject(error: string, seenHash: string): ReloadResult {
    if (seenHash !== this.lastSeenHash) {
      this.logger.error(
        { path: this.path, keptHash: this.current?.hash, reason: error },
        `supergraph file ${displayPath(this.path)} rejected (${error}); still serving the last good supergraph`,
      );
    }
    this.lastSeenHash = seenHash;
    this.lastError = error;
    return { status: 'rejected', error };
  }
}
