import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
};

function FieldShell({ label, name, errors, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(name: string, errors?: string[], hint?: ReactNode): string | undefined {
  const ids = [hint ? `${name}-hint` : "", errors?.length ? `${name}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

const CONTROL = "rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700";

/** A labelled input whose error is announced with it; `id` defaults to the name, and may differ when a page has several forms. */
export function TextField({ label, name, id = name, errors, hint, ...props }: FieldProps & { id?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={id} errors={errors} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={CONTROL}
        {...props}
      />
    </FieldShell>
  );
}

/**
 * A labelled select. React applies a select's `defaultValue` only when it mounts, so the select is
 * keyed on it: when a refused form gives back another choice, the select takes it.
 */
export function SelectField({ label, name, errors, hint, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      <select
        key={String(props.defaultValue ?? "")}
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
        className={CONTROL}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A labelled multi-line field; `id` defaults to the name, and may differ when a page has several forms. */
export function TextAreaField({
  label,
  name,
  id = name,
  errors,
  hint,
  rows = 3,
  ...props
}: FieldProps & { id?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} name={id} errors={errors} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={CONTROL}
        {...props}
      />
    </FieldShell>
  );
}
