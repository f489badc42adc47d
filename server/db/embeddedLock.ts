import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * Only one process may open an embedded (PGlite) database directory: a second one writing to the
 * same files destroys the database (decision 0080). The owner writes `<dir>.lock` (beside the
 * directory, not in PostgreSQL's own files) with its pid; the file is created exclusively, so of
 * two processes starting at once only one gets it. A lock whose process no longer runs (killed
 * with -9, a crash) is taken over, so a stale lock never blocks for good.
 */
export class EmbeddedDatabaseInUseError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `De ingebouwde database in ${dataDir} is in gebruik door een ander proces (pid ${pid}): stop eerst de app (Ctrl+C) en probeer het dan opnieuw, of lees bestanden in via Beheer → Uploaden in de draaiende app.`,
    );
    this.name = 'EmbeddedDatabaseInUseError';
    this.pid = pid;
  }
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? (parsed as LockContent) : null;
  } catch {
    return null;
  }
}

const held = new Map<string, () => void>();

/** Takes the directory's lock or throws EmbeddedDatabaseInUseError; returns the release function. */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  if (held.has(file)) throw new EmbeddedDatabaseInUseError(dataDir, process.pid);
  mkdirSync(path.dirname(file), { recursive: true });
  const content: LockContent = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(file);
      // No readable content: another process is writing it this very moment (or it was cut off
      // long ago: then it is stale).
      const alive = owner === null ? isFresh(file) : owner.host !== content.host || processRuns(owner.pid);
      if (alive || attempt > 0) throw new EmbeddedDatabaseInUseError(dataDir, owner?.pid ?? 0);
      // Stale: its process is gone. Remove it and try once more (exclusively, so one of two wins).
      try {
        unlinkSync(file);
      } catch {}
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(file);
    process.off('exit', release);
    if (readLock(file)?.pid === process.pid) {
      try {
        unlinkSync(file);
      } catch {}
    }
  };
  held.set(file, release);
  // Also on process.exit() (the CLI's error paths); a kill -9 leaves a stale lock, taken over later.
  process.on('exit', release);
  return release;
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 5_000;
  } catch {
    return false;
  }
}
