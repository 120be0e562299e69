import type { PageServerLoad } from './$types';
import * as journeys from '$lib/server/journeys';
import { unwrap } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

export const load: PageServerLoad = async ({ params }) => {
	const { def, base } = journeyOf(params.journey);
	const view = await journeys.viewResult(def, params.token);
	return { token: params.token, base, view: unwrap(base, params.token, view) };
};
