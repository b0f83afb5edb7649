import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { MEMBERSHIP_STATUSES } from "@/lib/registry/vocabulary";
import { STATUS_LABELS } from "@/lib/registry/rules";

type Values = { q?: string; country?: string; pillar?: string; status?: string; goodStanding?: string };

/** A plain GET form: the results page is shareable and works without JavaScript. */
export function RegistrySearchForm({ values, pillars }: { values: Values; pillars: { id: string; name: string }[] }) {
  return (
    <form
      method="get"
      action="/registry"
      role="search"
      aria-label="Search the registry"
      className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 md:grid-cols-3"
    >
      <TextField label="Name" name="q" defaultValue={values.q ?? ""} hint="Any part of the name." />
      <TextField label="Country" name="country" defaultValue={values.country ?? ""} maxLength={2} hint="Two-letter code, such as CH." />
      <SelectField label="Pillar" name="pillar" defaultValue={values.pillar ?? ""}>
        <option value="">Any pillar</option>
        {pillars.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Membership status" name="status" defaultValue={values.status ?? ""}>
        <option value="">Any status</option>
        {MEMBERSHIP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Good standing" name="goodStanding" defaultValue={values.goodStanding ?? ""}>
        <option value="">Either</option>
        <option value="true">In good standing</option>
        <option value="false">Not in good standing</option>
      </SelectField>
      <div className="flex items-end">
        <Button type="submit">Search</Button>
      </div>
    </form>
  );
}
