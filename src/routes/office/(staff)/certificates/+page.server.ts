import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as elections from '$lib/server/elections';

// The register of postal voting certificates (KW M 5), per election: every role reads it.
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'clerk', 'decider', 'admin');
	return { elections: await elections.list() };
};
