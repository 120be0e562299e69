import { boolean, date, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// KW D 2 / Pa / Y: the election types open to voters abroad.
export const electionType = pgEnum('election_type', ['TK', 'EP', 'KNI']);

/**
 * The election calendar. Election days are set by law and royal decree (KW F 1, F 2, J 1, Y 8):
 * data that officials enter, not constants. `provisional` stays true, and is shown to voters,
 * until the office confirms the day against the official announcement.
 */
export const elections = pgTable('elections', {
	id: uuid().primaryKey().defaultRandom(),
	// Stable key for seeding and links, e.g. 'KNI-2027'.
	slug: text().notNull().unique(),
	type: electionType().notNull(),
	electionDay: date({ mode: 'string' }),
	nominationDay: date({ mode: 'string' }),
	// KW M 6(3): postal voting certificates go out at the latest 12 weeks before election day.
	certificatesSentOn: date({ mode: 'string' }),
	provisional: boolean().notNull().default(true),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export type Election = typeof elections.$inferSelect;
export type NewElection = typeof elections.$inferInsert;
