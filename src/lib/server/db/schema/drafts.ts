import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { answersColumn } from './answers';
import { accounts } from './accounts';
import { guidedLinks } from './associations';

/**
 * A journey in progress (or finished: the form was produced). The voter reaches it only through
 * the secret resume token in their link; we store its SHA-256, never the token itself.
 * `answers` holds exactly what the journey asked (KB D 4 lists what may be asked), keyed by step.
 */
export const drafts = pgTable(
	'drafts',
	{
		id: uuid().primaryKey().defaultRandom(),
		tokenHash: text().notNull().unique(),
		journey: text().notNull(),
		locale: text().notNull(),
		// The BSN inside is sealed (./answers.ts).
		answers: answersColumn()
			.notNull()
			.default(sql`'{}'::jsonb`),
		// Optimistic concurrency: two tabs posting at once never lose an answer silently.
		version: integer().notNull().default(0),
		// Set when the voter confirms their answers; printed on the form and in its QR code so the
		// office finds the draft without retyping.
		reference: text().unique(),
		// The voter's account, when they created one during or after the journey: the application
		// made from this draft is then theirs to follow.
		accountId: uuid().references(() => accounts.id, { onDelete: 'set null' }),
		// The association's guided link the journey was started from, until its form is produced:
		// then the link's count goes up by one and this is cleared, so a finished draft keeps no trace
		// of which association's link brought the voter.
		guidedLinkId: uuid().references(() => guidedLinks.id, { onDelete: 'set null' }),
		completedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.updatedAt),
		// The signed-in status page asks for an account's forms not yet received; without this, a
		// scan of every draft ever finished (bench/README.md: 151 ms at 300,000 forms, 1.9 ms with
		// it). Partial: most drafts belong to no account.
		index()
			.on(t.accountId)
			.where(sql`${t.accountId} is not null`)
	]
);

export type Draft = typeof drafts.$inferSelect;

/**
 * Answers sent again by a device that kept them while offline (issue 6): each submission carries a
 * random key, and a key already applied to the draft is never applied again. A late replay of an
 * old answer therefore cannot overwrite a newer one, and a retried send stores nothing twice.
 * Deleted with the draft.
 */
export const appliedSubmissions = pgTable(
	'applied_submissions',
	{
		draftId: uuid()
			.notNull()
			.references(() => drafts.id, { onDelete: 'cascade' }),
		// A UUID made on the device for one submission.
		key: text().notNull(),
		step: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.draftId, t.key] })]
);
