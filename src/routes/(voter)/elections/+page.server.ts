import type { PageServerLoad } from './$types';
import * as overview from '$lib/server/overview';
import { sortedCountries } from '$lib/i18n';

// Sent as HTML alone, without the app's JavaScript (issue 6: fast on a phone anywhere). Everything
// here is rendered by the server; hydrating its hundreds of elements was most of the work a phone
// did, and the page scored 0.91-0.96 in Lighthouse's mobile preset with it and 1.00 without. What
// JavaScript added here, the countdowns ticking on and the browser's own time zone, the checklist
// and the account pages still do; here the voter's time is the zone chosen, or their country's.
export const csr = false;

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
