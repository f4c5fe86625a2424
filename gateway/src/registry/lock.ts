import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import { randomBytes } from 'node:crypto';
import { RegistryError } from './errors';

export interface LockOptions {
  /** A lock whose file was not touched for this long belongs to a dead holder. Default 30 s. */
  staleMs?: number;
  /** How long to wait for another holder before giving up with REGISTRY_BUSY. Default 60 s. */
  waitMs?: number;
}

const RETRY_MS = 50;

/**
 * Runs `fn` holding a lock file, so publishers in every process sharing the directory (gateway
 * replicas, several CLI calls) take turns. `open(..., 'wx')` creates the file only if nobody
 * holds it; the holder touches it every few seconds, so a file left by a crashed holder goes
 * stale and the next publisher takes it over.
 */
export async function withLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 30_000;
  const token = `${os.hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
  await acquire(lockPath, token, staleMs, options.waitMs ?? 60_000);
  const heartbeat = setInterval(() => {
    const now = new Date();
    void fs.utimes(lockPath, now, now).catch(() => undefined);
  }, Math.max(100, Math.floor(staleMs / 6)));
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, token: string, staleMs: number, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(token, 'utf8');
      } finally {
        await handle.close();
      }
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    await removeIfStale(lockPath, staleMs);
    if (Date.now() > deadline) {
      const holder = await fs.readFile(lockPath, 'utf8').catch(() => 'unknown');
      throw new RegistryError('REGISTRY_BUSY', `another publish is in progress (lock held by ${holder}); try again`, 503, { lock: lockPath });
    }
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

/**
 * Takes a stale lock away by renaming it first: of two processes that both find it stale, only
 * one rename succeeds. If what was renamed turns out to be a fresh lock (taken over in between),
 * it is linked back, which fails harmlessly if yet another holder exists by then.
 */
async function removeIfStale(lockPath: string, staleMs: number): Promise<void> {
  const st = await fs.stat(lockPath).catch(() => undefined);
  if (!st || Date.now() - st.mtimeMs <= staleMs) return;
  const aside = `${lockPath}.stale.${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await fs.stat(aside).catch(() => undefined);
  if (moved && moved.ino !== st.ino) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

/** Removes the lock only if it is still ours (a stale takeover may have replaced it). */
async function release(lockPath: string, token: string): Promise<void> {
  const holder = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
  if (holder === token) await fs.rm(lockPath, { force: true });
}
