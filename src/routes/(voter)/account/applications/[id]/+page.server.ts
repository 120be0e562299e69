import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';

// Another account's application is simply not found: its existence is not revealed either.
export const load: PageServerLoad = async (event) => {
	const voter = auth.requireVoter(event);
	const application = await casework.applicationFor(voter.accountId, event.params.id);
	if (!application) error(404, { message: m.account_application_not_found() });
	return { application };
};
