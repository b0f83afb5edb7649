import type { ActionState } from "@/lib/errors";
import { Alert } from "./alert";

/**
 * How a form's last submission went: the refusal (announced at once), or the confirmation. With
 * `hideFieldErrors`, a refusal that names a field is shown only beside that field.
 */
export function FormMessage<T>({ state, hideFieldErrors = false }: { state: ActionState<T>; hideFieldErrors?: boolean }) {
  if (!state) return null;
  if (!state.ok) {
    const namesField = Object.values(state.fieldErrors ?? {}).some((messages) => messages?.length);
    return hideFieldErrors && namesField ? null : <Alert tone="error">{state.error}</Alert>;
  }
  return state.message ? <Alert tone="success">{state.message}</Alert> : null;
}
