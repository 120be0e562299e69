import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// An association's request for an account (issue 5): the office's admin approves it before any
// of its links work, so that a link saying "shared by X" was really shared by a known X.
export const associationStatus = pgEnum('association_status', ['pending', 'approved', 'rejected']);
export type AssociationStatus = (typeof associationStatus.enumValues)[number];

/**
 * An association of Dutch people abroad that shares guided links. It holds what the office needs
 * to recognise it and answer it: its name, where it is, its website and a contact address.
 * Nothing about any voter is ever linked to it.
 */
export const associations = pgTable(
	'associations',
	{
		id: uuid().primaryKey().defaultRandom(),
		name: text().notNull(),
		// ISO 3166-1 alpha-2: the country it is based in.
		country: text().notNull(),
		website: text(),
		email: text().notNull(),
		status: associationStatus().notNull().default('pending'),
		requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp({ withTimezone: true }),
		// The admin who approved or rejected it (set null if that account is ever deleted).
		decidedBy: uuid()
	},
	(t) => [index().on(t.status, t.requestedAt)]
);

/**
 * A one-time link with which a member of an association makes their passkey: the first member
 * right after the request, and colleagues invited by a member later. Only the token's hash is
 * stored; it is spent on use.
 */
export const associationInvitations = pgTable('association_invitations', {
	tokenHash: text().primaryKey(),
	associationId: uuid()
		.notNull()
		.references(() => associations.id, { onDelete: 'cascade' }),
	createdBy: uuid(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp({ withTimezone: true }).notNull(),
	usedAt: timestamp({ withTimezone: true })
});

/**
 * A guided link (`/go/CODE`): which journey it starts, in which language, with which answers
 * pre-filled. Its counts are plain totals: no row per visit, nothing about who visited (no IP
 * address, no cookie, no time of visit), so there is nothing to link to anyone.
 */
export const guidedLinks = pgTable(
	'guided_links',
	{
		id: uuid().primaryKey().defaultRandom(),
		// 20 characters of base62 (119 bits): cannot be guessed or enumerated.
		code: text().notNull().unique(),
		associationId: uuid()
			.notNull()
			.references(() => associations.id, { onDelete: 'cascade' }),
		journey: text().notNull(),
		locale: text().notNull(),
		// Pre-filled country of residence (ISO 3166-1 alpha-2), if the association chose one.
		country: text(),
		electionSlug: text(),
		campaign: text(),
		// The link stops working at the end of this moment (set to the end of the chosen day).
		expiresAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true }),
		createdBy: uuid(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		visits: integer().notNull().default(0),
		starts: integer().notNull().default(0),
		forms: integer().notNull().default(0)
	},
	(t) => [index().on(t.associationId, t.createdAt)]
);

export type Association = typeof associations.$inferSelect;
export type GuidedLink = typeof guidedLinks.$inferSelect;
