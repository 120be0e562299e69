import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';

// KW D 5: the voter's own registration, applications and decisions; nobody else's.
export const load: PageServerLoad = async (event) => {
	const voter = auth.requireVoter(event);
	return { status: await casework.statusFor(voter.accountId) };
};
