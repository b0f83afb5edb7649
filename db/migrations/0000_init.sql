CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"changed_by_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_status_history_from_valid" CHECK ("organization_status_history"."from_status" IS NULL OR "organization_status_history"."from_status" IN ('applicant','transitional_member','certified_member','affiliate','suspended','terminated')),
	CONSTRAINT "organization_status_history_to_valid" CHECK ("organization_status_history"."to_status" IN ('applicant','transitional_member','certified_member','affiliate','suspended','terminated'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"pillar_id" text NOT NULL,
	"country" text,
	"website" text,
	"membership_status" text,
	"certification_standard" text,
	"certification_expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_format" CHECK ("organizations"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "organizations_country_format" CHECK ("organizations"."country" IS NULL OR "organizations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organizations_membership_status_valid" CHECK ("organizations"."membership_status" IS NULL OR "organizations"."membership_status" IN ('applicant','transitional_member','certified_member','affiliate','suspended','terminated')),
	CONSTRAINT "organizations_certification_standard_valid" CHECK ("organizations"."certification_standard" IS NULL OR "organizations"."certification_standard" IN ('PSC.1','ISO 18788','ISO 28007'))
);
--> statement-breakpoint
CREATE TABLE "pillars" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pillars_id_format" CHECK ("pillars"."id" ~ '^[a-z][a-z_]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role"),
	CONSTRAINT "user_roles_role_valid" CHECK ("user_roles"."role" IN ('admin','secretariat','representative'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email") AND "users"."email" LIKE '%_@_%')
);
--> statement-breakpoint
CREATE TABLE "board_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pillar_id" text NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_seats_pillar_number_unique" UNIQUE("pillar_id","number"),
	CONSTRAINT "board_seats_number_positive" CHECK ("board_seats"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "seat_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seat_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"office" text,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seat_terms_end_after_start" CHECK ("seat_terms"."ends_on" > "seat_terms"."starts_on"),
	CONSTRAINT "seat_terms_office_valid" CHECK ("seat_terms"."office" IS NULL OR "seat_terms"."office" IN ('chair','vice_chair'))
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"original_version_id" uuid NOT NULL,
	"paragraph_key" text NOT NULL,
	"quote" text,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"parent_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by_id" uuid,
	"responded_at" timestamp with time zone,
	"outdated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_status_valid" CHECK ("comments"."status" IN ('open','accepted','partly_accepted','not_accepted','noted')),
	CONSTRAINT "comments_not_accepted_has_reason" CHECK ("comments"."status" <> 'not_accepted' OR length(trim(coalesce("comments"."response", ''))) > 0),
	CONSTRAINT "comments_replies_have_no_status" CHECK ("comments"."parent_id" IS NULL OR "comments"."status" = 'open'),
	CONSTRAINT "comments_body_not_blank" CHECK (length(trim("comments"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "consultation_pillars" (
	"consultation_id" uuid NOT NULL,
	"pillar_id" text NOT NULL,
	CONSTRAINT "consultation_pillars_consultation_id_pillar_id_pk" PRIMARY KEY("consultation_id","pillar_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_early_at" timestamp with time zone,
	"opened_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_closes_after_opens" CHECK ("consultations"."closes_at" > "consultations"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_version_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "policies_slug_format" CHECK ("policies"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "policies_category_valid" CHECK ("policies"."category" IN ('procedure','guidance','membership_requirement','budget','other')),
	CONSTRAINT "policies_status_valid" CHECK ("policies"."status" IN ('draft','consultation','board_review','voting','adopted','rejected','withdrawn')),
	CONSTRAINT "policies_adopted_has_version" CHECK ("policies"."status" <> 'adopted' OR "policies"."adopted_version_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "policy_paragraphs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "policy_paragraphs_version_key_unique" UNIQUE("version_id","key"),
	CONSTRAINT "policy_paragraphs_version_position_unique" UNIQUE("version_id","position"),
	CONSTRAINT "policy_paragraphs_position_nonnegative" CHECK ("policy_paragraphs"."position" >= 0),
	CONSTRAINT "policy_paragraphs_key_format" CHECK ("policy_paragraphs"."key" ~ '^[a-z0-9-]{1,40}$')
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"body_md" text NOT NULL,
	"change_summary" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	"frozen_at" timestamp with time zone,
	CONSTRAINT "policy_versions_policy_number_unique" UNIQUE("policy_id","number"),
	CONSTRAINT "policy_versions_id_policy_unique" UNIQUE("id","policy_id"),
	CONSTRAINT "policy_versions_number_positive" CHECK ("policy_versions"."number" > 0),
	CONSTRAINT "policy_versions_state_valid" CHECK ("policy_versions"."state" IN ('draft','final')),
	CONSTRAINT "policy_versions_final_when_frozen" CHECK ("policy_versions"."frozen_at" IS NULL OR "policy_versions"."state" = 'final')
);
--> statement-breakpoint
CREATE TABLE "ballot_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"motion_id" uuid NOT NULL,
	"director_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballot_history_choice_valid" CHECK ("ballot_history"."choice" IN ('yes','no','abstain'))
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"motion_id" uuid NOT NULL,
	"director_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballots_one_current_per_director" PRIMARY KEY("motion_id","director_id"),
	CONSTRAINT "ballots_choice_valid" CHECK ("ballots"."choice" IN ('yes','no','abstain'))
);
--> statement-breakpoint
CREATE TABLE "decision_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"config" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "motion_results" (
	"motion_id" uuid PRIMARY KEY NOT NULL,
	"passed" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"tally" jsonb NOT NULL,
	"closed_early" boolean DEFAULT false NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "motion_roll" (
	"motion_id" uuid NOT NULL,
	"director_id" uuid NOT NULL,
	"pillar_id" text NOT NULL,
	"seat_id" uuid NOT NULL,
	CONSTRAINT "motion_roll_motion_id_director_id_pk" PRIMARY KEY("motion_id","director_id")
);
--> statement-breakpoint
CREATE TABLE "motions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"resolution_text" text,
	"policy_id" uuid,
	"version_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_snapshot" jsonb,
	"closes_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by_id" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "motions_kind_valid" CHECK ("motions"."kind" IN ('adopt_policy_version','resolution')),
	CONSTRAINT "motions_status_valid" CHECK ("motions"."status" IN ('draft','open','closed','withdrawn')),
	CONSTRAINT "motions_kind_fields" CHECK (("motions"."kind" = 'resolution' AND "motions"."resolution_text" IS NOT NULL AND "motions"."version_id" IS NULL)
        OR ("motions"."kind" = 'adopt_policy_version' AND "motions"."version_id" IS NOT NULL AND "motions"."policy_id" IS NOT NULL)),
	CONSTRAINT "motions_opened_fields" CHECK ("motions"."status" IN ('draft','withdrawn') OR ("motions"."opened_at" IS NOT NULL AND "motions"."rule_snapshot" IS NOT NULL)),
	CONSTRAINT "motions_closed_fields" CHECK ("motions"."status" <> 'closed' OR "motions"."closed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "recusals" (
	"motion_id" uuid NOT NULL,
	"director_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recusals_motion_id_director_id_pk" PRIMARY KEY("motion_id","director_id"),
	CONSTRAINT "recusals_reason_not_blank" CHECK (length(trim("recusals"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"evidence_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_events_kind_valid" CHECK ("task_events"."kind" IN ('created','status','progress','returned','blocked','unblocked')),
	CONSTRAINT "task_events_statuses_valid" CHECK (("task_events"."from_status" IS NULL OR "task_events"."from_status" IN ('open','in_progress','in_review','done','blocked'))
        AND ("task_events"."to_status" IS NULL OR "task_events"."to_status" IN ('open','in_progress','in_review','done','blocked'))),
	CONSTRAINT "task_events_reason_required" CHECK ("task_events"."kind" NOT IN ('returned','blocked','progress') OR length(trim(coalesce("task_events"."note", ''))) > 0),
	CONSTRAINT "task_events_evidence_is_http" CHECK ("task_events"."evidence_url" IS NULL OR "task_events"."evidence_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"assignee_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"blocked_from" text,
	"blocked_reason" text,
	"motion_id" uuid,
	"policy_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "tasks_status_valid" CHECK ("tasks"."status" IN ('open','in_progress','in_review','done','blocked')),
	CONSTRAINT "tasks_priority_valid" CHECK ("tasks"."priority" IN ('low','normal','high')),
	CONSTRAINT "tasks_blocked_fields" CHECK (("tasks"."status" = 'blocked') = ("tasks"."blocked_from" IS NOT NULL AND length(trim(coalesce("tasks"."blocked_reason", ''))) > 0)),
	CONSTRAINT "tasks_blocked_from_valid" CHECK ("tasks"."blocked_from" IS NULL OR "tasks"."blocked_from" IN ('open','in_progress','in_review')),
	CONSTRAINT "tasks_done_has_completion" CHECK (("tasks"."status" = 'done') = ("tasks"."completed_at" IS NOT NULL)),
	CONSTRAINT "tasks_title_not_blank" CHECK (length(trim("tasks"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"href" text,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_kind_valid" CHECK ("notifications"."kind" IN ('consultation_opened','comment_answered','motion_opened','motion_closing_soon','motion_result','task_assigned','task_returned','task_overdue','task_submitted','seat_assigned')),
	CONSTRAINT "notifications_href_is_local" CHECK ("notifications"."href" IS NULL OR "notifications"."href" ~ '^/[^/]')
);
--> statement-breakpoint
ALTER TABLE "organization_status_history" ADD CONSTRAINT "organization_status_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_status_history" ADD CONSTRAINT "organization_status_history_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_pillar_id_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_seats" ADD CONSTRAINT "board_seats_pillar_id_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_terms" ADD CONSTRAINT "seat_terms_seat_id_board_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."board_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_terms" ADD CONSTRAINT "seat_terms_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_original_version_id_policy_versions_id_fk" FOREIGN KEY ("original_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_responded_by_id_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_pillars" ADD CONSTRAINT "consultation_pillars_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_pillars" ADD CONSTRAINT "consultation_pillars_pillar_id_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_version_of_policy_fk" FOREIGN KEY ("version_id","policy_id") REFERENCES "public"."policy_versions"("id","policy_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_adopted_version_id_policy_versions_id_fk" FOREIGN KEY ("adopted_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_paragraphs" ADD CONSTRAINT "policy_paragraphs_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_history" ADD CONSTRAINT "ballot_history_on_roll_fk" FOREIGN KEY ("motion_id","director_id") REFERENCES "public"."motion_roll"("motion_id","director_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_on_roll_fk" FOREIGN KEY ("motion_id","director_id") REFERENCES "public"."motion_roll"("motion_id","director_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_results" ADD CONSTRAINT "motion_results_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_roll" ADD CONSTRAINT "motion_roll_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_roll" ADD CONSTRAINT "motion_roll_director_id_users_id_fk" FOREIGN KEY ("director_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_roll" ADD CONSTRAINT "motion_roll_pillar_id_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_roll" ADD CONSTRAINT "motion_roll_seat_id_board_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."board_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_rule_id_decision_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."decision_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_version_of_policy_fk" FOREIGN KEY ("version_id","policy_id") REFERENCES "public"."policy_versions"("id","policy_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_on_roll_fk" FOREIGN KEY ("motion_id","director_id") REFERENCES "public"."motion_roll"("motion_id","director_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "organization_status_history_org_idx" ON "organization_status_history" USING btree ("organization_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_unique" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "organizations_pillar_idx" ON "organizations" USING btree ("pillar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pillars_name_unique" ON "pillars" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seat_terms_one_current_seat_per_holder" ON "seat_terms" USING btree ("holder_id") WHERE "seat_terms"."ended_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "seat_terms_one_current_holder_per_seat" ON "seat_terms" USING btree ("seat_id") WHERE "seat_terms"."ended_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "seat_terms_one_current_office" ON "seat_terms" USING btree ("office") WHERE "seat_terms"."ended_at" IS NULL AND "seat_terms"."office" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "seat_terms_seat_idx" ON "seat_terms" USING btree ("seat_id","starts_on");--> statement-breakpoint
CREATE INDEX "comments_consultation_idx" ON "comments" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_version_key_idx" ON "comments" USING btree ("version_id","paragraph_key");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "consultations_policy_idx" ON "consultations" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "policies_status_idx" ON "policies" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ballot_history_motion_idx" ON "ballot_history" USING btree ("motion_id","cast_at");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_rules_name_unique" ON "decision_rules" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_rules_one_default" ON "decision_rules" USING btree ("is_default") WHERE "decision_rules"."is_default";--> statement-breakpoint
CREATE INDEX "motion_roll_director_idx" ON "motion_roll" USING btree ("director_id");--> statement-breakpoint
CREATE INDEX "motions_status_idx" ON "motions" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "motions_policy_idx" ON "motions" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "task_events_task_idx" ON "task_events" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_id","status","due_on");--> statement-breakpoint
CREATE INDEX "tasks_creator_idx" ON "tasks" USING btree ("creator_id","due_on");--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "tasks_policy_idx" ON "tasks" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "tasks_motion_idx" ON "tasks" USING btree ("motion_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_unique" ON "notifications" USING btree ("user_id","dedupe_key") WHERE "notifications"."dedupe_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" IS NULL;