import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	index,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { associations } from './associations';

// An association's member (issue 5) signs in to manage its guided links, and sees nothing else.
export const accountKind = pgEnum('account_kind', ['voter', 'staff', 'association']);

// The back office's roles (issue 3): a clerk records receipt and checks; a decider decides; an
// admin manages staff and the election calendar. A person may hold several.
export const staffRole = pgEnum('staff_role', ['clerk', 'decider', 'admin']);
export type StaffRole = (typeof staffRole.enumValues)[number];

/**
 * Someone who signs in with a passkey: a voter, or a member of the office's staff. There are no
 * passwords anywhere. A voter account holds nothing about the person itself (KB D 4's data lives
 * in the registration and in applications); it is the key to them.
 */
export const accounts = pgTable('accounts', {
	id: uuid().primaryKey().defaultRandom(),
	kind: accountKind().notNull(),
	// WebAuthn user handle: 32 random bytes, never the account id or anything personal.
	webauthnUserId: text().notNull().unique(),
	// Staff only: the name colleagues see in the audit log and the queue.
	displayName: text(),
	roles: staffRole()
		.array()
		.notNull()
		.default(sql`'{}'`),
	locale: text().notNull().default('nl'),
	// Association members only: the association whose links they manage.
	associationId: uuid().references(() => associations.id, { onDelete: 'cascade' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	disabledAt: timestamp({ withTimezone: true })
});

/** A passkey (WebAuthn credential). An account may hold several, each named by its owner. */
export const passkeys = pgTable(
	'passkeys',
	{
		// The credential ID, base64url.
		id: text().primaryKey(),
		accountId: uuid()
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		// COSE public key, base64url.
		publicKey: text().notNull(),
		counter: bigint({ mode: 'number' }).notNull().default(0),
		transports: text()
			.array()
			.notNull()
			.default(sql`'{}'`),
		deviceType: text().notNull(),
		backedUp: boolean().notNull(),
		name: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.accountId)]
);

/**
 * A signed-in session. The browser holds a 256-bit random token in a `__Host-` cookie; we store
 * its SHA-256 only. Idle and absolute time-outs are enforced on every request.
 */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text().primaryKey(),
		accountId: uuid()
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		// Absolute end, whatever the activity.
		expiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index().on(t.accountId), index().on(t.expiresAt)]
);

/**
 * A WebAuthn challenge waiting for its answer. Kept in the database, not in process memory, so
 * the ceremony may start on one app process and finish on another. Used once, then deleted.
 */
export const webauthnChallenges = pgTable(
	'webauthn_challenges',
	{
		// SHA-256 of the random id held in a short-lived cookie.
		idHash: text().primaryKey(),
		challenge: text().notNull(),
		purpose: text().notNull(),
		accountId: uuid().references(() => accounts.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index().on(t.expiresAt)]
);

/** A one-time link with which a new member of staff enrols their first passkey. */
export const staffEnrolments = pgTable('staff_enrolments', {
	tokenHash: text().primaryKey(),
	displayName: text().notNull(),
	roles: staffRole().array().notNull(),
	createdBy: uuid().references(() => accounts.id, { onDelete: 'set null' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp({ withTimezone: true }).notNull(),
	usedAt: timestamp({ withTimezone: true }),
	accountId: uuid().references(() => accounts.id, { onDelete: 'set null' })
});

export type Account = typeof accounts.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
export type Session = typeof sessions.$inferSelect;
