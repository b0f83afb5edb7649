import type { Tx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { type PillarId, type SeedContext, daysFrom, must } from "./context";
import { ORGANIZATIONS } from "./organizations";
import { PEOPLE } from "./people";

/** The demo accounts and their stored roles. */
export async function seedPeople(tx: Tx, ctx: SeedContext): Promise<void> {
  const pillarOf: Record<string, PillarId | null> = Object.fromEntries(ORGANIZATIONS.map((o) => [o.slug, o.pillar]));
  const rows = await tx
    .insert(users)
    .values(
      PEOPLE.map((p, i) => ({
        email: p.email,
        name: p.name,
        // One hash reused for every demo account keeps start-up fast; each real account gets its own salt.
        passwordHash: ctx.passwordHash,
        organizationId: must(ctx.orgs, p.org, "organisation"),
        createdAt: daysFrom(ctx.now, -1500 + i, 8),
      })),
    )
    .returning({ id: users.id, email: users.email });

  for (const row of rows) {
    const person = PEOPLE.find((p) => p.email === row.email);
    if (!person) continue;
    ctx.users[row.email] = {
      id: row.id,
      email: row.email,
      name: person.name,
      organizationId: must(ctx.orgs, person.org, "organisation"),
      pillarId: must(pillarOf, person.org, "organisation"),
    };
  }

  const roles = PEOPLE.flatMap((p) => p.roles.map((role) => ({ userId: must(ctx.users, p.email, "user").id, role })));
  await tx.insert(userRoles).values(roles);
}
