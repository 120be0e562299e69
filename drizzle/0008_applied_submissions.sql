CREATE TABLE "applied_submissions" (
	"draft_id" uuid NOT NULL,
	"key" text NOT NULL,
	"step" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applied_submissions_draft_id_key_pk" PRIMARY KEY("draft_id","key")
);
--> statement-breakpoint
ALTER TABLE "applied_submissions" ADD CONSTRAINT "applied_submissions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;