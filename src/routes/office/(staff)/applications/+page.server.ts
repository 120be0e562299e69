import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';

// The queue (KB D 9): open applications by due day, overdue first.
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'clerk', 'decider');
	const params = event.url.searchParams;
	const status = params.get('status') === 'awaiting_voter' ? 'awaiting_voter' : 'received';
	const page = Number(params.get('page') ?? '1');
	return { status, queue: await casework.queue({ status, page }) };
};
