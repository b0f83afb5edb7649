import type { CommentStatus } from "@/lib/consultations/vocabulary";

/** A top-level comment: paragraph index, author, day (from now), text, optional answer and replies. */
export type CommentSeed = {
  p: number;
  by: string;
  day: number;
  body: string;
  quote?: string;
  answer?: { status: Exclude<CommentStatus, "open">; by: string; day: number; response: string };
  replies?: { by: string; day: number; body: string }[];
};

const SEC = "secretariat@example.org";
const STAFF = "staff2@example.org";

/** The open consultation on the complaints procedure: all three pillars, some answered already. */
export const COMPLAINTS_COMMENTS: CommentSeed[] = [
  {
    p: 0,
    by: "cso1@example.org",
    day: -9.5,
    body: "We welcome the draft. The purpose should also mention prevention: lessons learned from complaints should inform guidance to all member companies.",
  },
  {
    p: 1,
    by: "rep.cso@example.org",
    day: -9,
    quote: "with their informed consent",
    body: "Many affected persons rely on community organisations to speak for them. Please clarify that an organisation may complain on behalf of a group where individual consent is impractical, for example after an incident affecting a whole village.",
    answer: {
      status: "partly_accepted",
      by: SEC,
      day: -3,
      response:
        "Representative complaints by organisations will be allowed for groups of affected persons, with consent from at least one member of the group. Individual consent remains required before identifying information is shared with the company.",
    },
    replies: [
      {
        by: "psc1@example.org",
        day: -8,
        body: "Industry supports representative complaints, provided the company is told as early as possible which incident the complaint concerns.",
      },
    ],
  },
  {
    p: 1,
    by: "gov4@example.org",
    day: -6,
    quote: "in the complainant's own language",
    body: "This commitment needs a budget line for interpretation and translation, otherwise the Secretariat cannot meet it.",
  },
  {
    p: 2,
    by: "rep.psc@example.org",
    day: -8.5,
    quote: "within 10 working days",
    body: "Ten working days is achievable for the Secretariat, but the company concerned should also be told within the same period that a complaint was received, subject to the complainant's consent.",
    answer: {
      status: "accepted",
      by: STAFF,
      day: -4,
      response: "Agreed. Section 3 will say that the company is informed of receipt within the same period once the complainant has consented.",
    },
  },
  {
    p: 3,
    by: "gov2@example.org",
    day: -7,
    body: "The procedure should set a maximum period for the company's grievance mechanism to respond before the Secretariat takes the complaint back. We suggest 60 days.",
  },
  {
    p: 3,
    by: "cso2@example.org",
    day: -7.5,
    quote: "the complaint is referred to that mechanism",
    body: "Referral should never be automatic. Complainants who fear reprisals must be able to ask the Secretariat to handle their complaint directly.",
    replies: [
      {
        by: "rep.gov@example.org",
        day: -5,
        body: "Governments share this concern. The complainant's preference should at least be recorded in the file.",
      },
    ],
  },
  {
    p: 4,
    by: "rep.gov@example.org",
    day: -8,
    quote: "escalated to the Board without delay",
    body: '"Without delay" should be defined. We propose within 5 working days of the Secretariat receiving the allegation.',
    answer: { status: "accepted", by: SEC, day: -3, response: 'Accepted: the text will read "within 5 working days".' },
  },
  {
    p: 4,
    by: "psc2@example.org",
    day: -6.5,
    body: "Companies need a fair opportunity to respond to an allegation of retaliation before it reaches the Board; a single unverified allegation could seriously damage a member's reputation.",
    answer: {
      status: "not_accepted",
      by: SEC,
      day: -2,
      response:
        "Escalation to the Board is not a finding. Given the risk to complainants we do not think a prior response period is appropriate; the company is always heard before the Board takes any decision.",
    },
  },
  {
    p: 5,
    by: "cso3@example.org",
    day: -6,
    quote: "at least twice a year",
    body: "Twice-yearly reports are too infrequent for the Board to act on urgent patterns. Quarterly reporting, with an annual public summary, would be more useful.",
    answer: {
      status: "partly_accepted",
      by: STAFF,
      day: -2,
      response:
        "Reports to the Board will be quarterly. A public annual summary will be considered in the communications plan rather than in this procedure.",
    },
  },
  {
    p: 5,
    by: "rep.cso@example.org",
    day: -4,
    body: "The public should be able to see how many complaints were received about each company every year, not only aggregate figures.",
  },
  {
    p: 5,
    by: "psc4@example.org",
    day: -5,
    quote: "the Board may suspend its membership",
    body: "Suspension should follow a written warning and a reasonable period to cure, as the Articles provide.",
    answer: {
      status: "noted",
      by: SEC,
      day: -1,
      response: "Noted. The Articles already require a warning before suspension; the procedure will refer to them rather than repeat them.",
    },
  },
  {
    p: 6,
    by: "cso4@example.org",
    day: -3,
    quote: "apology, restitution, compensation, rehabilitation",
    body: "Please add guarantees of non-repetition, and make clear that the remedy is decided with the complainant, not for them.",
  },
  {
    p: 6,
    by: "gov3@example.org",
    day: -2,
    body: "Where a company lacks the means to provide a remedy, the Association should consider whether a remedy fund is feasible. We suggest the Secretariat reports on options.",
  },
  {
    p: 7,
    by: "rep.psc@example.org",
    day: -1,
    quote: "every three years",
    body: "A first review after 18 months would be sensible, given that this is a new procedure.",
  },
];

/** The closed consultation on the human rights impact assessment guidance (now in board review). */
export const HRIA_COMMENTS: CommentSeed[] = [
  {
    p: 1,
    by: "psc1@example.org",
    day: -70,
    body: '"Complex environment" should be defined by reference to the Code\'s definition, to avoid uncertainty about when an assessment is expected.',
    answer: { status: "accepted", by: STAFF, day: -45, response: "Accepted: the final text will refer to the definition in the Code." },
  },
  {
    p: 2,
    by: "rep.cso@example.org",
    day: -66,
    quote: "in a language they understand",
    body: "Consultation must also be gender-sensitive: separate sessions for women should be the default, not the exception.",
    answer: { status: "accepted", by: STAFF, day: -45, response: "Accepted: separate sessions for women will be the default." },
  },
  {
    p: 3,
    by: "cso3@example.org",
    day: -60,
    quote: "even where they are less likely",
    body: "Add a requirement to reassess every operation at least once a year.",
    answer: {
      status: "not_accepted",
      by: SEC,
      day: -44,
      response:
        "An annual reassessment would be disproportionate for small, stable operations; the guidance already requires a review whenever the context changes.",
    },
  },
  {
    p: 5,
    by: "gov2@example.org",
    day: -55,
    body: "Publishing summaries could expose communities to risk in some contexts; the guidance rightly leaves room for discretion.",
    answer: { status: "noted", by: SEC, day: -44, response: "Noted with thanks." },
  },
];

/** The closed consultation on version 1 of the incident reporting requirements (now being voted on). */
export const INCIDENT_COMMENTS: CommentSeed[] = [
  {
    p: 1,
    by: "rep.gov@example.org",
    day: -115,
    quote: "any detention of a person",
    body: "Please include apprehension, which some jurisdictions distinguish from detention.",
    answer: { status: "accepted", by: STAFF, day: -60, response: "Accepted in version 2." },
  },
  {
    p: 2,
    by: "cso2@example.org",
    day: -112,
    quote: "within 14 days",
    body: "Fourteen days is far too long for incidents involving death or serious injury. 72 hours is standard practice in the sector.",
    answer: { status: "accepted", by: SEC, day: -60, response: "Accepted: version 2 requires an initial report within 72 hours." },
  },
  {
    p: 2,
    by: "psc2@example.org",
    day: -105,
    body: "A 72-hour deadline would be hard to meet at remote sites. Consider an initial notice followed by a full report.",
    answer: {
      status: "partly_accepted",
      by: SEC,
      day: -60,
      response: "The 72-hour deadline applies to the initial report; the full update follows once the internal investigation is complete.",
    },
  },
  {
    p: 4,
    by: "cso4@example.org",
    day: -100,
    body: "Companies should be required to inform affected persons of the outcome of their investigation.",
    answer: { status: "accepted", by: STAFF, day: -60, response: "Accepted: version 2 adds a section on follow-up with affected persons." },
  },
];

/** The closed consultation on version 1 of the certification procedure: the adopted policy's register. */
export const CERTIFICATION_COMMENTS: CommentSeed[] = [
  {
    p: 1,
    by: "rep.cso@example.org",
    day: -205,
    quote: "accredited for that standard",
    body: "Please specify which accreditation is acceptable; accreditation by some bodies is of doubtful quality.",
    answer: {
      status: "accepted",
      by: SEC,
      day: -150,
      response: "Accepted: accreditation by a member of the International Accreditation Forum is now required.",
    },
  },
  {
    p: 2,
    by: "cso2@example.org",
    day: -203,
    quote: "within 30 days of issue",
    body: "Ask for the list of sites audited as well, so that the real scope of the certification can be checked.",
    answer: { status: "accepted", by: STAFF, day: -150, response: "Accepted in version 2." },
  },
  {
    p: 2,
    by: "psc3@example.org",
    day: -200,
    body: "Audit report summaries contain commercially sensitive information. The Secretariat should commit to keeping them confidential.",
    answer: {
      status: "noted",
      by: STAFF,
      day: -150,
      response: "The Secretariat's confidentiality policy applies to all evidence submitted; the guidance notes will refer to it.",
    },
  },
  {
    p: 3,
    by: "gov3@example.org",
    day: -198,
    body: "Certification alone does not show how a company behaves in the field. The Secretariat should be able to carry out field-based assessments.",
    answer: { status: "accepted", by: SEC, day: -150, response: "Accepted: a new section 5 provides for field-based assessments." },
  },
  {
    p: 4,
    by: "cso1@example.org",
    day: -195,
    quote: "no longer in good standing",
    body: "An expired certification should lead to suspension after 90 days.",
    answer: {
      status: "not_accepted",
      by: SEC,
      day: -150,
      response:
        "Losing good standing already has immediate consequences for procurement; suspension is a separate decision of the Board under the Articles.",
    },
    replies: [{ by: "psc1@example.org", day: -190, body: "Industry agrees that suspension should remain a separate decision of the Board." }],
  },
  {
    p: 4,
    by: "rep.psc@example.org",
    day: -190,
    body: "A reminder from the Secretariat before expiry would help companies renew on time.",
    answer: { status: "accepted", by: STAFF, day: -150, response: "Accepted: reminders go out 90 days before expiry." },
  },
];
