import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as status from '$lib/server/status';

// KB D 8: the requests that found no registration, the earliest due first (overdue lead).
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'decider');
	const done = event.url.searchParams.get('done');
	return {
		requests: await status.office.openRequests(),
		done: done === 'linked' || done === 'decided' ? done : null
	};
};
