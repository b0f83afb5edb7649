"use client";

import { type FormEvent, startTransition } from "react";

/**
 * React resets a form after its action runs, which would throw away what someone typed when the
 * server answers with a field error. Submitting through this handler keeps the input; the form's
 * `action` still works without JavaScript.
 */
export function submitKeepingInput(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}
