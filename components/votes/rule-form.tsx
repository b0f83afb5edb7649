"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useForm } from "@/components/ui/use-form";
import type { DecisionRuleConfig } from "@/lib/votes/vocabulary";
import { saveRuleAction, setDefaultRuleAction } from "@/lib/votes/actions";

type Rule = { id: string; name: string; description: string; config: DecisionRuleConfig };

/** Creates a rule, or edits one. Field ids carry a prefix so several forms can share a page. */
export function RuleForm({ rule, prefix }: { rule?: Rule; prefix: string }) {
  const { state, action, pending, errors, value } = useForm(saveRuleAction);
  const c = rule?.config;
  const id = (name: string) => `${prefix}-${name}`;
  const field = (name: string, label: string, initial: number | undefined, hint?: string, step = "1") => (
    <NumberField id={id(name)} name={name} label={label} value={value(name, initial?.toString())} hint={hint} step={step} errors={errors[name]} />
  );
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
      <LabelledInput id={id("name")} name="name" label="Name" defaultValue={value("name", rule?.name)} errors={errors.name} />
      <LabelledInput
        id={id("description")}
        name="description"
        label="Description"
        defaultValue={value("description", rule?.description)}
        errors={errors.description}
      />
      {field("quorumMinTotal", "Quorum: ballots in total", c?.quorum.minTotal, "Directors casting any ballot, abstentions included.")}
      {field("quorumMinPerPillar", "Quorum: ballots from each pillar", c?.quorum.minPerPillar)}
      {field("passMinYesTotal", "Yes votes needed in total", c?.pass.minYesTotal)}
      {field("passMinYesPerPillar", "Yes votes needed from each pillar", c?.pass.minYesPerPillar)}
      {field(
        "passMinYesShare",
        "Yes share must be more than",
        c?.pass.minYesShare,
        "Of yes and no votes, from 0 up to 1: 0.5 means more yes than no (a tie fails); 0 means no share test.",
        "0.01",
      )}
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {rule ? "Save changes" : "Create the rule"}
        </Button>
      </div>
    </form>
  );
}

function LabelledInput({
  id,
  name,
  label,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <LabelWrap
      id={id}
      label={label}
      errors={errors}
      input={
        <input
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className={CONTROL}
        />
      }
    />
  );
}

function NumberField({
  id,
  name,
  label,
  value,
  hint,
  step,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  value?: number | string;
  hint?: string;
  step: string;
  errors?: string[];
}) {
  const described = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <LabelWrap
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      input={
        <input
          id={id}
          name={name}
          type="number"
          min="0"
          step={step}
          defaultValue={value}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={described}
          className={CONTROL}
        />
      }
    />
  );
}

const CONTROL = "rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700";

function LabelWrap({ id, label, hint, errors, input }: { id: string; label: string; hint?: string; errors?: string[]; input: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {input}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function DefaultRuleButton({ ruleId, name }: { ruleId: string; name: string }) {
  const { state, action, pending } = useForm(setDefaultRuleAction);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="ruleId" value={ruleId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Make default: ${name}`}>
        Make default
      </Button>
    </form>
  );
}
