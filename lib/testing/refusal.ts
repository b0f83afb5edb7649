import { expect } from "vitest";
import type { DB } from "@/db/client";
import { AppError } from "@/lib/errors";
import { databaseFingerprint } from "./fingerprint";

/** Awaits a call that must be refused and returns the AppError; any other outcome fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Expects the call to be refused (with `code`, when given) and every row of the database to be as it was. */
export async function expectRefused(db: DB, call: () => Promise<unknown>, code?: AppError["code"]): Promise<AppError> {
  const before = await databaseFingerprint(db);
  const error = await refusal(call());
  if (code) expect(error.code).toBe(code);
  expect(await databaseFingerprint(db)).toEqual(before);
  return error;
}
