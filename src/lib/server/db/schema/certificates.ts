import {
	date,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	unique,
	uuid,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { applications } from './applications';
import { elections } from './elections';
import { registrations } from './registrations';

/**
 * The register of postal voting certificates (KW M 5(1)): every numbered briefstembewijs Den Haag
 * issued for an election, to a registered voter abroad (M 1(1)) or to a resident temporarily
 * abroad whose request was granted (M 1(2), M 4). A certificate becomes invalid when it is
 * replaced (M 5(2)(a), M 6b), and the extract of invalid ones goes to the postal voting bureaus
 * by the 8th day before election day (M 5(3)). Never deleted: the register is the record.
 * Sized for a million voters per election: lists go by (election, number).
 */
export const postalCertificates = pgTable(
	'postal_certificates',
	{
		id: uuid().primaryKey().defaultRandom(),
		electionId: uuid()
			.notNull()
			.references(() => elections.id),
		// Numbered per election (M 5(1)), in the order issued.
		number: integer().notNull(),
		// The holder is one of two: a registered voter abroad (M 1(1))…
		registrationId: uuid().references(() => registrations.id, { onDelete: 'set null' }),
		// …or a resident temporarily abroad: the granted request that makes them a postal voter
		// for this election (M 1(2), M 4). A replacement keeps the holder of the one it replaces.
		holderApplicationId: uuid().references(() => applications.id, { onDelete: 'set null' }),
		// The granted request it was issued on (temporarily abroad, replacement); null for the
		// regular issue to every registered voter.
		applicationId: uuid().references(() => applications.id, { onDelete: 'set null' }),
		// The certificate this one replaces (M 6b(1)).
		replacesId: uuid().references((): AnyPgColumn => postalCertificates.id),
		// How the papers go: 'post' or 'email' (M 3(4), M 6b(3)).
		sentBy: text().notNull().default('post'),
		issuedOn: date({ mode: 'string' }).notNull(),
		invalidatedOn: date({ mode: 'string' }),
		// 'replaced' (M 5(2)(a)) and the like.
		invalidReason: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique().on(t.electionId, t.number),
		// The lists go through the register in number order: valid ones for the postal voters,
		// invalid ones for the extract (KW M 5(3)). Partial, so a page is one index range scan.
		index('postal_certificates_valid_by_number')
			.on(t.electionId, t.number)
			.where(sql`${t.invalidatedOn} is null`),
		index('postal_certificates_invalid_by_number')
			.on(t.electionId, t.number)
			.where(sql`${t.invalidatedOn} is not null`),
		index().on(t.registrationId, t.electionId),
		index().on(t.applicationId),
		// One valid certificate per holder and election, whatever runs at once: a second issue
		// fails here rather than sending a voter two sets of papers.
		uniqueIndex('postal_certificates_valid_registration')
			.on(t.electionId, t.registrationId)
			.where(sql`${t.invalidatedOn} is null and ${t.registrationId} is not null`),
		uniqueIndex('postal_certificates_valid_holder_application')
			.on(t.electionId, t.holderApplicationId)
			.where(sql`${t.invalidatedOn} is null and ${t.holderApplicationId} is not null`)
	]
);

export type PostalCertificate = typeof postalCertificates.$inferSelect;
