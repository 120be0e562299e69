import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as drafts from '$lib/server/drafts';
import * as handoff from '$lib/server/handoff';
import * as journeys from '$lib/server/journeys';
import { goTo, unwrap } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { def, base } = journeyOf(params.journey);
	const voter = locals.session?.kind === 'voter' ? locals.session : null;
	const view = await journeys.viewDone(def, params.token, getLocale(), voter?.accountId ?? null);
	return {
		token: params.token,
		base,
		journey: def.id,
		signedIn: voter !== null,
		view: unwrap(base, params.token, view)
	};
};

export const actions: Actions = {
	// A signed-in voter links this request to their account, to follow it there.
	link: async (event) => {
		const { base } = journeyOf(event.params.journey);
		const voter = auth.requireVoter(event);
		await drafts.linkAccount(event.params.token, voter.accountId);
		goTo(base, event.params.token, { kind: 'done' });
	},
	// "E-mail me the link to this form", to print it on another device.
	email: (event) => {
		const { def, base } = journeyOf(event.params.journey);
		return handoff.emailLink(
			event,
			{ journey: def.id, base, token: event.params.token },
			getLocale()
		);
	}
};
