import type { PageServerLoad } from './$types';
import * as overview from '$lib/server/overview';
import { sortedCountries } from '$lib/i18n';

// Every upcoming election in full (issue 4 item 2): a GET form chooses the country the voter posts
// from and their time zone, so everything renders on the server, without JavaScript.
export const load: PageServerLoad = async ({ url }) => {
	const prefs = overview.preferences(url.searchParams);
	const { now, elections, postalDays } = await overview.forPublic({ country: prefs.country });
	return {
		now,
		elections,
		postalDays,
		prefs,
		// Named and sorted here, in the page's language: a phone need not do it again.
		countries: sortedCountries(overview.countries()),
		zones: overview.timeZones(prefs.timeZone)
	};
};
