import type { Metadata } from "next";
import Link from "next/link";
import { UserRolesForm } from "@/components/admin/user-roles-form";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/users/commands";
import { ASSOCIATION_LABEL } from "@/lib/users/vocabulary";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("user.list", "/admin/users");
  const db = await getDb();
  const users = await listUsers(db, actor);
  return (
    <>
      <PageTitle lead="Accounts, their organisations and roles.">Users</PageTitle>
      <div className="flex flex-col gap-6">
        <p className="text-slate-800">
          New people join by invitation and choose their own password:{" "}
          <Link href="/admin/invitations" className="text-brand-800 underline">
            invite someone
          </Link>
          .
        </p>
        <Card title={`All accounts (${users.length})`}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">User accounts</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Email
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Organisation
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Pillar
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Roles
                  </th>
                  <th scope="col" className="py-2">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {users.map((u) => (
                  <tr key={u.id}>
                    <td className="py-2 pr-4 font-medium">
                      <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                        {u.name}
                      </Link>
                      {u.deactivatedAt ? (
                        <>
                          {" "}
                          <Badge tone="bad">Deactivated</Badge>
                        </>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4">{u.email}</td>
                    <td className="py-2 pr-4">{u.organizationName}</td>
                    <td className="py-2 pr-4">{u.pillarName ?? ASSOCIATION_LABEL}</td>
                    <td className="py-2 pr-4">
                      <div className="flex flex-wrap gap-1">
                        {u.roles.map((r) => (
                          <Badge key={r}>{ROLE_LABELS[r as Role] ?? r}</Badge>
                        ))}
                        {u.seat ? (
                          <Badge tone="good">
                            {u.seat === "director" ? "Director (seat)" : u.seat === "chair" ? "Chair (seat)" : "Vice-chair (seat)"}
                          </Badge>
                        ) : null}
                      </div>
                    </td>
                    <td className="py-2 align-top">
                      <UserRolesForm userId={u.id} name={u.name} roles={u.roles} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
