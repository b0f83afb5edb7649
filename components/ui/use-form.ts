"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/errors";

type FormActionFn<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * The one way a form talks to its server action. After a refusal the action gives back what was
 * submitted, and fields take their default from it: React's reset after the action, and a page
 * rendered without JavaScript, then show what the person typed rather than the original values.
 */
export function useForm<T = undefined>(action: FormActionFn<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : null;
  const kept = refused?.values;
  return {
    state,
    action: formAction,
    pending,
    errors: refused?.fieldErrors ?? {},
    /** A field's default: what was typed before a refusal, else `initial`. */
    value(name: string, initial = ""): string {
      const typed = kept?.[name];
      return typeof typed === "string" ? typed : initial;
    },
    /** The chosen values of a group of checkboxes: those submitted before a refusal (none if none), else `initial`. */
    values(name: string, initial: readonly string[] = []): readonly string[] {
      if (!kept) return initial;
      const typed = kept[name];
      return typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
    },
  };
}
