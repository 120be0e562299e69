import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { registerPath, registerStart } from '$lib/paths';
import * as auth from '$lib/server/auth';
import * as drafts from '$lib/server/drafts';
import * as handoff from '$lib/server/handoff';
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
	},
	// "E-mail me the link to this form", to print it on another device.
	email: (event) =>
		handoff.emailLink(
			event,
			{ journey: 'registration', base: registerStart, token: event.params.token },
			getLocale()
		)
};
