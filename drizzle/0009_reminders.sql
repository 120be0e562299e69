CREATE TYPE "public"."reminder_channel" AS ENUM('email', 'push');--> statement-breakpoint
CREATE TABLE "reminder_push_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"endpoint_hash" text NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_push_subscriptions_endpointHash_unique" UNIQUE("endpoint_hash")
);
--> statement-breakpoint
CREATE TABLE "reminder_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email_sealed" text NOT NULL,
	"locale" text NOT NULL,
	"types" "election_type"[] NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "reminder_subscriptions_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sent_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"cutoff_kind" text NOT NULL,
	"cutoff_day" date NOT NULL,
	"lead_days" integer NOT NULL,
	"channel" "reminder_channel" NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribe_token_hash" text,
	CONSTRAINT "sent_reminders_unsubscribeTokenHash_unique" UNIQUE("unsubscribe_token_hash")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "reminder_push_subscriptions" ADD CONSTRAINT "reminder_push_subscriptions_subscription_id_reminder_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."reminder_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sent_reminders" ADD CONSTRAINT "sent_reminders_subscription_id_reminder_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."reminder_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sent_reminders" ADD CONSTRAINT "sent_reminders_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_push_subscriptions_subscription_id_index" ON "reminder_push_subscriptions" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "reminder_subscriptions_confirmed_at_created_at_index" ON "reminder_subscriptions" USING btree ("confirmed_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sent_reminders_once" ON "sent_reminders" USING btree ("subscription_id","election_id","cutoff_kind","cutoff_day","lead_days","channel");