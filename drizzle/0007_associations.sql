CREATE TYPE "public"."association_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."account_kind" ADD VALUE 'association';--> statement-breakpoint
CREATE TABLE "association_invitations" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"association_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"website" text,
	"email" text NOT NULL,
	"status" "association_status" DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "guided_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"journey" text NOT NULL,
	"locale" text NOT NULL,
	"country" text,
	"election_slug" text,
	"campaign" text,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"forms" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "guided_links_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "guided_link_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "association_id" uuid;--> statement-breakpoint
ALTER TABLE "association_invitations" ADD CONSTRAINT "association_invitations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guided_links" ADD CONSTRAINT "guided_links_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "associations_status_requested_at_index" ON "associations" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "guided_links_association_id_created_at_index" ON "guided_links" USING btree ("association_id","created_at");--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_guided_link_id_guided_links_id_fk" FOREIGN KEY ("guided_link_id") REFERENCES "public"."guided_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;