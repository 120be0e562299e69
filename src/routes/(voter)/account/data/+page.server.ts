import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';

export const load: PageServerLoad = (event) => {
	auth.requireVoter(event);
	return {};
};
