import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import * as limits from '$lib/server/limits';
import * as links from '$lib/server/links';

export const load: PageServerLoad = async ({ params }) => ({
	landing: await links.landing(params.code)
});

export const actions: Actions = {
	// Starts the journey pre-filled, in the language the voter now reads the page in.
	default: async (event) => {
		await limits.enforce(event, 'draftCreation');
		const path = await links.start(event.params.code, getLocale());
		redirect(303, localizeHref(path ?? `/via/${event.params.code}`));
	}
};
