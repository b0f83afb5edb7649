"use client";

import { type ReactNode, useEffect, useId, useRef, useSyncExternalStore } from "react";
import type { ActionState } from "@/lib/errors";
import { Button } from "./button";
import { TextAreaField } from "./field";
import { FormMessage } from "./form-message";
import { useForm } from "./use-form";

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden fields sent with the confirmation. */
  fields: Record<string, string>;
  /** The button that opens the dialog, such as "Withdraw the policy…". */
  label: string;
  /** The dialog's heading: the question being confirmed. */
  title: string;
  /** What will happen, in plain words. */
  consequences: ReactNode;
  /** Who will be told. */
  told: ReactNode;
  /** The confirming button, such as "Withdraw the policy". */
  confirmLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** A reason the person writes while confirming, sent as `reason`. */
  reason?: { label: string; hint?: string; required?: boolean };
  /**
   * Whether the act can be made now. Render the dialog in the same place whether or not it can, with
   * this false once done: the outcome ("Version 2 is final", who was told) stays on screen after the
   * page refreshes without the button.
   */
  available?: boolean;
};

const subscribeNothing = () => () => {};

/** Invoker-command attributes: the browser opens and closes the dialog itself, so it asks even before (or without) JavaScript. */
function invoker(dialogId: string, command: "show-modal" | "close") {
  return { commandfor: dialogId, command } as Record<string, string>;
}

/**
 * Confirmation for an irreversible act: a native modal <dialog> that says what will happen and who
 * will be told, and runs the action only from its own confirm button. The browser moves focus into
 * the dialog, keeps it there, closes it on Escape and gives focus back to the button that opened it.
 * The open and cancel buttons are invoker commands, so the dialog works without JavaScript too;
 * with JavaScript, a browser without invoker commands is opened by script.
 */
export function ConfirmDialog({
  action,
  fields,
  label,
  title,
  consequences,
  told,
  confirmLabel,
  variant = "danger",
  reason,
  available = true,
}: Props) {
  const id = useId().replace(/:/g, "");
  const dialogId = `confirm-${id}`;
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useForm(action);
  const { state, pending } = form;
  // With JavaScript a refusal is shown in the open dialog; without, the page comes back with the dialog closed, so beside its button.
  const live = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  const refusedInDialog = live && state !== null && !state.ok;
  if (!available) return state ? <FormMessage state={state} /> : null;
  const open = () => {
    if (!("commandForElement" in HTMLButtonElement.prototype)) dialog.current?.showModal();
  };
  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant={variant} onClick={open} aria-haspopup="dialog" {...invoker(dialogId, "show-modal")}>
        {label}
      </Button>
      {refusedInDialog ? null : <FormMessage state={state} />}
      <dialog
        ref={dialog}
        id={dialogId}
        aria-labelledby={`${dialogId}-title`}
        aria-describedby={`${dialogId}-what`}
        className="m-auto w-full max-w-lg rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={form.action} className="flex flex-col gap-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={`${dialogId}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${dialogId}-what`} className="flex flex-col gap-2 text-sm">
            <div>
              <strong>What will happen:</strong> {consequences}
            </div>
            <div>
              <strong>Who will be told:</strong> {told}
            </div>
          </div>
          {reason ? (
            <TextAreaField
              id={`${dialogId}-reason`}
              name="reason"
              label={reason.label}
              hint={reason.hint}
              required={reason.required}
              defaultValue={form.value("reason")}
              errors={form.errors.reason}
            />
          ) : null}
          {refusedInDialog ? <FormMessage state={state} hideFieldErrors /> : null}
          <div className="flex flex-wrap justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} {...invoker(dialogId, "close")}>
              Cancel
            </Button>
            <Button type="submit" variant={variant} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}

/**
 * The confirming step of a form that has fields of its own (an end date, a reason): put in place of
 * the form's submit button, it opens the same kind of dialog, whose confirm button submits the form
 * around it. Like `ConfirmDialog`, it asks without JavaScript too.
 */
export function ConfirmSubmit({
  label,
  title,
  consequences,
  told,
  confirmLabel,
  pending = false,
  variant = "danger",
}: {
  label: string;
  title: string;
  consequences: ReactNode;
  told: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  variant?: "primary" | "secondary" | "danger";
}) {
  const id = useId().replace(/:/g, "");
  const dialogId = `confirm-${id}`;
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => {
    if (!("commandForElement" in HTMLButtonElement.prototype)) dialog.current?.showModal();
  };
  return (
    <>
      <Button type="button" variant={variant} onClick={open} aria-haspopup="dialog" disabled={pending} {...invoker(dialogId, "show-modal")}>
        {pending ? "Working…" : label}
      </Button>
      <dialog
        ref={dialog}
        id={dialogId}
        aria-labelledby={`${dialogId}-title`}
        aria-describedby={`${dialogId}-what`}
        className="m-auto w-full max-w-lg rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="flex flex-col gap-4">
          <h2 id={`${dialogId}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${dialogId}-what`} className="flex flex-col gap-2 text-sm">
            <div>
              <strong>What will happen:</strong> {consequences}
            </div>
            <div>
              <strong>Who will be told:</strong> {told}
            </div>
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} {...invoker(dialogId, "close")}>
              Cancel
            </Button>
            <Button type="submit" variant={variant} onClick={() => dialog.current?.close()}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
