-- Invariants the database keeps whatever code writes to it.

-- Every transfer's postings sum to zero in each currency, checked at commit (after all of a
-- transfer's postings are in): money is never created or lost by a transfer.
CREATE FUNCTION "banking"."check_transfer_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "banking"."postings" WHERE "transfer_id" = NEW."transfer_id"
    GROUP BY "currency" HAVING sum("amount") <> 0
  ) THEN
    RAISE EXCEPTION 'transfer % is unbalanced: its postings do not sum to zero per currency', NEW."transfer_id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "postings_balanced" AFTER INSERT ON "banking"."postings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "banking"."check_transfer_balanced"();
--> statement-breakpoint
-- Postings and the audit trail are append-only: history is corrected by new entries, never rewritten.
CREATE FUNCTION "banking"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only: % is not allowed', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "banking"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "banking"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "banking"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "banking"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "postings_append_only" BEFORE UPDATE OR DELETE ON "banking"."postings"
  FOR EACH ROW EXECUTE FUNCTION "banking"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "postings_no_truncate" BEFORE TRUNCATE ON "banking"."postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "banking"."refuse_change"();
