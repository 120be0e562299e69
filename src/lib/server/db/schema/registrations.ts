import {
	date,
	index,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { electionType } from './elections';

export const registrationStatus = pgEnum('registration_status', ['active', 'removed']);

/** A postal address abroad: free lines plus a country (ISO 3166-1 alpha-2). */
export type PostalAddress = { lines: string[]; country: string };

/**
 * The standing registration of a voter abroad (KW D 2): the data KB D 4 lists and nothing more.
 * One row per person; the types they are registered for are in `registration_types`.
 * Sized for a million rows: lookups go by account, by the anonymous-status key, and by type.
 */
export const registrations = pgTable(
	'registrations',
	{
		id: uuid().primaryKey().defaultRandom(),
		accountId: uuid().references(() => accounts.id, { onDelete: 'set null' }),
		surname: text().notNull(),
		firstNames: text().notNull(),
		birthDate: date({ mode: 'string' }).notNull(),
		sex: text().notNull(),
		nationality: text().notNull().default('NL'),
		residentialAddress: jsonb().$type<PostalAddress>().notNull(),
		correspondenceAddress: jsonb().$type<PostalAddress>(),
		email: text(),
		phone: text(),
		// BSN, encrypted at rest: crypto.encryptField (AES-256-GCM, `<keyId>:<base64url iv|tag|ct>`).
		bsnEncrypted: text(),
		// HMAC-SHA256 of the BSN under a key from the environment: finds the person named in a
		// population-register change without storing the BSN in the clear.
		bsnIndex: text(),
		// The language the voter used; notices are written in it.
		locale: text().notNull().default('nl'),
		// Normalised surname + date of birth + country of residence: finds the person for an
		// anonymous status request (KW D 5) without scanning a million rows.
		lookupKey: text().notNull(),
		status: registrationStatus().notNull().default('active'),
		// The person died (BRP): no notice is ever sent (KB D 10).
		deceasedOn: date({ mode: 'string' }),
		// The effective date of the last population-register change applied (KW D 6(2)): an older
		// change, e.g. from an old file imported again, never undoes a newer one.
		brpChangedOn: date({ mode: 'string' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.accountId), index().on(t.lookupKey), index().on(t.bsnIndex)]
);

/** For which election types a registration holds, from when, and until when. */
export const registrationTypes = pgTable(
	'registration_types',
	{
		registrationId: uuid()
			.notNull()
			.references(() => registrations.id, { onDelete: 'cascade' }),
		type: electionType().notNull(),
		// KW D 3(1): a 17-year-old's registration takes effect on the 44th day before their 18th
		// birthday, so this may lie in the future.
		startsOn: date({ mode: 'string' }).notNull(),
		endedOn: date({ mode: 'string' }),
		// Reason code for the end (e.g. 'moved_to_netherlands'), see the domain's reason codes.
		endReason: text()
	},
	(t) => [primaryKey({ columns: [t.registrationId, t.type] }), index().on(t.type, t.endedOn)]
);

export type Registration = typeof registrations.$inferSelect;
export type RegistrationType = typeof registrationTypes.$inferSelect;
