-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- A version's text is immutable once it leaves draft, and a frozen version (voted on) cannot change at all.
CREATE OR REPLACE FUNCTION policy_versions_refuse_edit() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'final' AND (NEW.body_md IS DISTINCT FROM OLD.body_md
      OR NEW.number IS DISTINCT FROM OLD.number
      OR NEW.policy_id IS DISTINCT FROM OLD.policy_id
      OR NEW.state IS DISTINCT FROM OLD.state) THEN
    RAISE EXCEPTION 'policy version % is final and cannot be edited', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.frozen_at IS NOT NULL AND NEW.frozen_at IS DISTINCT FROM OLD.frozen_at THEN
    RAISE EXCEPTION 'policy version % is frozen by a motion', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER policy_versions_immutable
  BEFORE UPDATE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION policy_versions_refuse_edit();
--> statement-breakpoint
-- Paragraphs of a final version are as immutable as its text.
CREATE OR REPLACE FUNCTION policy_paragraphs_refuse_edit() RETURNS trigger AS $$
DECLARE
  v_state text;
BEGIN
  SELECT state INTO v_state FROM policy_versions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
  IF v_state = 'final' THEN
    RAISE EXCEPTION 'paragraphs of a final policy version cannot change'
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER policy_paragraphs_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON policy_paragraphs
  FOR EACH ROW EXECUTE FUNCTION policy_paragraphs_refuse_edit();
--> statement-breakpoint
-- Replies are threaded one level deep: a reply's parent must itself be top-level and in the same consultation.
CREATE OR REPLACE FUNCTION comments_check_thread() RETURNS trigger AS $$
DECLARE
  p record;
BEGIN
  IF NEW.parent_id IS NOT NULL THEN
    SELECT parent_id, consultation_id INTO p FROM comments WHERE id = NEW.parent_id;
    IF p.parent_id IS NOT NULL OR p.consultation_id IS DISTINCT FROM NEW.consultation_id THEN
      RAISE EXCEPTION 'replies are threaded one level deep within one consultation'
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER comments_one_level_threads
  BEFORE INSERT OR UPDATE OF parent_id ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_check_thread();
