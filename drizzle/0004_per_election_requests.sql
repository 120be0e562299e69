CREATE TABLE "postal_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"registration_id" uuid,
	"application_id" uuid,
	"replaces_id" uuid,
	"sent_by" text DEFAULT 'post' NOT NULL,
	"issued_on" date NOT NULL,
	"invalidated_on" date,
	"invalid_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postal_certificates_electionId_number_unique" UNIQUE("election_id","number")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "request" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "election_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "election_id" uuid;--> statement-breakpoint
ALTER TABLE "postal_certificates" ADD CONSTRAINT "postal_certificates_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_certificates" ADD CONSTRAINT "postal_certificates_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_certificates" ADD CONSTRAINT "postal_certificates_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_certificates" ADD CONSTRAINT "postal_certificates_replaces_id_postal_certificates_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."postal_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "postal_certificates_election_id_invalidated_on_index" ON "postal_certificates" USING btree ("election_id","invalidated_on");--> statement-breakpoint
CREATE INDEX "postal_certificates_registration_id_election_id_index" ON "postal_certificates" USING btree ("registration_id","election_id");--> statement-breakpoint
CREATE INDEX "postal_certificates_application_id_index" ON "postal_certificates" USING btree ("application_id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_election_id_kind_index" ON "applications" USING btree ("election_id","kind");--> statement-breakpoint
CREATE INDEX "decisions_election_id_outcome_index" ON "decisions" USING btree ("election_id","outcome");