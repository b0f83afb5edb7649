import { AppError } from "@/lib/errors";

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
