import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseFolderLockedError, lockDatabaseFolder, lockPathFor } from "./pglite-lock";

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** Starts another Node process that takes the folder's lock and keeps it. */
async function holdLockInAnotherProcess(folder: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `require("./db/pglite-lock.ts").lockDatabaseFolder(${JSON.stringify(folder)}); console.log("locked"); setInterval(() => {}, 1000);`,
    ],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe("the PGlite folder lock", () => {
  it("refuses a second process, naming the folder and the pid that holds it", async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), "pillars-lock-")), "pglite");
    const holder = await holdLockInAnotherProcess(folder);

    let refused: unknown;
    try {
      lockDatabaseFolder(folder);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DatabaseFolderLockedError);
    const message = (refused as Error).message;
    expect(message).toContain(path.resolve(folder));
    expect(message).toContain(`pid ${holder.pid}`);
    // The holder's lock is untouched.
    expect(JSON.parse(readFileSync(lockPathFor(folder), "utf8")).pid).toBe(holder.pid);
  });

  it("takes over a lock left by a process that was killed", async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), "pillars-lock-")), "pglite");
    const holder = await holdLockInAnotherProcess(folder);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(existsSync(lockPathFor(folder))).toBe(true);

    const release = lockDatabaseFolder(folder);
    expect(JSON.parse(readFileSync(lockPathFor(folder), "utf8")).pid).toBe(process.pid);
    release();
    expect(existsSync(lockPathFor(folder))).toBe(false);
  });
});
