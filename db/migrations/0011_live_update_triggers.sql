-- Live updates: a change to a motion, a consultation's comments or a person's notifications tells
-- every app process listening on the channel `pillars_live` which page to re-read. The database
-- sends a NOTIFY only when the transaction commits (a rolled back write announces nothing), and
-- sends each distinct topic once per transaction. The payload is a topic ("motion:<id>",
-- "consultation:<id>", "inbox:<user id>"), never the data itself: readers re-read it through the
-- pages, which check what they may see.
CREATE OR REPLACE FUNCTION live_publish() RETURNS trigger AS $$
DECLARE
  changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
  PERFORM pg_notify('pillars_live', TG_ARGV[0] || ':' || (changed ->> TG_ARGV[1]));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER motions_live AFTER INSERT OR UPDATE OR DELETE ON motions
  FOR EACH ROW EXECUTE FUNCTION live_publish('motion', 'id');
--> statement-breakpoint
CREATE TRIGGER ballots_live AFTER INSERT OR UPDATE OR DELETE ON ballots
  FOR EACH ROW EXECUTE FUNCTION live_publish('motion', 'motion_id');
--> statement-breakpoint
CREATE TRIGGER recusals_live AFTER INSERT OR UPDATE OR DELETE ON recusals
  FOR EACH ROW EXECUTE FUNCTION live_publish('motion', 'motion_id');
--> statement-breakpoint
CREATE TRIGGER motion_roll_live AFTER INSERT OR UPDATE OR DELETE ON motion_roll
  FOR EACH ROW EXECUTE FUNCTION live_publish('motion', 'motion_id');
--> statement-breakpoint
CREATE TRIGGER motion_amendments_live AFTER INSERT OR UPDATE OR DELETE ON motion_amendments
  FOR EACH ROW EXECUTE FUNCTION live_publish('motion', 'motion_id');
--> statement-breakpoint
CREATE TRIGGER consultations_live AFTER UPDATE ON consultations
  FOR EACH ROW EXECUTE FUNCTION live_publish('consultation', 'id');
--> statement-breakpoint
CREATE TRIGGER comments_live AFTER INSERT OR UPDATE OR DELETE ON comments
  FOR EACH ROW EXECUTE FUNCTION live_publish('consultation', 'consultation_id');
--> statement-breakpoint
-- Only what the inbox shows: a new notice, a notice read, a notice removed (not the mailer's stamp).
CREATE TRIGGER notifications_live AFTER INSERT OR DELETE OR UPDATE OF read_at ON notifications
  FOR EACH ROW EXECUTE FUNCTION live_publish('inbox', 'user_id');
