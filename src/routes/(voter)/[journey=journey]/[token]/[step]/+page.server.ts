import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as journeys from '$lib/server/journeys';
import { formData, goTo, notFound, unwrap } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

export const load: PageServerLoad = async ({ params }) => {
	const { def, base } = journeyOf(params.journey);
	const result = await journeys.viewStep(def, params.token, params.step);
	return { token: params.token, base, ...unwrap(base, params.token, result) };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { def, base } = journeyOf(params.journey);
		const form = await formData(request);
		const result = await journeys.submitStep(def, params.token, params.step, form, getLocale());
		if (!result) notFound();
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		goTo(base, params.token, result.next);
	}
};
