import {
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { electionType, elections } from './elections';

/**
 * A request for reminders of the cut-offs (issue 6 item 2): an e-mail address, the language of
 * the page it was made on and the election types chosen, nothing else (KB D 4's spirit). Not
 * tied to a registration or an account. Reminders go only once `confirmedAt` is set (double
 * opt-in); an unconfirmed request is deleted after 7 days, a stopped one at once.
 */
export const reminderSubscriptions = pgTable(
	'reminder_subscriptions',
	{
		id: uuid().primaryKey(),
		// AES-256-GCM under ENCRYPTION_KEYS (crypto.encryptField, the row's id as context): a copy
		// of this table is not a list of Dutch voters' addresses. Never looked up by address.
		emailSealed: text().notNull(),
		locale: text().notNull(),
		types: electionType().array().notNull(),
		// SHA-256 of the secret in the confirmation link, which then manages the reminders.
		tokenHash: text().notNull().unique(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.confirmedAt, t.createdAt)]
);

/** A browser's push subscription (Push API) for a confirmed request's reminders. */
export const reminderPushSubscriptions = pgTable(
	'reminder_push_subscriptions',
	{
		id: uuid().primaryKey(),
		subscriptionId: uuid()
			.notNull()
			.references(() => reminderSubscriptions.id, { onDelete: 'cascade' }),
		// SHA-256 of the endpoint: one row per browser, whichever request it was added to last.
		endpointHash: text().notNull().unique(),
		// The endpoint and its keys (p256dh, auth) as JSON, sealed like the e-mail address.
		sealed: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.subscriptionId)]
);

export const reminderChannel = pgEnum('reminder_channel', ['email', 'push']);

/**
 * Every reminder sent, once: the unique key (request, election, cut-off and its day, lead time,
 * channel) lets any number of processes run the scheduler at once, and again after a restart,
 * without sending one twice. An e-mail's row is written in the transaction that queues it.
 */
export const sentReminders = pgTable(
	'sent_reminders',
	{
		id: uuid().primaryKey().defaultRandom(),
		subscriptionId: uuid()
			.notNull()
			.references(() => reminderSubscriptions.id, { onDelete: 'cascade' }),
		electionId: uuid()
			.notNull()
			.references(() => elections.id, { onDelete: 'cascade' }),
		cutoffKind: text().notNull(),
		cutoffDay: date({ mode: 'string' }).notNull(),
		leadDays: integer().notNull(),
		channel: reminderChannel().notNull(),
		sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		// SHA-256 of the secret in this e-mail's one-click unsubscribe link (RFC 8058).
		unsubscribeTokenHash: text().unique()
	},
	(t) => [
		uniqueIndex('sent_reminders_once').on(
			t.subscriptionId,
			t.electionId,
			t.cutoffKind,
			t.cutoffDay,
			t.leadDays,
			t.channel
		)
	]
);

export type ReminderSubscription = typeof reminderSubscriptions.$inferSelect;
export type ReminderPushSubscription = typeof reminderPushSubscriptions.$inferSelect;
export type SentReminder = typeof sentReminders.$inferSelect;
