import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** The least zxcvbn score (0 to 4) a chosen password must reach: 3 is "safely unguessable" online. */
export const MIN_PASSWORD_SCORE = 3;
export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

// Built once per process: the dictionaries are large and the factory indexes them.
let estimator: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/** Letters and digits only, lower case: "Amina.Diallo" and "amina diallo" compare alike. */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The words a person's own name and email address are made of: the whole, and each part. */
function personalWords(person: { name?: string | null; email?: string | null }): string[] {
  const words = new Set<string>();
  const name = person.name?.trim() ?? "";
  if (name) {
    words.add(name);
    for (const part of name.split(/[\s.,'’_-]+/u)) words.add(part);
  }
  const email = person.email?.trim().toLowerCase() ?? "";
  if (email) {
    words.add(email);
    const [local = "", domain = ""] = email.split("@");
    words.add(local);
    for (const part of local.split(/[._+-]+/)) words.add(part);
    // The domain's own name ("example" of example.org), not its suffix.
    const labels = domain.split(".").filter(Boolean);
    if (labels.length > 1) words.add(labels[labels.length - 2]!);
  }
  return [...words].filter((word) => fold(word).length > 0);
}

/**
 * Whether a password may be chosen: null when it is acceptable, otherwise one sentence saying why
 * not. Applies when a password is chosen (created, changed, reset), never when one is used to sign in.
 */
export function passwordProblem(password: string, person: { name?: string | null; email?: string | null }): string | null {
  if (password.length < PASSWORD_LENGTH.min) return `Use at least ${PASSWORD_LENGTH.min} characters.`;
  if (password.length > PASSWORD_LENGTH.max) return `Keep the password under ${PASSWORD_LENGTH.max} characters.`;
  const folded = fold(password);
  const words = personalWords(person);
  for (const word of words) {
    const part = fold(word);
    // A short part (a three-letter first name) is refused only as the whole password, so that it
    // does not forbid every passphrase that happens to contain those letters.
    if (part === folded || (part.length >= 4 && folded.includes(part))) {
      return "Do not use your own name or email address in your password.";
    }
  }
  const result = zxcvbn().check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning?.trim();
  const hint = "Try a longer passphrase of several unrelated words.";
  return warning ? `This password is too easy to guess: ${warning.replace(/\.$/, "")}. ${hint}` : `This password is too easy to guess. ${hint}`;
}
