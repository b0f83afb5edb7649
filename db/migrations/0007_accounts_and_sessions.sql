CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	"address" text,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	CONSTRAINT "sessions_ended_consistent" CHECK (("sessions"."ended_at" IS NULL) = ("sessions"."ended_reason" IS NULL)),
	CONSTRAINT "sessions_ended_reason_valid" CHECK ("sessions"."ended_reason" IS NULL OR "sessions"."ended_reason" IN ('signed_out','signed_out_everywhere','ended_by_user','ended_by_admin','password_changed','deactivated'))
);
--> statement-breakpoint
CREATE TABLE "sign_in_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_buckets_attempts_valid" CHECK ("sign_in_buckets"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_valid";--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "pillar_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "timezone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_buckets_window_idx" ON "sign_in_buckets" USING btree ("window_started_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_timezone_format" CHECK ("users"."timezone" IS NULL OR "users"."timezone" ~ '^[A-Za-z][A-Za-z0-9_+/-]{0,63}$');--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_valid" CHECK ("notifications"."kind" IN ('consultation_opened','comment_answered','motion_opened','motion_closing_soon','motion_result','task_assigned','task_returned','task_overdue','task_submitted','seat_assigned','consultation_closed','policy_withdrawn','motion_withdrawn','account_security'));