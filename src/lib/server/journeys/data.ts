import type { JourneyData } from '$lib/journeys/engine';
import * as clock from '$lib/server/clock';
import * as elections from '$lib/server/elections';

/** The calendar's elections and the clock, for journeys whose steps offer an election. */
export async function withElections(): Promise<JourneyData> {
	const list = await elections.list();
	return {
		now: clock.now().toISOString(),
		elections: list.map((e) => ({
			slug: e.slug,
			type: e.type,
			electionDay: e.electionDay,
			nominationDay: e.nominationDay,
			certificatesSentOn: e.certificatesSentOn,
			provisional: e.provisional
		}))
	};
}
