import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as journeys from '$lib/server/journeys';
import { goTo } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';
import * as limits from '$lib/server/limits';

export const load: PageServerLoad = async ({ params, url }) => {
	const { def } = journeyOf(params.journey);
	return { journey: def.id, ...(await journeys.viewStart(def, url.searchParams)) };
};

export const actions: Actions = {
	// The start link's query (an election, a guided link's pre-fill) travels in the form's action.
	default: async (event) => {
		const { params, url } = event;
		await limits.enforce(event, 'draftCreation');
		const { def, base } = journeyOf(params.journey);
		const { token, where } = await journeys.start(def, getLocale(), url.searchParams);
		goTo(base, token, where);
	}
};
