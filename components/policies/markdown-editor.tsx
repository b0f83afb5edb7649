"use client";

import { useState } from "react";
import { Markdown } from "@/components/ui/markdown";

/** A Markdown textarea with a preview, rendered by the same safe renderer the pages use. */
export function MarkdownEditor({
  name,
  label,
  defaultValue = "",
  errors,
  hint,
  rows = 18,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  rows?: number;
}) {
  const [text, setText] = useState(defaultValue);
  const [preview, setPreview] = useState(false);
  const describedBy = [hint ? `${name}-hint` : "", errors?.length ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-4">
        <label htmlFor={name} className="text-sm font-semibold text-slate-800">
          {label}
        </label>
        <button
          type="button"
          aria-pressed={preview}
          onClick={() => setPreview((p) => !p)}
          className="rounded border border-slate-400 px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100"
        >
          {preview ? "Back to editing" : "Preview"}
        </button>
      </div>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {/* The textarea stays in the form while previewing, so what is previewed is what is saved. */}
      <textarea
        id={name}
        name={name}
        rows={rows}
        value={text}
        onChange={(e) => setText(e.target.value)}
        hidden={preview}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-sm text-slate-900"
      />
      {preview ? (
        <section aria-label="Preview" className="min-h-40 rounded-md border border-dashed border-slate-500 bg-white px-4 py-2">
          <Markdown>{text || "_Nothing written yet._"}</Markdown>
        </section>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
