ALTER TABLE "tasks" ADD COLUMN "overdue_notice_to" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_overdue_notice_to_users_id_fk" FOREIGN KEY ("overdue_notice_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Tasks whose assignee already has the overdue notice are marked as told.
UPDATE "tasks" SET "overdue_notice_to" = "assignee_id" WHERE EXISTS (SELECT 1 FROM "notifications" n WHERE n."user_id" = "tasks"."assignee_id" AND n."dedupe_key" = 'task_overdue:' || "tasks"."id"::text);--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("name","slug");--> statement-breakpoint
CREATE INDEX "tasks_open_by_assignee_idx" ON "tasks" USING btree ("assignee_id","due_on") WHERE "tasks"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "tasks_overdue_untold_idx" ON "tasks" USING btree ("assignee_id","due_on") WHERE "tasks"."status" <> 'done' AND "tasks"."overdue_notice_to" IS DISTINCT FROM "tasks"."assignee_id";