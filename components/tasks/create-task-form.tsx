"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import { createTaskAction } from "@/lib/tasks/actions";

type Choice = { id: string; title: string };

export function CreateTaskForm({
  assignees,
  policies,
  motions,
  defaults,
}: {
  assignees: { id: string; name: string; email: string }[];
  policies: Choice[];
  motions: Choice[];
  defaults: { motionId?: string; policyId?: string; title?: string };
}) {
  const { state, action, pending, errors, value } = useForm(createTaskAction);
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <div className="md:col-span-2">
        <TextField label="Title" name="title" required maxLength={200} defaultValue={value("title", defaults.title)} errors={errors.title} />
      </div>
      <div className="md:col-span-2">
        <TextAreaField
          label="Description"
          name="description"
          rows={5}
          maxLength={5000}
          defaultValue={value("description")}
          errors={errors.description}
        />
      </div>
      <SelectField
        label="Assignee"
        name="assigneeId"
        required
        defaultValue={value("assigneeId")}
        errors={errors.assigneeId}
        hint="A member of the Secretariat."
      >
        <option value="" disabled>
          Choose a member of the Secretariat
        </option>
        {assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.email})
          </option>
        ))}
      </SelectField>
      <TextField label="Due date" name="dueOn" type="date" required defaultValue={value("dueOn")} errors={errors.dueOn} />
      <SelectField label="Priority" name="priority" defaultValue={value("priority", "normal")} errors={errors.priority}>
        <option value="low">Low</option>
        <option value="normal">Normal</option>
        <option value="high">High</option>
      </SelectField>
      <SelectField label="Linked motion" name="motionId" defaultValue={value("motionId", defaults.motionId)} errors={errors.motionId}>
        <option value="">No motion</option>
        {motions.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </SelectField>
      <SelectField label="Linked policy" name="policyId" defaultValue={value("policyId", defaults.policyId)} errors={errors.policyId}>
        <option value="">No policy</option>
        {policies.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create task"}
        </Button>
      </div>
    </form>
  );
}
