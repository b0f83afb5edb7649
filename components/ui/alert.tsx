import type { ReactNode } from "react";

const TONES = {
  error: "border-red-700 bg-red-50 text-red-900",
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand-700 bg-brand-50 text-brand-900",
} as const;

/** A message box; errors are announced to screen readers as soon as they appear. */
export function Alert({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border-l-4 px-4 py-3 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
