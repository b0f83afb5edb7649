import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./people";

/** The demo accounts as printed at start-up. */
export function demoAccountsText(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [`Demo accounts (password: ${DEMO_PASSWORD}):`, ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.role}`)].join("\n");
}
