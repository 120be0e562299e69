import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as elections from '$lib/server/elections';

// The election calendar: admins only (issue 3 item 7).
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'admin');
	return {
		elections: await elections.list(),
		// After a save the list says which election changed (303 from the form, then GET here).
		saved: event.url.searchParams.get('saved'),
		how: event.url.searchParams.get('how')
	};
};
