import Link from "next/link";

export default function HomePage() {
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-3xl font-bold text-slate-900">Governance shared by three pillars</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">
          Pillars is the workspace of a multi-stakeholder initiative in which governments, civil society organisations and private security companies
          hold equal seats on one Board. Directors vote under pillar-balanced rules, every pillar is consulted on policy drafts, the Board oversees
          the Secretariat&apos;s work, and anyone can check whether a company is a member in good standing.
        </p>
        <p className="mt-6">
          <Link href="/login" className="inline-block rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
            Sign in to the workspace
          </Link>
        </p>
      </section>
      <section aria-labelledby="what-heading">
        <h2 id="what-heading" className="mb-4 text-xl font-semibold">
          What happens here
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {[
            ["Pillar-balanced votes", "A motion passes only when every pillar carries it, as the rules of the Articles say."],
            ["Consultations", "Representatives of each pillar comment on drafts, and every comment gets an answer."],
            ["Oversight of the Secretariat", "Tasks the Board assigns are tracked, submitted, reviewed and accepted."],
            ["A public member registry", "Procurement officers verify good standing without signing in."],
          ].map(([title, text]) => (
            <li key={title} className="rounded-lg border border-slate-300 bg-white p-5">
              <h3 className="font-semibold">{title}</h3>
              <p className="mt-1 text-slate-700">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
