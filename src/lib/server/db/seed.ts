import type { Db } from './client';
import { elections, type NewElection } from './schema';

/**
 * The upcoming elections as DOMAIN.md plans them, all provisional until the office confirms them
 * against the official announcement. Existing rows are never overwritten: once an official has
 * edited a day, the seed leaves it alone.
 */
export const UPCOMING_ELECTIONS: NewElection[] = [
	{
		// Provincial elections with the Kiescollege niet-ingezetenen (KW Pa): nomination Monday
		// 1 February 2027 (F 1(1)), election on the 44th day after (J 1(1)).
		slug: 'KNI-2027',
		type: 'KNI',
		electionDay: '2027-03-17',
		nominationDay: '2027-02-01',
		certificatesSentOn: '2026-12-23',
		provisional: true
	},
	{
		// European Parliament 2029: the EU has not yet set the period (Y 8); the day is unknown.
		slug: 'EP-2029',
		type: 'EP',
		electionDay: null,
		nominationDay: null,
		certificatesSentOn: null,
		provisional: true
	},
	{
		// Regular Tweede Kamer election: nomination Monday 1 April 2030 (F 1(2), a municipal year),
		// election Wednesday 15 May 2030 (J 1(1)).
		slug: 'TK-2030',
		type: 'TK',
		electionDay: '2030-05-15',
		nominationDay: '2030-04-01',
		certificatesSentOn: '2030-02-20',
		provisional: true
	}
];

export async function seedElections(db: Db): Promise<void> {
	await db.insert(elections).values(UPCOMING_ELECTIONS).onConflictDoNothing();
}
