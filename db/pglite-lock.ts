import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * PGlite allows one process per data folder and does not lock it: two processes silently lose
 * writes. This lock file beside the folder names the pid that holds it. A lock left by a process
 * that no longer runs is taken over.
 */
export class DatabaseFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The database folder ${folder} is in use by another Pillars process (pid ${pid}). ` +
        `Stop that process first, or set PGLITE_DIR to another folder.`,
    );
    this.name = "DatabaseFolderLockedError";
  }
}

export function lockPathFor(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A recycled pid that is no longer a Node process does not hold the folder.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline)) {
    try {
      return /node|next/.test(readFileSync(cmdline, "utf8"));
    } catch {
      return true;
    }
  }
  return true;
}

function readHolder(lockPath: string): number {
  try {
    return Number(JSON.parse(readFileSync(lockPath, "utf8")).pid);
  } catch {
    return Number.NaN;
  }
}

/** Takes the folder's lock for this process, or throws DatabaseFolderLockedError. Returns a release function. */
export function lockDatabaseFolder(folder: string): () => void {
  const lockPath = lockPathFor(folder);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      const release = () => {
        if (readHolder(lockPath) === process.pid) {
          try {
            unlinkSync(lockPath);
          } catch {
            // Already gone.
          }
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder === process.pid) return () => {};
      if (isRunning(holder)) throw new DatabaseFolderLockedError(path.resolve(folder), holder);
      // Stale: its process is gone. Remove it and try again.
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process removed it first; the next attempt decides.
      }
    }
  }
  throw new DatabaseFolderLockedError(path.resolve(folder), readHolder(lockPath));
}

/** The pid holding the folder, if a live process does. */
export function folderHolder(folder: string): number | null {
  const holder = readHolder(lockPathFor(folder));
  return isRunning(holder) && holder !== process.pid ? holder : null;
}
