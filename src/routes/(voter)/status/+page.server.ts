import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import * as status from '$lib/server/status';
import { formData } from '$lib/server/registration/navigation';
import * as limits from '$lib/server/limits';

export const actions: Actions = {
	default: async (event) => {
		const { request } = event;
		// Per requester, never per person asked about: nobody can use up someone else's checks.
		await limits.enforce(event, 'statusRequest');
		// The floor is counted from here: everything before this point (hooks, language) does the
		// same for every request, whoever is asked about.
		const startedAt = performance.now();
		const result = await status.submit(await formData(request), getLocale(), startedAt);
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		// One confirmation for everyone; its URL carries nothing about the outcome.
		redirect(303, localizeHref('/status/sent'));
	}
};
