"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { regenerateCalendarAction } from "@/lib/tasks/actions";

/** The secret feed address is shown once, when created; creating a new one revokes the old. */
export function CalendarFeed({ hasToken }: { hasToken: boolean }) {
  const { state, action, pending } = useForm(regenerateCalendarAction);
  const token = state?.ok ? state.data?.token : undefined;
  const url = token && typeof window !== "undefined" ? `${window.location.origin}/api/calendar/${token}` : token ? `/api/calendar/${token}` : null;
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        Subscribe to your due dates from a calendar application. The address is secret: anyone who has it can read your due dates.
        {hasToken ? " You already have an address; creating a new one stops the old one from working." : ""}
      </p>
      {url ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="calendar-url" className="text-sm font-semibold text-slate-800">
            Your calendar address (copy it now; it is not shown again)
          </label>
          <input
            id="calendar-url"
            readOnly
            value={url}
            className="rounded-md border border-slate-500 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
          />
        </div>
      ) : null}
      <FormMessage state={state} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {hasToken || token ? "Create a new calendar address" : "Create a calendar address"}
        </Button>
      </div>
    </form>
  );
}
