import type { PageServerLoad } from './$types';
import * as journeys from '$lib/server/journeys';
import { goTo, notFound } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

// The resume link: back to wherever the voter was.
export const load: PageServerLoad = async ({ params }) => {
	const { def, base } = journeyOf(params.journey);
	const where = await journeys.resume(def, params.token);
	if (!where) notFound();
	goTo(base, params.token, where);
};
