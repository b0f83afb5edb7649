CREATE TABLE "motion_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"motion_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"resolution_text" text,
	"rationale" text NOT NULL,
	"proposed_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"chosen_at" timestamp with time zone,
	CONSTRAINT "motion_amendments_motion_number_unique" UNIQUE("motion_id","number"),
	CONSTRAINT "motion_amendments_number_positive" CHECK ("motion_amendments"."number" > 0),
	CONSTRAINT "motion_amendments_rationale_not_blank" CHECK (length(trim("motion_amendments"."rationale")) > 0)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_valid";--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "unanswered_reason" text;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "motion_roll" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "withdrawn_by_id" uuid;--> statement-breakpoint
ALTER TABLE "recusals" ADD COLUMN "after_voting" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recusals" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "motion_amendments" ADD CONSTRAINT "motion_amendments_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_amendments" ADD CONSTRAINT "motion_amendments_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "motion_roll_one_holder_per_seat" ON "motion_roll" USING btree ("motion_id","seat_id") WHERE "motion_roll"."ended_at" IS NULL;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_withdrawn_reason_not_blank" CHECK ("motions"."withdrawn_reason" IS NULL OR length(trim("motions"."withdrawn_reason")) > 0);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_valid" CHECK ("notifications"."kind" IN ('consultation_opened','comment_answered','motion_opened','motion_closing_soon','motion_result','task_assigned','task_returned','task_overdue','task_submitted','seat_assigned','consultation_closed','policy_withdrawn','motion_withdrawn'));