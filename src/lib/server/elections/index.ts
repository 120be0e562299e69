/** The election calendar as entered by the office (seeded with the planned elections). */
import { asc } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { elections, type Election } from '$lib/server/db/schema';

export type { Election };

export async function list(): Promise<Election[]> {
	return (await db())
		.select()
		.from(elections)
		.orderBy(asc(elections.electionDay), asc(elections.slug));
}
