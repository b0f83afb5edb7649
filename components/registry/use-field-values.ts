"use client";

import { type ChangeEvent, type FormEvent, startTransition, useState } from "react";

/** Keeps a form's typed values in state, so a refused submission can be corrected rather than retyped. */
export function useFieldValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: event.target.value })),
  });
  return bind;
}

/**
 * Submits a form to its action without React's automatic reset of the form afterwards, which would
 * wipe what the user chose when the server refuses it. Without JavaScript the form's `action` still
 * posts normally.
 */
export function submitKeepingValues(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}
