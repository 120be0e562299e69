import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';
import { registerPath } from '$lib/paths';
import * as auth from '$lib/server/auth';
import * as drafts from '$lib/server/drafts';
import * as registration from '$lib/server/registration';
import { unwrap } from '$lib/server/registration/navigation';

export const load: PageServerLoad = async ({ params, locals }) => {
	const voter = locals.session?.kind === 'voter' ? locals.session : null;
	return {
		token: params.token,
		signedIn: voter !== null,
		view: unwrap(params.token, await registration.viewDone(params.token, voter?.accountId ?? null))
	};
};

export const actions: Actions = {
	// A signed-in voter links this application to their account (issue 3 item 3).
	link: async (event) => {
		const voter = auth.requireVoter(event);
		await drafts.linkAccount(event.params.token, voter.accountId);
		redirect(303, localizeHref(registerPath(event.params.token, { kind: 'done' })));
	}
};
