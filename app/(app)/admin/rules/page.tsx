import type { Metadata } from "next";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { DefaultRuleButton, RuleForm } from "@/components/votes/rule-form";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { listRules } from "@/lib/votes/rule-commands";

export const metadata: Metadata = { title: "Decision rules" };
export const dynamic = "force-dynamic";

export default async function RulesPage() {
  const actor = await requirePageActor("rule.manage", "/admin/rules");
  const rules = await listRules(await getDb(), actor);
  return (
    <>
      <PageTitle lead="How motions are decided, as data. A motion keeps the rule it opened with; changes here apply to motions opened afterwards.">
        Decision rules
      </PageTitle>
      <div className="flex flex-col gap-6">
        {rules.map((rule, i) => (
          <Card
            key={rule.id}
            title={rule.name}
            actions={rule.isDefault ? <Badge tone="good">Default</Badge> : <DefaultRuleButton ruleId={rule.id} name={rule.name} />}
          >
            {rule.description ? <p className="mb-3 text-slate-700">{rule.description}</p> : null}
            <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-3">
              <dt className="text-slate-700">Quorum in total</dt>
              <dd className="font-semibold md:col-span-2">{rule.config.quorum.minTotal} ballots</dd>
              <dt className="text-slate-700">Quorum per pillar</dt>
              <dd className="font-semibold md:col-span-2">{rule.config.quorum.minPerPillar} ballots</dd>
              <dt className="text-slate-700">Yes in total</dt>
              <dd className="font-semibold md:col-span-2">{rule.config.pass.minYesTotal}</dd>
              <dt className="text-slate-700">Yes per pillar</dt>
              <dd className="font-semibold md:col-span-2">{rule.config.pass.minYesPerPillar}</dd>
              <dt className="text-slate-700">Yes share of yes and no</dt>
              <dd className="font-semibold md:col-span-2">
                {rule.config.pass.minYesShare > 0 ? `more than ${Math.round(rule.config.pass.minYesShare * 1000) / 10}%` : "no share test"}
              </dd>
            </dl>
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit this rule</summary>
              <div className="mt-3">
                <RuleForm rule={rule} prefix={`rule-${i}`} />
              </div>
            </details>
          </Card>
        ))}
        <Card title="Create a rule">
          <RuleForm prefix="new" />
        </Card>
      </div>
    </>
  );
}
