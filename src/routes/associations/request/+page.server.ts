import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';
import * as associations from '$lib/server/associations';
import * as limits from '$lib/server/limits';
import * as overview from '$lib/server/overview';
import { formData } from '$lib/server/journeys/navigation';

export const load: PageServerLoad = () => ({ countries: overview.countries() });

export const actions: Actions = {
	// The request, then straight on to the requester's own passkey (the one-time link's page).
	default: async (event) => {
		await limits.enforce(event, 'passkeyRegistration');
		const values = associations.readRequest(await formData(event.request));
		const result = await associations.request(values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, localizeHref(associations.joinPath(result.token)));
	}
};
