import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as registration from '$lib/server/registration';
import { formData, goTo, notFound, unwrap } from '$lib/server/registration/navigation';

export const load: PageServerLoad = async ({ params }) => ({
	token: params.token,
	view: unwrap(params.token, await registration.viewStep(params.token, params.step)).view
});

export const actions: Actions = {
	default: async ({ params, request }) => {
		const result = await registration.submitStep(
			params.token,
			params.step,
			await formData(request),
			getLocale()
		);
		if (!result) notFound();
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		goTo(params.token, result.next);
	}
};
