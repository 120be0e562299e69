import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as overview from '$lib/server/overview';
import { sortedCountries } from '$lib/i18n';

// The voting checklist of one election (issue 4 item 7): public, for every registered voter.
export const load: PageServerLoad = async ({ params, url }) => {
	const prefs = overview.preferences(url.searchParams);
	const checklist = await overview.checklist(params.slug, { country: prefs.country });
	if (!checklist) error(404, { message: m.error_404_text() });
	return {
		checklist,
		prefs,
		// Named and sorted here, in the page's language: a phone need not do it again.
		countries: sortedCountries(overview.countries()),
		zones: overview.timeZones(prefs.timeZone)
	};
};
