import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { TASK_STATUSES } from "@/lib/tasks/vocabulary";
import type { TaskFilter } from "@/lib/tasks/schemas";
import { statusLabel } from "./task-badges";

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="h-4 w-4" />
      {label}
    </label>
  );
}

/** A plain GET form: filters live in the address, so a filtered list can be bookmarked or exported. */
export function TaskFilters({ filter, policies }: { filter: TaskFilter; policies: { id: string; title: string }[] }) {
  return (
    <form method="get" action="/tasks" role="search" aria-label="Filter tasks" className="mb-6 flex flex-wrap items-end gap-4">
      <fieldset className="flex flex-wrap items-center gap-4">
        <legend className="sr-only">Show only</legend>
        <Check name="mine" label="Assigned to me" checked={filter.mine} />
        <Check name="created" label="Created by me" checked={filter.created} />
        <Check name="overdue" label="Overdue" checked={filter.overdue} />
        <Check name="week" label="Due this week" checked={filter.week} />
      </fieldset>
      <SelectField label="Status" name="status" defaultValue={filter.status}>
        <option value="unfinished">Not done yet</option>
        <option value="any">Any status</option>
        {TASK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Linked policy" name="policyId" defaultValue={filter.policyId ?? ""}>
        <option value="">Any policy or none</option>
        {policies.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <Button type="submit">Apply filters</Button>
    </form>
  );
}

/** The filter as query parameters, for paging and the CSV export. */
export function filterQuery(filter: TaskFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.mine) params.set("mine", "1");
  if (filter.created) params.set("created", "1");
  if (filter.overdue) params.set("overdue", "1");
  if (filter.week) params.set("week", "1");
  if (filter.status !== "unfinished") params.set("status", filter.status);
  if (filter.policyId) params.set("policyId", filter.policyId);
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}
