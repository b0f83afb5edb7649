/**
 * Demo policy texts (fictional, in the style of a multi-stakeholder code of conduct association).
 * Paragraphs are separated by blank lines; each opens with its number and heading in bold.
 */

export const COMPLAINTS_PROCEDURE_V1 = `**1. Purpose.** This procedure sets out how the Association receives and handles complaints from persons who allege that a member company has violated the Code, and how it assesses whether the company's own grievance mechanism offered them a fair and effective remedy.

**2. Who may complain.** Any individual or group who alleges harm arising from the conduct of a member company, or a person acting on their behalf with their informed consent, may submit a complaint. Complaints may be submitted in any of the Association's working languages or, where that is not possible, in the complainant's own language.

**3. Receipt and acknowledgement.** The Secretariat acknowledges every complaint within 10 working days, explains the next steps and the expected timeline, and asks for the complainant's consent before sharing any identifying information with the company concerned.

**4. Assessment and referral.** The Secretariat assesses whether the complaint falls within the scope of the Code. Where the company operates a fair and accessible grievance mechanism, the complaint is referred to that mechanism, and the Secretariat monitors the handling of the complaint until it is resolved.

**5. Protection from retaliation.** Member companies shall not retaliate against complainants, witnesses or their representatives. Any credible allegation of retaliation is treated as a separate complaint and escalated to the Board without delay.

**6. Outcomes and reporting.** The Secretariat reports to the Board at least twice a year on complaints received, their status and outcomes, in a form that protects the identity of complainants. Where a member company fails to cooperate or to implement agreed remedial action, the Board may suspend its membership.

**7. Remedy.** Where a complaint is substantiated, the Secretariat works with the company and the complainant towards a remedy that is proportionate to the harm, which may include an apology, restitution, compensation, rehabilitation or a change in the company's practices.

**8. Review.** The Board reviews this procedure every three years, or earlier if the Secretariat's reports show that complainants face barriers in using it.`;

export const HRIA_GUIDANCE_V1 = `**Purpose.** This guidance helps member companies plan and carry out human rights impact assessments before they start operations in a new context, and review them when the context changes.

**When an assessment is expected.** An assessment is expected before a company bids for a new contract in a complex environment, when it begins to use armed personnel, or when a significant change in the security situation affects the communities around a site.

**Engaging affected communities.** Companies should consult affected communities, including women, children's representatives, indigenous peoples and migrant workers, in a language they understand and at a time and place where they can speak freely and safely.

**Assessing and prioritising impacts.** Impacts are assessed by their severity, taking into account their scale, scope and irremediable character, and by their likelihood. The most severe impacts are addressed first, even where they are less likely.

**Acting on the findings.** The company integrates the findings into its operating procedures, training, subcontracting decisions and client agreements, and tracks the effectiveness of its response against measurable indicators.

**Sharing the results.** A summary of each assessment, with its main findings and the measures taken, is shared with the Secretariat and, where this does not put people at risk, with the affected communities.`;

export const INCIDENT_REPORTING_V1 = `**1. Scope.** These requirements apply to every member company and to all personnel, including subcontractors, who provide security services on its behalf.

**2. Reportable incidents.** A reportable incident is any use of force resulting in injury or death, any discharge of a firearm other than in training, any detention of a person, and any allegation of sexual exploitation or abuse.

**3. Reporting to the Association.** The company reports every reportable incident to the Secretariat within 14 days, using the Association's reporting form, and sends an update once its internal investigation is complete.

**4. Content of the report.** A report states the date, place and nature of the incident, the personnel involved, any injuries or damage, the action taken and the authorities informed.

**5. Confidentiality.** The Secretariat treats incident reports as confidential and shares them only in aggregated and anonymised form.`;

export const INCIDENT_REPORTING_V2 = `**1. Scope.** These requirements apply to every member company and to all personnel, including subcontractors and temporary staff, who provide security services on its behalf.

**2. Reportable incidents.** A reportable incident is any use of force resulting in injury or death, any discharge of a firearm other than in training, any detention or apprehension of a person, and any allegation of sexual exploitation or abuse.

**3. Reporting to the Association.** The company reports every reportable incident to the Secretariat within 72 hours of becoming aware of it, using the Association's reporting form, and sends an update once its internal investigation is complete.

**4. Content of the report.** A report states the date, place and nature of the incident, the personnel involved, any injuries or damage, the action taken and the authorities informed.

**5. Follow-up with affected persons.** The company informs affected persons of the outcome of its investigation and of the grievance mechanisms available to them, including the Association's complaints procedure.

**6. Confidentiality.** The Secretariat treats incident reports as confidential and shares them only in aggregated and anonymised form, except where disclosure is required to prevent serious harm.`;

export const CERTIFICATION_V1 = `**1. Purpose.** This procedure describes how a member company demonstrates that its management system meets a recognised standard and how the Association verifies that certification.

**2. Recognised standards.** The Association recognises ANSI/ASIS PSC.1, ISO 18788 and, for maritime operations, ISO 28007, when the certification is issued by a certification body accredited for that standard.

**3. Submitting evidence.** The company submits its certificate, the audit report summary and the scope of certification to the Secretariat within 30 days of issue.

**4. Verification.** The Secretariat verifies the evidence with the certification body and, where the scope does not cover all of the company's operations, asks the company to explain how the remaining operations meet the Code.

**5. Expiry and renewal.** A certified member keeps its status while its certificate is valid. If the certificate expires, the company is no longer in good standing until renewed evidence is verified.`;

export const CERTIFICATION_V2 = `**1. Purpose.** This procedure describes how a member company demonstrates that its management system meets a recognised standard and how the Association verifies that certification.

**2. Recognised standards.** The Association recognises ANSI/ASIS PSC.1, ISO 18788 and, for maritime operations, ISO 28007, when the certification is issued by a certification body accredited for that standard by a member of the International Accreditation Forum.

**3. Submitting evidence.** The company submits its certificate, the audit report summary, the list of sites audited and the scope of certification to the Secretariat within 30 days of issue.

**4. Verification.** The Secretariat verifies the evidence with the certification body and, where the scope does not cover all of the company's operations, asks the company to explain how the remaining operations meet the Code.

**5. Field-based assessment.** The Secretariat may complement certification with a field-based assessment of a company's operations in a complex environment, in consultation with the company and with local civil society.

**6. Expiry and renewal.** A certified member keeps its status while its certificate is valid. The Secretariat reminds the company 90 days before expiry. If the certificate expires, the company is no longer in good standing until renewed evidence is verified.`;

export const WHISTLEBLOWER_DRAFT = `**Purpose.** This guidance sets out the minimum protections that member companies should offer to personnel who report suspected violations of the Code.

**Reporting channels.** Companies should provide at least one reporting channel that is independent of the line management of the person reporting, available in the languages of the workforce and accessible by phone and online.

**Confidentiality and anonymity.** Reports may be made anonymously. Where a reporter's identity is known, it is shared only with the people who need it to investigate, and only with the reporter's consent.

**No retaliation.** No one may be dismissed, demoted, disciplined or threatened for making a report in good faith, even if the report is not substantiated.

**Follow-up.** The company acknowledges a report within 7 days and informs the reporter of the outcome within 3 months.`;

export const OBSERVER_STATUS = `**Proposal.** This proposal would create an observer category open to national and regional associations of private security companies.

**Rights of observers.** Observers could attend the General Assembly and pillar meetings, without the right to vote or to nominate directors.

**Conditions.** An association could become an observer if a majority of its members are member companies of the Association in good standing, and if it publicly supports the Code.

**Fees.** Observers would pay a flat annual fee set by the Board.

**Review.** The Board would review the observer category after two years.`;

export const FEE_SCHEDULE_2026 = `**Purpose.** This schedule sets the annual membership fees for 2026 and the principles used to calculate them.

**Companies.** Company fees are banded by annual revenue from security services, from the lowest band for companies under USD 1 million to the highest for companies above USD 500 million.

**Civil society organisations.** Civil society organisations pay no fee; the Board may waive their costs of attending the General Assembly.

**Governments.** Governments contribute on a voluntary basis, as agreed in their letters of participation.

**Hardship waivers.** The Executive Director may reduce a company's fee by up to half for one year on grounds of documented hardship.`;
