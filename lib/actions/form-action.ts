import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/db";
import type { DB } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import { type ActionState, type FormValues, NOT_A_FORM, toActionError } from "@/lib/errors";
import { deliverEmailsNow } from "@/lib/notifications/delivery";
import { expirePublicReads } from "@/lib/public/cache";

/** Fields whose values are never sent back to the browser after a refusal. */
const SECRET_FIELD = /password|secret|token|code/i;

/** The submitted form, read as text. Commands parse and validate what they are given. */
export class FormInput {
  constructor(private readonly data: FormData) {}

  /** A text field; absent (or a file) is `undefined`. */
  text(name: string): string | undefined {
    const value = this.data.get(name);
    return typeof value === "string" ? value : undefined;
  }

  /** Every text value of a repeated field, such as a group of checkboxes. */
  list(name: string): string[] {
    return this.data.getAll(name).filter((value): value is string => typeof value === "string");
  }

  /** A field that names a slug or an id, safe to put in a path; anything else is "". */
  segment(name: string): string {
    const value = this.text(name) ?? "";
    return /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(value) ? value : "";
  }

  /** Several text fields at once, as a command's input. */
  pick<K extends string>(...names: K[]): Record<K, string | undefined> {
    return Object.fromEntries(names.map((name) => [name, this.text(name)])) as Record<K, string | undefined>;
  }

  /** What was typed, to give back after a refusal: never passwords or other secrets, never React's own fields. */
  echo(): FormValues {
    const values: FormValues = {};
    for (const [name, value] of this.data.entries()) {
      if (typeof value !== "string" || name.startsWith("$") || SECRET_FIELD.test(name)) continue;
      const previous = values[name];
      values[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    return values;
  }
}

/** What the acting code is given: the database, the signed-in user (or nobody), and the form. */
export type ActionContext = { db: DB; actor: Actor | null; input: FormInput };

/** What happens after a command succeeded: the message shown, the pages refreshed, where to go next. */
export type ActionOutcome<T> = {
  message?: string;
  data?: T;
  /** Paths to render afresh; `{ layout }` renders everything under it (the header's unread count, say). */
  refresh?: (string | { layout: string })[];
  redirectTo?: string;
};

/**
 * The one way to write a form action. It refuses an argument that is not a form, loads the database
 * and the acting user, runs the command (which authorizes, validates and writes in one transaction),
 * turns a refusal into a message with field errors and the submitted values, and then, outside any
 * try/catch, has the notices emailed after the response, refreshes pages and redirects.
 */
export function formAction<R, T = undefined>(
  command: (context: ActionContext) => Promise<R>,
  outcome: (result: R, input: FormInput) => ActionOutcome<T>,
): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_previous, formData) => {
    if (!(formData instanceof FormData)) return NOT_A_FORM;
    const input = new FormInput(formData);
    let done: ActionOutcome<T>;
    const db = await getDb();
    try {
      const result = await command({ db, actor: await currentActor(), input });
      done = outcome(result, input);
    } catch (error) {
      return { ...toActionError(error), values: input.echo() };
    }
    // The public answers the change may appear in, found from the audit rows this request wrote.
    await expirePublicReads(db);
    // Notices commit with the change; their emails go out once the response is sent.
    after(() => deliverEmailsNow());
    for (const path of done.refresh ?? []) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.layout, "layout");
    }
    if (done.redirectTo) redirect(done.redirectTo);
    return { ok: true, message: done.message, data: done.data };
  };
}
