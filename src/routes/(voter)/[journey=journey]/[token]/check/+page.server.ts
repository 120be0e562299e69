import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as journeys from '$lib/server/journeys';
import { goTo, notFound, unwrap } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

export const load: PageServerLoad = async ({ params }) => {
	const { def, base } = journeyOf(params.journey);
	const view = await journeys.viewCheck(def, params.token, getLocale());
	return { token: params.token, base, journey: def.id, view: unwrap(base, params.token, view) };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { def, base } = journeyOf(params.journey);
		const where = await journeys.confirm(def, params.token);
		if (!where) notFound();
		goTo(base, params.token, where);
	}
};
