import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';

export const load: PageServerLoad = (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider', 'admin');
	return { roles: staff.roles };
};
